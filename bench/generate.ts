/**
 * `roam generate` benchmark (not a test): `npx tsx bench/generate.ts [--scale medium] [--events N]`.
 * Generates a world into bench/.work/generate-<scale>/ in a fresh child process and prints the
 * generation rate (xDR rows + TAP events per second), bytes written and peak RSS, per phase total.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateWorld } from '../pipelines/generate/generate.ts';
import { resolveOptions } from '../pipelines/generate/options.ts';
import { bytesUnder } from './build/steps.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

async function child(scale: string | undefined, events: string | undefined, out: string) {
  const options = resolveOptions({
    out,
    ...(events === undefined ? { scale: scale ?? 'medium' } : { events }),
  });
  rmSync(out, { recursive: true, force: true });
  const started = performance.now();
  const manifest = await generateWorld(options);
  const seconds = (performance.now() - started) / 1000;
  const rows = (kind: string) => manifest.totals[kind]?.rows ?? 0;
  const files = Object.values(manifest.totals).reduce((s, t) => s + t.files, 0);
  process.stdout.write(
    `${JSON.stringify({
      seconds,
      xdr: rows('probe-xdr'),
      tap: rows('tap-batch'),
      nrtrde: rows('nrtrde'),
      files,
      bytes: bytesUnder(out),
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    })}\n`,
  );
}

const { values } = parseArgs({
  options: {
    scale: { type: 'string' },
    events: { type: 'string' },
    child: { type: 'boolean' },
    out: { type: 'string' },
  },
});
if (values.child === true) {
  await child(values.scale, values.events, values.out!);
} else {
  const label =
    values.events === undefined ? (values.scale ?? 'medium') : `${values.events}-events`;
  const out = path.join(here, '.work', `generate-${label}`);
  const args = [...process.execArgv, fileURLToPath(import.meta.url), '--child', '--out', out];
  if (values.events !== undefined) args.push('--events', values.events);
  else args.push('--scale', values.scale ?? 'medium');
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`generate failed: ${r.stderr}`);
  const m = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as {
    seconds: number;
    xdr: number;
    tap: number;
    nrtrde: number;
    files: number;
    bytes: number;
    peakRssMb: number;
  };
  const events = m.xdr + m.tap;
  const f = (n: number) => Math.round(n).toLocaleString('en');
  console.log(`roam generate (${label}) into ${path.relative(process.cwd(), out)}`);
  console.log(`  xDR rows            ${f(m.xdr)}`);
  console.log(`  TAP events          ${f(m.tap)} (+ ${f(m.nrtrde)} NRTRDE copies)`);
  console.log(`  files               ${f(m.files)}, ${(m.bytes / 1e6).toFixed(1)} MB`);
  console.log(`  time                ${m.seconds.toFixed(1)} s`);
  console.log(`  rate                ${f(events / m.seconds)} events/s (xDR + TAP)`);
  console.log(`  peak RSS            ${m.peakRssMb.toFixed(0)} MB`);
}
