/**
 * `roam decode FILE…`: what a TAP / RAP / NRTRDE file holds — header, events, audit, validation
 * findings, unknown tags. Text by default; `--format json` writes one JSON document per file;
 * `--jsonl` writes one JSON line per decoded item as it is read. A file that cannot be decoded
 * gets one clean line on stderr; the other files are still read and the exit code is then 1.
 */
import { stringOption, wholeNumber, type Command } from '../lib/command.ts';
import { UsageError } from '../lib/errors.ts';
import { jsonReplacer } from '../lib/output.ts';
import { inspectFile, type FileReport } from './decode-inspect.ts';
import { renderReport } from './decode-text.ts';

/** JSON for decoded values: bigint as in lib/output.ts, byte strings as hex. */
export function decodeJsonReplacer(key: string, value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex');
  return jsonReplacer(key, value);
}

export const decodeCommand: Command = {
  name: 'decode',
  summary: 'show what a TAP, RAP or NRTRDE file holds, with TD.57-style validation findings',
  help: `Usage: roam decode FILE… [--format text|json|jsonl] [--events N] [--unknown-hex]

Decodes each file (the kind is detected from its content) and shows its header, its call
events (the first N, default all) with their normalised rows, its audit trailer, the
validation findings (TAP: fatal / severe / warning, TD.57 style) and the tags the schema does
not know. A file that cannot be decoded gets one line (file, byte offset, tag path); the
other files are still read and the exit code is then 1.

Options:
  --events N       show the first N events only (validation still reads them all)
  --unknown-hex    keep the hex of the first occurrence of each unknown tag
  --jsonl          the same as --format jsonl

Formats: text (default); json, one document per file; jsonl, one JSON line per item (header,
record, finding, trailer, end, error) as the file is read.`,
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
    for (const file of positionals) {
      const report: FileReport = await inspectFile(file, {
        ...(events === undefined ? {} : { events }),
        keepUnknownHex: values['unknown-hex'] === true,
        ...(mode === 'jsonl' ? { onItem: line } : {}),
      });
      if (mode === 'json') {
        const { events: shown, ...rest } = report;
        const doc = { ...rest, events: shown.map(({ line: _line, ...event }) => event) };
        output.result(JSON.stringify(doc, decodeJsonReplacer, 2));
      } else if (mode === 'text') {
        for (const text of renderReport(report)) output.result(text);
      }
      if (report.error !== null) {
        failed += 1;
        output.error(report.error.message);
      }
    }
    return failed > 0 ? 1 : 0;
  },
};
