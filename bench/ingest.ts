/**
 * End-to-end ingest speed on a generated month: its TAP files and its probe xDR exports through
 * `roam ingest` (detection, hashing, decode, normalise, validate, append, registry, commit), next
 * to DuckDB's own read_csv loading the same rows as one CSV file.
 *
 *   npx tsx bench/ingest.ts [--events 200000]
 *
 * `--events`: TAP call events in the month (the generator adds five probe xDRs per event). Each
 * scenario runs in a fresh child process so that its peak RSS is its own.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { generateWorld } from '../pipelines/generate/generate.ts';
import { resolveOptions } from '../pipelines/generate/options.ts';
import { listInputFiles } from '../pipelines/ingest/files.ts';
import { ingestFiles } from '../pipelines/ingest/run.ts';
import { sqlString, withWarehouse } from '../pipelines/lib/warehouse.ts';
import { quietProgress } from '../pipelines/lib/progress.ts';

const work = path.join(path.dirname(fileURLToPath(import.meta.url)), '.work', 'ingest');

interface Result {
  label: string;
  files: number;
  events: number;
  seconds: number;
  bytes: number;
  maxRssMb: number;
}

const monthDir = (events: number) => path.join(work, `month-${events}`);

/** One month of seed 42 with `events` TAP events (and five times as many probe xDRs). */
async function prepareMonth(events: number): Promise<void> {
  const out = monthDir(events);
  if (existsSync(path.join(out, 'manifest.json'))) return;
  rmSync(out, { recursive: true, force: true });
  await generateWorld(
    resolveOptions({ events: String(events * 5), months: '1', from: '2026-10', out }),
  );
}

const bytesOf = (files: string[]) => files.reduce((sum, f) => sum + statSync(f).size, 0);

/** Child: one scenario, printed as JSON. */
async function child(mode: string, input: string): Promise<void> {
  const warehouse = path.join(work, `${mode}.duckdb`);
  rmSync(warehouse, { force: true });
  rmSync(`${warehouse}.wal`, { force: true });
  const started = performance.now();
  let events = 0;
  let bytes = 0;
  let fileCount = 1;
  if (mode === 'roam-tap' || mode === 'roam-xdr') {
    const files = await listInputFiles([input]);
    bytes = bytesOf(files);
    const outcomes = await ingestFiles(warehouse, files, {
      force: false,
      kind: undefined,
      quarantineDir: path.join(work, 'quarantine'),
      progress: quietProgress,
    });
    if (outcomes.some((o) => o.status !== 'loaded')) throw new Error(JSON.stringify(outcomes));
    fileCount = files.length;
    events = outcomes.reduce(
      (sum, o) =>
        sum + Number(o.result?.rowsByTable.tap_events ?? o.result?.rowsByTable.probe_xdr ?? 0),
      0,
    );
  } else {
    // DuckDB's own CSV reader loading the same rows into a fresh database file.
    bytes = statSync(input).size;
    const instance = await DuckDBInstance.create(warehouse);
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(
      `CREATE TABLE t AS SELECT * FROM read_csv(${sqlString(input)}, header = true); SELECT count(*) AS n FROM t`,
    );
    events = Number(reader.getRowObjectsJson()[0]?.n);
    connection.closeSync();
    instance.closeSync();
  }
  const seconds = (performance.now() - started) / 1000;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  const result: Result = { label: mode, files: fileCount, events, seconds, bytes, maxRssMb };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function run(mode: string, input: string): Result {
  const result = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--child', mode, input],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    },
  );
  if (result.status !== 0) throw new Error(`${mode} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as Result;
}

/** A raw table of a roam run, exported as CSV, for DuckDB's reader to load. */
async function exportCsv(mode: string, table: string): Promise<string> {
  const file = path.join(work, `${mode}-${table}.csv`);
  await withWarehouse(path.join(work, `${mode}.duckdb`), 'read', async (connection) => {
    await connection.run(`COPY raw.${table} TO ${sqlString(file)} (HEADER)`);
  });
  return file;
}

function line(r: Result, peer: Result | undefined): string {
  const rate = r.events / r.seconds;
  const ratio = peer === undefined ? '' : `${(rate / (peer.events / peer.seconds)).toFixed(2)}×`;
  return [
    r.label.padEnd(22),
    r.files.toLocaleString('en').padStart(6),
    r.events.toLocaleString('en').padStart(11),
    `${r.seconds.toFixed(2)} s`.padStart(9),
    `${Math.round(rate).toLocaleString('en')} ev/s`.padStart(16),
    `${(r.bytes / 1e6 / r.seconds).toFixed(1)} MB/s`.padStart(11),
    `${Math.round(r.maxRssMb)} MB`.padStart(8),
    ratio.padStart(8),
  ].join('  ');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { child: { type: 'string' }, events: { type: 'string' } },
    allowPositionals: true,
    strict: false,
  });
  if (typeof values.child === 'string') {
    await child(values.child, process.argv.at(-1) ?? '');
    return;
  }
  const events = Number(values.events ?? 200_000);
  mkdirSync(work, { recursive: true });
  process.stderr.write(`preparing a month of ${events} TAP events and ${events * 5} xDRs…\n`);
  await prepareMonth(events);
  const tap = run('roam-tap', path.join(monthDir(events), 'tap'));
  const tapPeer = run('duckdb-read_csv-tap', await exportCsv('roam-tap', 'tap_events'));
  const xdr = run('roam-xdr', path.join(monthDir(events), 'probes'));
  const xdrPeer = run('duckdb-read_csv-xdr', await exportCsv('roam-xdr', 'probe_xdr'));
  console.log(
    `ingest on ${process.arch}, Node ${process.version}; ratio = roam events/s ÷ DuckDB read_csv rows/s`,
  );
  console.log(
    [
      'scenario'.padEnd(22),
      'files'.padStart(6),
      'events'.padStart(11),
      'time'.padStart(9),
      'rate'.padStart(16),
      'input'.padStart(11),
      'peak RSS'.padStart(8),
      'ratio'.padStart(8),
    ].join('  '),
  );
  console.log(line(tap, tapPeer));
  console.log(line(tapPeer, undefined));
  console.log(line(xdr, xdrPeer));
  console.log(line(xdrPeer, undefined));
}

await main();
