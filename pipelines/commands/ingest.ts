import path from 'node:path';
import { stringOption, wholeNumber, type Command } from '../lib/command.ts';
import { UsageError } from '../lib/errors.ts';
import { createProgress } from '../lib/progress.ts';
import { defaultWorkerCount } from '../ingest/decode-pool.ts';
import { scanInputs, totalBytes } from '../ingest/files.ts';
import { sources } from '../sources/index.ts';
import { refusalLine } from '../lib/regular-file.ts';
import { emptyInputs } from '../ingest/logical-key.ts';
import { ingestFiles } from '../ingest/run.ts';
import { runCounts } from '../ingest/runs-store.ts';
import { summaryLines, totalsLine } from '../ingest/summary.ts';
import { lakeOption, syncLake } from './lake.ts';

/** Every kind of file roam reads: one per source of the registry. */
const inputKinds = sources.map((s) => s.kind);

/** The sources decoded in TypeScript (not by DuckDB's readers): what the workers decode. */
const decoded = sources
  .filter((s) => 'decode' in s.read)
  .map((s) => s.title)
  .join('/');

function parseKind(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const kind = inputKinds.find((k) => k === value);
  if (kind === undefined) {
    throw new UsageError(`unknown --kind '${value}'`, {
      fix: `use one of: ${inputKinds.join(', ')}`,
    });
  }
  return kind;
}

/** `--workers N`: decode threads, 0 for none; default one per core (at most 8). */
export function parseWorkers(value: string | undefined): number {
  const fix = '--workers 0 decodes in the main thread; --workers 4 starts four decode threads';
  return (
    wholeNumber('workers', value, { min: 0, max: 64, example: 4, fix }) ?? defaultWorkerCount()
  );
}

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'load files or folders into the warehouse (raw.*), each file all or nothing',
  help: `Usage: roam ingest PATH… [--kind KIND] [--force] [--quarantine DIR] [--workers N] [--lake DIR]

Loads each file into raw.* completely or not at all (files share a transaction; when one
fails, the others land again without it). The kind is detected from the content. The same
content twice is skipped. A file replaces the rows of an earlier one only when both are
versions of the same logical file, and says so ("replaced N rows of …"): TAP, RAP and NRTRDE
files by their header (kind, sender, recipient, sequence number, test or commercial data);
CSV, Parquet and JSON lines files by their path from the folder given, that folder's name
included (roam ingest siteA siteB keeps siteA/x.csv and siteB/x.csv apart; a file given
directly counts as in its folder); reference data by kind (the latest file of a kind
replaces the earlier ones); a partner's KPI exchange file by its sender, recipient and month,
checked against the reference data after the run's other files have landed. A file that cannot be loaded is copied to the quarantine folder
with a .reason file beside it, and the others still load; the exit code is then 1. Links to
regular files are followed; devices, FIFOs, sockets and links to anything else are not read,
one line each, and the exit code is then 1 too. A folder
with no files is noted, not an error (an inbox may be empty tonight). A bug stops the run
with exit code 2: the files it was landing are rolled back, the ones before stay loaded.

Options:
  --kind KIND        force the kind (${inputKinds.join(', ')})
  --force            reload files whose content was already loaded
  --quarantine DIR   where bad files go (default: quarantine/ beside the warehouse)
  --workers N        threads decoding ${decoded} files ahead; 0: decode in the main
                     thread (default: one per core, at most 8; here ${defaultWorkerCount()})
  --lake DIR         then write the raw layer into the Parquet lake DIR too, as 'roam lake
                     export' does (for roam build --engine spark)`,
  options: {
    kind: { type: 'string' },
    force: { type: 'boolean' },
    quarantine: { type: 'string' },
    workers: { type: 'string' },
    lake: { type: 'string' },
  },
  async run({ values, positionals }, { warehouse, output }) {
    if (positionals.length === 0) {
      throw new UsageError('no files or folders given', { fix: 'roam ingest PATH…' });
    }
    const workers = parseWorkers(stringOption(values, 'workers'));
    const kind = parseKind(stringOption(values, 'kind'));
    const { files, refused } = await scanInputs(positionals);
    for (const r of refused) output.error(refusalLine(r.path, r.why));
    const refusedPaths = new Set(refused.map((r) => r.path));
    const empty = emptyInputs(
      positionals.filter((input) => !refusedPaths.has(path.resolve(input))),
      files,
    );
    for (const input of empty) output.info(`ingest: no input files found in ${input}`);
    const outcomes = await ingestFiles(warehouse, files, {
      force: values.force === true,
      kind,
      quarantineDir:
        stringOption(values, 'quarantine') ?? path.join(path.dirname(warehouse), 'quarantine'),
      progress: createProgress(output, 'ingest', files.length, await totalBytes(files)),
      workers,
      inputs: positionals,
    });
    const counts = runCounts(outcomes);
    const lake = lakeOption(values);
    const lakeResult = lake === undefined ? undefined : await syncLake(warehouse, lake, output);
    if (output.format === 'json')
      output.json({ warehouse, ...counts, empty, refused, files: outcomes, lake: lakeResult });
    else {
      for (const line of summaryLines(outcomes, process.cwd())) output.result(line);
      output.info(totalsLine(outcomes));
    }
    return counts.quarantined > 0 || refused.length > 0 ? 1 : 0;
  },
};
