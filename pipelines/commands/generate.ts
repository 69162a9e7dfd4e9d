import path from 'node:path';
import { generateWorld } from '../generate/generate.ts';
import { resolveOptions } from '../generate/options.ts';
import { stringOption, type Command } from '../lib/command.ts';

export const generateCommand: Command = {
  name: 'generate',
  summary: 'write a deterministic synthetic roaming world (TAP, RAP, NRTRDE, probes, IPX, tests)',
  help: `Usage: roam generate --out DIR [--seed N] [--partners N] [--from YYYY-MM] [--months N]
                     [--scale small|medium|large | --events N]

Writes a synthetic month (or months) of a carrier's roaming data under DIR: reference/ (home
network, partners, KPI catalogue, SLA agreements), tap/ (both directions), rap/, nrtrde/,
probes/ (CSV and Parquet), ipx/, active-tests/ and manifest.json (options, counts per file,
planted stories with the KPI values the marts must show).
The same seed and options always give byte-identical files.

Options:
  --out DIR         output folder (created; existing files of the same names are replaced)
  --seed N          random seed (default 42)
  --partners N      number of roaming partners (default 8)
  --from YYYY-MM    first month (default 2026-05)
  --months N        number of months (default 6)
  --scale S         small (30 k xDRs, 4.5 k TAP events), medium (2 M / 400 k) or large (100 M / 20 M)
  --events N        probe xDR rows instead of a scale; TAP events are a fifth of it`,
  options: {
    out: { type: 'string' },
    seed: { type: 'string' },
    partners: { type: 'string' },
    from: { type: 'string' },
    months: { type: 'string' },
    scale: { type: 'string' },
    events: { type: 'string' },
  },
  async run({ values }, { output }) {
    const options = resolveOptions({
      out: stringOption(values, 'out'),
      seed: stringOption(values, 'seed'),
      partners: stringOption(values, 'partners'),
      from: stringOption(values, 'from'),
      months: stringOption(values, 'months'),
      scale: stringOption(values, 'scale'),
      events: stringOption(values, 'events'),
    });
    const started = performance.now();
    const manifest = await generateWorld(options);
    const seconds = (performance.now() - started) / 1000;
    if (output.format === 'json') output.json(manifest);
    else {
      for (const [kind, t] of Object.entries(manifest.totals)) {
        output.result(
          `${kind.padEnd(20)} ${String(t.files).padStart(5)} files ${String(t.rows).padStart(12)} rows`,
        );
      }
      for (const s of manifest.stories) output.result(`story: ${s.story}`);
      output.info(`generate: ${path.resolve(options.out)} in ${seconds.toFixed(1)} s`);
    }
    return 0;
  },
};
