/**
 * Report benchmark (not a test): `npx tsx bench/reports.ts [--partners 300] [--events 1000000]
 * [--months 2] [--from 2026-09] [--seed 42]`.
 * Generates a world of N partners (`roam generate`), ingests and builds it once (kept under
 * bench/.work/reports/), then, each in a fresh process with the memory of its whole process tree
 * (Node and Chromium) sampled:
 *   1. `roam report --format html`: every partner's report of the latest month as HTML: reading
 *      the marts, drawing the charts, filling the templates; no Chromium;
 *   2. the Chromium floor: those same HTML files printed to PDF by the same renderer
 *      (bench/reports/print-floor.ts), nothing read or drawn;
 *   3. `roam report`: the partner PDFs, end to end;
 *   4. `roam report exec`: the executive PDF.
 * Prints seconds, seconds per partner PDF, peak memory (the PSS of the process tree, Node and
 * Chromium), and the PDF run against the floor.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sampleTreeRss } from './reports/tree-rss.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const roam = path.join(here, '..', 'bin', 'roam.js');
const tsx = path.join(here, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');

interface Run {
  seconds: number;
  peakRssMb: number;
}

/** Runs `node args…`, its output to stderr, sampling the RSS of its process tree. */
async function measured(args: string[]): Promise<Run> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const sampler = sampleTreeRss(child.pid ?? 0);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const peakRssMb = sampler.stop();
  if (code !== 0) throw new Error(`node ${args.join(' ')} exited with ${String(code)}`);
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, peakRssMb };
}

async function step(what: string, args: string[]): Promise<Run> {
  process.stderr.write(`${what}…\n`);
  const run = await measured(args);
  process.stderr.write(`  ${run.seconds.toFixed(1)} s\n`);
  return run;
}

const filesIn = (dir: string, ext: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .map((f) => path.join(dir, f));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      partners: { type: 'string', default: '300' },
      events: { type: 'string', default: '1000000' },
      months: { type: 'string', default: '2' },
      seed: { type: 'string', default: '42' },
      from: { type: 'string', default: '2026-09' },
    },
  });
  const name = `world-${values.partners}-${values.events}-${values.from}-${values.months}-${values.seed}`;
  const dir = path.join(here, '.work', 'reports', name);
  const world = path.join(dir, 'files');
  const warehouse = path.join(dir, 'warehouse.duckdb');
  const at = ['--warehouse', warehouse];
  if (!existsSync(path.join(dir, 'built'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    await step('generating the world', [
      roam,
      'generate',
      '--out',
      world,
      '--partners',
      values.partners,
      '--events',
      values.events,
      '--months',
      values.months,
      '--seed',
      values.seed,
      '--from',
      values.from,
    ]);
    await step('ingesting it', [roam, ...at, 'ingest', world]);
    await step('building the models', [roam, ...at, 'build']);
    mkdirSync(path.join(dir, 'built'));
  }
  const out = path.join(dir, 'out');
  rmSync(out, { recursive: true, force: true });
  const html = await step('partner reports as HTML (no Chromium)', [
    roam,
    ...at,
    'report',
    '--format',
    'html',
    '--out',
    path.join(out, 'html'),
  ]);
  const pages = filesIn(path.join(out, 'html'), '.html');
  mkdirSync(path.join(out, 'floor'), { recursive: true });
  const floor = await step('Chromium floor: the same HTML printed', [
    tsx,
    path.join(here, 'reports', 'print-floor.ts'),
    path.join(out, 'floor'),
    ...pages,
  ]);
  const pdf = await step('partner PDFs (roam report)', [
    roam,
    ...at,
    'report',
    '--out',
    path.join(out, 'pdf'),
  ]);
  const pdfs = filesIn(path.join(out, 'pdf'), '.pdf').length;
  const exec = await step('executive PDF (roam report exec)', [
    roam,
    ...at,
    'report',
    'exec',
    '--out',
    path.join(out, 'exec'),
  ]);
  const row = (label: string, run: Run, per?: number) =>
    `${label.padEnd(40)} ${`${run.seconds.toFixed(1)} s`.padStart(9)} ${
      per === undefined ? ''.padStart(12) : `${(run.seconds / per).toFixed(3)} s/pdf`.padStart(12)
    } ${`${run.peakRssMb.toFixed(0)} MB`.padStart(9)}`;
  console.log(`## ${pdfs} partner PDFs of one month (${name})`);
  console.log(
    `${'run'.padEnd(40)} ${'time'.padStart(9)} ${'per PDF'.padStart(12)} ${'peak PSS'.padStart(9)}`,
  );
  console.log(row('roam report (PDFs, end to end)', pdf, pdfs));
  console.log(row('  of which: HTML only (read, draw, fill)', html, pages.length));
  console.log(row('  floor: Chromium prints the same HTML', floor, pages.length));
  console.log(row('roam report exec', exec));
  console.log(`PDF run / Chromium floor: ${(pdf.seconds / floor.seconds).toFixed(2)}x`);
  console.log(
    `targets: ${pdfs} PDFs in ${pdf.seconds.toFixed(0)} s (≤ 180 s: ${pdf.seconds <= 180 ? 'met' : 'not met'}); ` +
      `exec ${exec.seconds.toFixed(1)} s (≤ 5 s: ${exec.seconds <= 5 ? 'met' : 'not met'})`,
  );
}

await main();
