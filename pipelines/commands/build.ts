import type { Command } from '../lib/command.ts';
import { build } from '../build/run.ts';

export const buildCommand: Command = {
  name: 'build',
  summary: 'run the SQLMesh models (staging → marts) over what was ingested',
  help: `Usage: roam build

Applies the SQLMesh project in sql/ to the warehouse: new or changed models are built and
backfilled, and the months touched by files ingested since the last build are restated.
All or nothing: if a model or an audit fails, the warehouse is left as it was.`,
  options: {},
  async run(_args, { warehouse, output }) {
    output.info('build: running SQLMesh (plan, then restatement of newly loaded months)…');
    const result = await build(warehouse);
    if (output.format === 'json') output.json({ warehouse, ...result });
    else {
      const what = result.firstBuild
        ? 'first build: all models backfilled'
        : result.restated === undefined
          ? 'no new data since the last build'
          : `restated ${result.restated.start} … ${result.restated.end}`;
      output.result(`build: ok (${what}) in ${result.seconds.toFixed(1)} s`);
    }
    return 0;
  },
};
