import { stringOption, type Command } from '../lib/command.ts';
import { lakeOption } from './lake.ts';
import { UsageError } from '../lib/errors.ts';
import { parseRestateMonths } from '../build/months.ts';
import { build, type BuildResult } from '../build/run.ts';

const months = (range: { start: string; end: string }) => {
  const [start, end] = [range.start.slice(0, 7), range.end.slice(0, 7)];
  return start === end ? start : `${start} … ${end}`;
};

function summary(result: BuildResult): string {
  const what: string[] = [];
  if (result.firstBuild) what.push('first build: all models backfilled');
  else if (result.fromScratch) what.push('no SQLMesh state: all models rebuilt from the raw layer');
  const { added, modified, removed } = result.changes;
  const changed = added.length + modified.length + removed.length;
  if (changed > 0 && !result.firstBuild) what.push(`${changed} model change(s) applied`);
  if (result.restated.length > 0) what.push(`restated ${result.restated.map(months).join(', ')}`);
  return what.length === 0 ? 'no new data since the last build' : what.join('; ');
}

export const buildCommand: Command = {
  name: 'build',
  summary: 'run the SQLMesh models (staging → marts) over what was ingested',
  help: `Usage: roam build [--restate YYYY-MM]… [--engine spark --lake DIR]

Applies the SQLMesh project in sql/ to the warehouse, in one SQLMesh process: new or changed
models are built and backfilled, and the months touched by files ingested since the last build
are restated (marts.* recomputed for them).
All or nothing: if a model or an audit fails, the warehouse and SQLMesh's state are left as
they were.

With --engine spark (pyspark installed by 'npm run setup -- --spark', Java 17), the same
models run on Apache Spark (spark.master local[*], or $ROAM_SPARK_MASTER) over the Parquet
lake DIR ('roam lake export' / 'roam ingest --lake'), with the metastore, Spark's tables and
SQLMesh's state in PATH.spark/ beside the warehouse; the marts are then copied into
PATH.spark/marts.duckdb, which 'roam --engine spark report|sql|exchange' read. The files
ingested since the last Spark build decide the months restated, as for DuckDB. Spark has no
transactions: a failed model or audit leaves the marts file and SQLMesh's state as they were,
but not Spark's own tables.

Options:
  --restate YYYY-MM   also recompute the marts of these complete months (repeat it, or give a
                      comma-separated list: --restate 2026-08,2026-09)
  --lake DIR          with --engine spark: the lake (default: $ROAM_LAKE)`,
  options: { restate: { type: 'string', multiple: true }, lake: { type: 'string' } },
  async run({ values, positionals }, { warehouse, output, engine }) {
    if (positionals.length > 0) {
      throw new UsageError(`roam build takes no arguments, not '${positionals.join(' ')}'`, {
        fix: 'give months to restate with --restate (--restate 2026-08 --restate 2026-09, or --restate 2026-08,2026-09)',
      });
    }
    const given = Array.isArray(values.restate)
      ? values.restate.filter((v) => typeof v === 'string')
      : [];
    const restate = parseRestateMonths(given, new Date());
    const lake = lakeOption(values);
    if (engine === 'spark' && lake === undefined) {
      throw new UsageError('roam build --engine spark needs the lake: --lake DIR', {
        fix: 'write it first with roam lake export --lake DIR, then roam build --engine spark --lake DIR',
      });
    }
    if (engine !== 'spark' && lake !== undefined && stringOption(values, 'lake') !== undefined) {
      throw new UsageError('--lake is for roam build --engine spark', {
        fix: 'roam build --engine spark --lake DIR (a DuckDB build reads the warehouse)',
      });
    }
    const spark = engine === 'spark' && lake !== undefined ? { lake } : undefined;
    output.info(
      `build: running SQLMesh (plan, restatements, audits) in one process${spark === undefined ? '' : ', on Spark'}…`,
    );
    const result = await build(warehouse, { restate, ...(spark === undefined ? {} : { spark }) });
    for (const range of result.restated) {
      if (range.models.length === 0) {
        output.warn(
          `build: nothing recomputed for ${months(range)}: no model covers it (see 'start' in sql/config.yaml)`,
        );
      }
    }
    for (const warning of result.warnings) output.warn(`build: ${warning}`);
    if (output.format === 'json') output.json({ warehouse, ...result });
    else output.result(`build: ok (${summary(result)}) in ${result.seconds.toFixed(1)} s`);
    return 0;
  },
};
