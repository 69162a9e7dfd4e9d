/**
 * `roam build` speed on a generated world, against the same model SQL run as plain DuckDB.
 *
 *   nice -n 10 npx tsx bench/build.ts [--events 4500000] [--months 9] [--from YYYY-MM] [--no-floor]
 *
 * `--events`: probe xDRs of the whole world (TAP events are a fifth of it), over `--months` months
 * ending with the last complete month (or from `--from`). The world is generated once under
 * bench/.work/build/ (kept, keyed by its options). Then, each step a fresh child process:
 *
 * 1. `roam ingest` of every month but the last into a fresh warehouse;
 * 2. `roam build` (full: every model, the marts over every month since the project's start),
 *    then `roam build` again with nothing new (no-op);
 * 3. `roam ingest` of the last month, then `roam build` (the added month: its restatement);
 * 4. the floor (bench/build/floor.py): every model's query as SQLMesh renders it, for the range a
 *    full build computes, run as `CREATE OR REPLACE TABLE / VIEW` with the python duckdb module in
 *    a copy of the warehouse taken after step 1; no audits, no state.
 *
 * The builds run with bench/build/profile on PYTHONPATH, which times SQLMesh's evaluate (per
 * model), audit (per model), create and promote calls: the build's time with and without audits.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Manifest } from '../pipelines/generate/manifest.ts';
import { cachedMonths, splitWorld } from './build/months.ts';
import { bytesUnder, duckdbBytes, measure, roamStep, root, type Step } from './build/steps.ts';

const work = path.join(root, 'bench', '.work', 'build');
const here = path.join(root, 'bench', 'build');
const venv = process.env.ROAM_VENV ?? path.join(root, '.venv');

interface Timing {
  step: string;
  model: string | null;
  seconds: number;
}

interface Floor {
  seconds: number;
  render_seconds: number;
  models: Array<{ model: string; kind: string; seconds: number }>;
}

const monthKey = (d: Date) => d.toISOString().slice(0, 7);
const addMonths = (key: string, n: number) => {
  const [y, m] = key.split('-').map(Number) as [number, number];
  return monthKey(new Date(Date.UTC(y, m - 1 + n, 1)));
};
const lastDayOf = (key: string) => {
  const [y, m] = key.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/** The project's start date (model_defaults.start in sql/config.yaml). */
function projectStart(): string {
  const config = readFileSync(path.join(root, 'sql', 'config.yaml'), 'utf8');
  const start = /^\s+start:\s*"?(\d{4}-\d{2}-\d{2})"?/m.exec(config)?.[1];
  if (start === undefined) throw new Error('no model_defaults.start in sql/config.yaml');
  return start;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const n = (x: number) => x.toLocaleString('en');
const s = (x: number) => `${x.toFixed(1)} s`;

function buildStep(label: string, warehouse: string, profile: string): Step {
  rmSync(profile, { force: true });
  return roamStep(label, ['--warehouse', warehouse, '--format', 'json', 'build'], {
    ROAM_VENV: venv,
    PYTHONPATH: path.join(here, 'profile'),
    ROAM_BENCH_PROFILE: profile,
  });
}

const profileOf = (file: string): Timing[] =>
  existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Timing[]) : [];

const sumOf = (timings: Timing[], step: string) =>
  timings.filter((t) => t.step === step).reduce((sum, t) => sum + t.seconds, 0);

/** Per model: evaluate + audit seconds, largest first. */
function topModels(timings: Timing[], count: number) {
  const byModel = new Map<string, { evaluate: number; audit: number }>();
  for (const t of timings) {
    if (t.model === null || (t.step !== 'evaluate' && t.step !== 'audit')) continue;
    const entry = byModel.get(t.model) ?? { evaluate: 0, audit: 0 };
    entry[t.step] += t.seconds;
    byModel.set(t.model, entry);
  }
  return [...byModel.entries()]
    .sort((a, b) => b[1].evaluate + b[1].audit - (a[1].evaluate + a[1].audit))
    .slice(0, count);
}

function printProfile(title: string, step: Step, timings: Timing[], floor?: Floor): void {
  const evaluate = sumOf(timings, 'evaluate');
  const audit = sumOf(timings, 'audit');
  const create = sumOf(timings, 'create');
  const promote = sumOf(timings, 'promote');
  const sqlmesh = (
    JSON.parse(step.stdout.trim() === '' ? '{}' : step.stdout) as {
      sqlmeshSeconds?: Record<string, number>;
    }
  ).sqlmeshSeconds;
  console.log(`## ${title}: ${s(step.seconds)} wall, peak RSS ${Math.round(step.maxRssMb)} MB`);
  if (sqlmesh !== undefined)
    console.log(
      `   SQLMesh process: ${Object.entries(sqlmesh)
        .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
        .join(', ')}`,
    );
  if (timings.length === 0) return;
  console.log(
    `   models evaluated ${s(evaluate)}, audits ${s(audit)}, create ${s(create)}, promote ${s(promote)}; ` +
      `the rest (Python and SQLMesh start-up, plan, state, commit, roam) ${s(step.seconds - evaluate - audit - create - promote)}`,
  );
  console.log(`   without audits: ${s(step.seconds - audit)}`);
  const floorOf = new Map(floor?.models.map((m) => [m.model, m.seconds]));
  console.log(
    `   ${'model'.padEnd(44)}${'evaluate'.padStart(10)}${'audits'.padStart(10)}${floor === undefined ? '' : 'floor'.padStart(10)}`,
  );
  for (const [model, t] of topModels(timings, 10)) {
    const f = floorOf.get(model);
    console.log(
      `   ${model.padEnd(44)}${s(t.evaluate).padStart(10)}${s(t.audit).padStart(10)}${f === undefined ? '' : s(f).padStart(10)}`,
    );
  }
}

