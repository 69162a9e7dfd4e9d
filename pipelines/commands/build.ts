import type { Command } from '../lib/command.ts';
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
  help: `Usage: roam build [--restate YYYY-MM]…

Applies the SQLMesh project in sql/ to the warehouse, in one SQLMesh process: new or changed
models are built and backfilled, and the months touched by files ingested since the last build
are restated (marts.* recomputed for them).
All or nothing: if a model or an audit fails, the warehouse and SQLMesh's state are left as
they were.

Options:
  --restate YYYY-MM   also recompute the marts of these complete months (repeat it, or give a
                      comma-separated list: --restate 2026-08,2026-09)`,
  options: { restate: { type: 'string', multiple: true } },
  async run({ values, positionals }, { warehouse, output }) {
    if (positionals.length > 0) {
      throw new UsageError(`roam build takes no arguments, not '${positionals.join(' ')}'`, {
        fix: 'give months to restate with --restate (--restate 2026-08 --restate 2026-09, or --restate 2026-08,2026-09)',
      });
    }
    const given = Array.isArray(values.restate)
      ? values.restate.filter((v) => typeof v === 'string')
      : [];
    const restate = parseRestateMonths(given, new Date());
    output.info('build: running SQLMesh (plan, restatements, audits) in one process…');
    const result = await build(warehouse, { restate });
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
