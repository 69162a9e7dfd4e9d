/**
 * `roam decode FILE…`: what a TAP / RAP / NRTRDE file holds — header, events, audit, validation
 * findings, unknown tags. Text by default; `--format json` writes one JSON document per file;
 * `--jsonl` writes one JSON line per decoded item as it is read. A file that cannot be decoded
 * gets one clean line on stderr; the other files are still read and the exit code is then 1.
 */
import { stringOption, wholeNumber, type Command } from '../lib/command.ts';
import { UsageError } from '../lib/errors.ts';
import { jsonReplacer } from '../lib/output.ts';
import { notRegularFile, refusalLine } from '../lib/regular-file.ts';
import { inspectFile, type FileReport } from './decode-inspect.ts';
import type { Finding } from '../sources/source.ts';
import { LineSpool } from './decode-spool.ts';
import { findingLine, findingsTitle, renderHead, renderTail } from './decode-text.ts';

/** JSON for decoded values: bigint as in lib/output.ts, byte strings as hex. */
export function decodeJsonReplacer(key: string, value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex');
  return jsonReplacer(key, value);
}

/** A file's JSON document: its report without what only the text output reads. */
function jsonDocument({ events, records: _records, ...rest }: FileReport) {
  return { ...rest, events: events.map(({ line: _line, ...event }) => event) };
}

export const decodeCommand: Command = {
  name: 'decode',
  summary: 'show what a TAP, RAP or NRTRDE file holds, with its validation findings',
  help: `Usage: roam decode FILE… [--format text|json|jsonl] [--events N] [--unknown-hex]

Decodes each file (the kind is detected from its content) and shows its header, its call
events (the first N, default all) with their normalised rows, its audit trailer, the
validation findings (fatal / severe / warning: TAP TD.57 style, RAP and NRTRDE by their
rules) and the tags the schema does not know. A file that cannot be decoded gets one line
(file, byte offset, tag path); the other files are still read and the exit code is then 1.

Options:
  --events N       show the first N events only (validation still reads them all)
  --unknown-hex    keep the hex of the first occurrence of each unknown tag
  --jsonl          the same as --format jsonl

Formats: text (default); json, one document per file; jsonl, one JSON line per item (header,
record, finding, trailer, end, error) as the file is read, a record's findings right after it.
Memory does not grow with the file in jsonl (nothing kept) nor in text (the events shown kept;
many findings wait in a temporary file); json keeps the events shown and the findings.`,
  options: {
    events: { type: 'string' },
    'unknown-hex': { type: 'boolean' },
    jsonl: { type: 'boolean' },
  },
  formats: ['text', 'json', 'jsonl'],
  async run({ values, positionals }, { output }) {
    if (positionals.length === 0) {
      throw new UsageError('no files given', { fix: 'roam decode FILE…' });
    }
    const mode = values.jsonl === true ? 'jsonl' : output.format;
    const events = wholeNumber('events', stringOption(values, 'events'), { min: 0, example: 10 });
    const line = (value: unknown): void => output.result(JSON.stringify(value, decodeJsonReplacer));
    let failed = 0;
    // Text: the findings wait in a spool (memory, then a temporary file) until the audit is out.
    const spool = mode === 'text' ? new LineSpool() : undefined;
    try {
      for (const file of positionals) {
        const why = await notRegularFile(file);
        if (why !== undefined && why !== 'no such file') {
          failed += 1;
          output.error(refusalLine(file, why));
          continue;
        }
        const report: FileReport = await inspectFile(file, {
          ...(events === undefined ? {} : { events }),
          keepUnknownHex: values['unknown-hex'] === true,
          ...(mode === 'jsonl' ? { onItem: line } : {}),
          ...(spool === undefined ? {} : { onFinding: (f: Finding) => spool.add(findingLine(f)) }),
        });
        if (mode === 'json') {
          output.result(JSON.stringify(jsonDocument(report), decodeJsonReplacer, 2));
        } else if (spool !== undefined) {
          for (const text of renderHead(report)) output.result(text);
          output.result(findingsTitle(spool.count));
          for await (const text of spool.drain()) output.result(text);
          for (const text of renderTail(report)) output.result(text);
        }
        if (report.error !== null) {
          failed += 1;
          output.error(report.error.message);
        }
      }
    } finally {
      spool?.close();
    }
    return failed > 0 ? 1 : 0;
  },
};