/** What a step kept for the report: its output only where it is the build's JSON result. */
const slim = (step: Step): Step => ({
  ...step,
  stdout: step.label === 'ingest' ? '' : step.stdout,
  stderr: '',
});

interface Results {
  key: string;
  from: string;
  headLast: string;
  lastMonth: string;
  worldBytes: number;
  headBytes: number;
  warehouseBytes: number;
  split: { headFiles: number; tailFiles: number };
  generated: Step | undefined;
  ingestHead: Step;
  ingestTail: Step;
  full: Step;
  noop: Step;
  added: Step;
  floorStep: Step | undefined;
  floor: Floor | undefined;
  profiles: { full: Timing[]; noop: Timing[]; added: Timing[] };
}

function report(manifest: Manifest, r: Results): void {
  const { key, from, headLast, lastMonth, split, generated, full, noop, added, floor, floorStep } =
    r;
  const rows = (kind: string) => manifest.totals[kind]?.rows ?? 0;
  const fullProfile = r.profiles.full;
  const fullAudit = sumOf(fullProfile, 'audit');
  console.log(
    `build on ${process.arch}, Node ${process.version}; world ${key} (seed ${manifest.seed}, ${manifest.partners.length} partners)`,
  );
  console.log(
    `world: ${n(rows('probe-xdr'))} xDRs, ${n(rows('tap-batch'))} TAP events, ${n(rows('nrtrde'))} NRTRDE events, ` +
      `${n(manifest.files.length)} files, ${mb(r.worldBytes)}, months ${manifest.months[0]} … ${manifest.months.at(-1)}` +
      (generated === undefined ? '' : ` (generated in ${s(generated.seconds)})`),
  );
  console.log(
    `ingest ${from} … ${headLast}: ${n(split.headFiles)} files in ${s(r.ingestHead.seconds)} (exit ${r.ingestHead.status}), ` +
      `peak RSS ${Math.round(r.ingestHead.maxRssMb)} MB, warehouse ${mb(r.headBytes)}`,
  );
  console.log(
    `ingest ${lastMonth}: ${n(split.tailFiles)} files in ${s(r.ingestTail.seconds)} (exit ${r.ingestTail.status}), warehouse ${mb(r.warehouseBytes)}`,
  );
  console.log('');
  console.log(`step                              time       ratio    target`);
  const line = (label: string, seconds: number, ratio = '', target = '') =>
    console.log(
      `${label.padEnd(30)}${s(seconds).padStart(9)}${ratio.padStart(12)}${target.padStart(10)}`,
    );
  if (floor !== undefined && floorStep !== undefined) {
    line('floor (plain DuckDB)', floor.seconds, '1.00×');
    line(
      'full build',
      full.seconds,
      `${(full.seconds / floor.seconds).toFixed(2)}× floor`,
      '≤ 1.3×',
    );
    if (fullProfile.length > 0)
      line(
        'full build without audits',
        full.seconds - fullAudit,
        `${((full.seconds - fullAudit) / floor.seconds).toFixed(2)}× floor`,
      );
  } else line('full build', full.seconds);
  line(
    'added month',
    added.seconds,
    `${(added.seconds / full.seconds).toFixed(3)}× full`,
    '≤ 0.125×',
  );
  line('no-op build', noop.seconds, `${(noop.seconds / full.seconds).toFixed(3)}× full`);
  if (floorStep !== undefined && floor !== undefined)
    console.log(
      `(floor process ${s(floorStep.seconds)} with Python, SQLMesh's import and rendering ${s(floor.render_seconds)}; peak RSS ${Math.round(floorStep.maxRssMb)} MB)`,
    );
  console.log('');
  printProfile('full build', full, fullProfile, floor);
  printProfile('added month', added, r.profiles.added);
  printProfile('no-op build', noop, r.profiles.noop);
  if (floor !== undefined) {
    console.log('## floor, slowest models');
    for (const m of [...floor.models].sort((a, b) => b.seconds - a.seconds).slice(0, 10))
      console.log(`   ${m.model.padEnd(44)}${m.kind.padEnd(28)}${s(m.seconds).padStart(8)}`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '4500000' },
      months: { type: 'string', default: '9' },
      from: { type: 'string' },
      'no-floor': { type: 'boolean', default: false },
    },
  });
  const events = Number(values.events);
  const months = Number(values.months);
  if (!(months >= 2)) throw new Error('--months must be at least 2');
  const lastComplete = addMonths(monthKey(new Date()), -1);
  const from = values.from ?? addMonths(lastComplete, 1 - months);
  const lastMonth = addMonths(from, months - 1);
  if (lastMonth > lastComplete)
    throw new Error(`the world would end in ${lastMonth}, after the last complete month`);
  const key = `world-${events}-${months}-${from}`;
  const dir = path.join(work, key);
  const world = path.join(dir, 'world');
  mkdirSync(dir, { recursive: true });

  let generated: Step | undefined;
  if (!existsSync(path.join(world, 'manifest.json'))) {
    rmSync(world, { recursive: true, force: true });
    process.stderr.write(`generating ${key}…\n`);
    generated = roamStep('generate', [
      'generate',
      '--out',
      world,
      '--months',
      String(months),
      '--from',
      from,
      '--events',
      String(events),
    ]);
  }
  const manifest = JSON.parse(readFileSync(path.join(world, 'manifest.json'), 'utf8')) as Manifest;
  process.stderr.write('finding each file’s month…\n');
  const fileMonths = await cachedMonths(world);
  const headLast = addMonths(lastMonth, -1);
  const split = splitWorld(world, fileMonths, headLast, dir);

  const warehouse = path.join(dir, 'warehouse.duckdb');
  const floorCopy = path.join(dir, 'floor.duckdb');
  for (const f of [warehouse, floorCopy])
    for (const suffix of ['', '.wal', '.sqlmesh-state', '.sqlmesh-state.wal', '.sqlmesh-cache'])
      rmSync(`${f}${suffix}`, { force: true, recursive: true });

  process.stderr.write(`ingesting ${from} … ${headLast}…\n`);
  const ingestHead = roamStep(
    'ingest',
    ['--warehouse', warehouse, 'ingest', split.head],
    {},
    [0, 1],
  );
  const headBytes = duckdbBytes(warehouse);
  copyFileSync(warehouse, floorCopy);
  if (existsSync(`${warehouse}.wal`)) copyFileSync(`${warehouse}.wal`, `${floorCopy}.wal`);

  const profiles = {
    full: path.join(dir, 'profile-full.json'),
    noop: path.join(dir, 'profile-noop.json'),
    added: path.join(dir, 'profile-added.json'),
  };
  process.stderr.write('full build…\n');
  const full = buildStep('full build', warehouse, profiles.full);
  process.stderr.write('no-op build…\n');
  const noop = buildStep('no-op build', warehouse, profiles.noop);
  process.stderr.write(`ingesting ${lastMonth}…\n`);
  const ingestTail = roamStep(
    'ingest',
    ['--warehouse', warehouse, 'ingest', split.tail],
    {},
    [0, 1],
  );
  process.stderr.write('added-month build…\n');
  const added = buildStep('added month', warehouse, profiles.added);

  let floorStep: Step | undefined;
  let floor: Floor | undefined;
  if (values['no-floor'] !== true) {
    process.stderr.write('floor: the rendered models as plain DuckDB SQL…\n');
    floorStep = measure('floor', path.join(venv, 'bin', 'python'), [
      path.join(here, 'floor.py'),
      path.join(root, 'sql'),
      floorCopy,
      projectStart(),
      lastDayOf(lastComplete),
    ]);
    floor = JSON.parse(floorStep.stdout.trim().split('\n').at(-1) ?? '{}') as Floor;
  }

  const results: Results = {
    key,
    from,
    headLast,
    lastMonth,
    worldBytes: bytesUnder(world),
    headBytes,
    warehouseBytes: duckdbBytes(warehouse),
    split: { headFiles: split.headFiles, tailFiles: split.tailFiles },
    generated: generated === undefined ? undefined : slim(generated),
    ingestHead: slim(ingestHead),
    ingestTail: slim(ingestTail),
    full: slim(full),
    noop: slim(noop),
    added: slim(added),
    floorStep: floorStep === undefined ? undefined : slim(floorStep),
    floor,
    profiles: {
      full: profileOf(profiles.full),
      noop: profileOf(profiles.noop),
      added: profileOf(profiles.added),
    },
  };
  writeFileSync(path.join(dir, 'results.json'), JSON.stringify(results));
  report(manifest, results);
}

const { values: top } = parseArgs({ options: { report: { type: 'string' } }, strict: false });
if (typeof top.report === 'string') {
  // Prints a saved run again: --report bench/.work/build/<world>/results.json
  const results = JSON.parse(readFileSync(top.report, 'utf8')) as Results;
  const manifest = JSON.parse(
    readFileSync(path.join(work, results.key, 'world', 'manifest.json'), 'utf8'),
  ) as Manifest;
  report(manifest, results);
} else await main();
