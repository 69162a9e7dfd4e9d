import path from 'node:path';
import { stringOption, type Command } from '../lib/command.ts';
import { UsageError } from '../lib/errors.ts';
import { createProgress } from '../lib/progress.ts';
import { inputKinds, type InputKind } from '../ingest/detect.ts';
import { listInputFiles, totalBytes } from '../ingest/files.ts';
import { ingestFiles } from '../ingest/run.ts';
import { summaryLines } from '../ingest/summary.ts';

function parseKind(value: string | undefined): InputKind | undefined {
  if (value === undefined) return undefined;
  const kind = inputKinds.find((k) => k === value);
  if (kind === undefined) {
    throw new UsageError(`unknown --kind '${value}'`, {
      fix: `use one of: ${inputKinds.join(', ')}`,
    });
  }
  return kind;
}

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'load files or folders into the warehouse (raw.*), each file all or nothing',
  help: `Usage: roam ingest PATH… [--kind KIND] [--force] [--quarantine DIR]

Loads each file into raw.* completely or not at all (files share a transaction; when one
fails, the others land again without it). The kind is detected from the content. The same
content twice is skipped; a changed file with the same name replaces its earlier rows. A file
that cannot be loaded is copied to the quarantine folder with a .reason file beside it, and
the others still load; the exit code is then 1.

Options:
  --kind KIND        force the kind (${inputKinds.join(', ')})
  --force            reload files whose content was already loaded
  --quarantine DIR   where bad files go (default: quarantine/ beside the warehouse)`,
  options: {
    kind: { type: 'string' },
    force: { type: 'boolean' },
    quarantine: { type: 'string' },
  },
  async run({ values, positionals }, { warehouse, output }) {
    if (positionals.length === 0) {
      throw new UsageError('no files or folders given', { fix: 'roam ingest PATH…' });
    }
    const files = await listInputFiles(positionals);
    const outcomes = await ingestFiles(warehouse, files, {
      force: values.force === true,
      kind: parseKind(stringOption(values, 'kind')),
      quarantineDir:
        stringOption(values, 'quarantine') ?? path.join(path.dirname(warehouse), 'quarantine'),
      progress: createProgress(output, 'ingest', files.length, await totalBytes(files)),
    });
    const failed = outcomes.filter((o) => o.status === 'quarantined');
    if (output.format === 'json') output.json({ warehouse, files: outcomes });
    else {
      for (const line of summaryLines(outcomes, process.cwd())) output.result(line);
      const loaded = outcomes.filter((o) => o.status === 'loaded');
      const rows = loaded.reduce((sum, o) => sum + o.rows, 0);
      output.info(
        `ingest: ${loaded.length} loaded (${rows} rows), ${outcomes.length - loaded.length - failed.length} skipped, ${failed.length} quarantined`,
      );
    }
    return failed.length > 0 ? 1 : 0;
  },
};
