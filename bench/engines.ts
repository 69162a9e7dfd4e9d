/**
 * The same build on DuckDB and on Spark local mode, on one generated world.
 *
 *   nice -n 10 npx tsx bench/engines.ts [--events 200000] [--months 3] [--master local[*]]
 *
 * The world (`roam generate --events N --months M`, TAP events a fifth of the xDRs) is generated
 * once under bench/.work/engines/ and ingested into a fresh warehouse with `--lake` (the lake
 * beside it). Then, each a fresh child process: `roam build` (DuckDB, from scratch), `roam build
 * --engine spark --lake` (from scratch: JVM, metastore, the lake's registration, every model,
 * the marts copied back to DuckDB), and the same Spark build again with nothing new (its fixed
 * cost). Prints each time, the raw rows per second and per core, and the Spark / DuckDB ratio.
 * Needs pyspark in the venv (`npm run setup -- --spark`) and Java 17.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Manifest } from '../pipelines/generate/manifest.ts';
import { bytesUnder, duckdbBytes, roamStep, root, type Step } from './build/steps.ts';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '200000' },
    months: { type: 'string', default: '3' },
    master: { type: 'string', default: 'local[*]' },
  },
});
const events = Number(values.events);
const months = Number(values.months);
const key = `world-${events}-${months}`;
const work = path.join(root, 'bench', '.work', 'engines');
const world = path.join(work, key);
const warehouse = path.join(work, `${key}.duckdb`);
const lake = path.join(work, `${key}.lake`);
const env = { ROAM_SPARK_MASTER: values.master ?? 'local[*]' };

if (!existsSync(path.join(world, 'manifest.json'))) {
  roamStep('generate', [
    'generate',
    '--out',
    world,
    '--events',
    String(events),
    '--months',
    String(months),
  ]);
}
for (const stale of [warehouse, `${warehouse}.wal`, `${warehouse}.sqlmesh-state`, lake])
  rmSync(stale, { recursive: true, force: true });
for (const stale of [`${warehouse}.sqlmesh-cache`, `${warehouse}.spark`])
  rmSync(stale, { recursive: true, force: true });

const manifest = JSON.parse(readFileSync(path.join(world, 'manifest.json'), 'utf8')) as Manifest;
const ingest = roamStep(
  'ingest',
  ['--warehouse', warehouse, 'ingest', world, '--lake', lake],
  env,
  [0, 1],
);
const duckdb = roamStep('duckdb build', ['--warehouse', warehouse, '--format', 'json', 'build']);
const spark = roamStep(
  'spark build',
  ['--warehouse', warehouse, '--format', 'json', '--engine', 'spark', 'build', '--lake', lake],
  env,
);
const sparkNoop = roamStep(
  'spark no-op',
  ['--warehouse', warehouse, '--format', 'json', '--engine', 'spark', 'build', '--lake', lake],
  env,
);

const rows = Object.values(manifest.totals).reduce((sum, t) => sum + t.rows, 0);
const cores = os.availableParallelism();
const sparkCores = /^local\[(\d+)\]$/.exec(values.master ?? '')?.[1];
const usedBySpark = sparkCores === undefined ? cores : Number(sparkCores);
const n = (x: number) => Math.round(x).toLocaleString('en');
const line = (step: Step, usedCores: number, note = '') =>
  console.log(
    `${step.label.padEnd(14)}${`${step.seconds.toFixed(1)} s`.padStart(10)}` +
      `${n(rows / step.seconds).padStart(14)} rows/s${n(rows / step.seconds / usedCores).padStart(12)} rows/s/core` +
      `${`${Math.round(step.maxRssMb)} MB`.padStart(10)}${note}`,
  );
console.log(
  `engines on ${process.arch}, ${cores} cores, Node ${process.version}; world ${key}: ${n(rows)} raw rows ` +
    `in ${n(manifest.files.length)} files; warehouse ${(duckdbBytes(warehouse) / 1e6).toFixed(0)} MB, ` +
    `lake ${(bytesUnder(lake) / 1e6).toFixed(0)} MB (ingest with --lake ${ingest.seconds.toFixed(1)} s)`,
);
console.log(`step              time        throughput            per core   peak RSS`);
line(duckdb, cores, '  (DuckDB uses every core)');
line(
  spark,
  usedBySpark,
  `  ${(spark.seconds / duckdb.seconds).toFixed(1)}× DuckDB, ${values.master}`,
);
line(sparkNoop, usedBySpark, '  (fixed cost: JVM, metastore, lake registration, plan, marts copy)');
console.log(
  `Spark's work beyond its fixed cost: ${(spark.seconds - sparkNoop.seconds).toFixed(1)} s ` +
    `(${n(rows / Math.max(spark.seconds - sparkNoop.seconds, 0.001))} rows/s)`,
);
