import { stringOption, type Command, type OptionValues } from '../lib/command.ts';
import { UsageError } from '../lib/errors.ts';
import type { Output } from '../lib/output.ts';
import { exportLake, type LakeExportResult } from '../lake/export.ts';

/** `--lake DIR`, from the option or $ROAM_LAKE. */
export function lakeOption(values: OptionValues): string | undefined {
  const given = stringOption(values, 'lake');
  return given ?? (process.env.ROAM_LAKE === '' ? undefined : process.env.ROAM_LAKE);
}

/** One line: what an export changed. */
export function lakeLine(result: LakeExportResult): string {
  const data = result.tables.filter((t) => !t.whole);
  const sum = (key: 'written' | 'removed' | 'rows') => data.reduce((n, t) => n + t[key], 0);
  return (
    `lake: ${result.lake}: ${sum('written')} part(s) written (${sum('rows')} rows), ` +
    `${sum('removed')} part(s) of replaced files deleted, registry tables rewritten, in ${result.seconds.toFixed(1)} s`
  );
}

/** Exports the warehouse's raw layer into the lake and says so. */
export async function syncLake(
  warehouse: string,
  lake: string,
  output: Output,
): Promise<LakeExportResult> {
  const result = await exportLake(warehouse, lake);
  output.info(lakeLine(result));
  return result;
}

export const lakeCommand: Command = {
  name: 'lake',
  summary: 'write the raw layer as a Parquet lake (for roam build --engine spark)',
  help: `Usage: roam lake export --lake DIR

Writes the warehouse's raw layer (raw.*) into DIR as Parquet: one folder per raw table, named
like the table (probe_xdr/), with the same columns and types; the event tables partitioned by
their UTC month (month=YYYY-MM/); one part per source file and month, named by the file's id
(the sha256 of its content), written under a hidden temporary name and renamed into place, so a
reader never sees half a part. Incremental: parts already in the lake are kept, the parts of
source files the warehouse no longer holds (replaced by a newer version) are deleted. The
registry's tables (raw.ingested_files…) are one part each, replaced whole.
'roam ingest PATH… --lake DIR' does the same after it loads.

Options:
  --lake DIR   the lake folder (default: $ROAM_LAKE)`,
  options: { lake: { type: 'string' } },
  async run({ values, positionals }, { warehouse, output }) {
    const [action, ...rest] = positionals;
    if (action !== 'export' || rest.length > 0) {
      throw new UsageError(`roam lake has no '${positionals.join(' ')}'`, {
        fix: 'roam lake export --lake DIR',
      });
    }
    const lake = lakeOption(values);
    if (lake === undefined) {
      throw new UsageError('roam lake export needs --lake DIR', {
        fix: 'e.g. roam lake export --lake /srv/roam/lake (or set ROAM_LAKE)',
      });
    }
    const result = await exportLake(warehouse, lake);
    if (output.format === 'json') output.json({ warehouse, ...result });
    else output.result(lakeLine(result));
    return 0;
  },
};
