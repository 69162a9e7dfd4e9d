/**
 * End-to-end ingest speed on a generated month: its TAP files and its probe xDR exports through
 * `roam ingest` (detection, hashing, decode, normalise, validate, append, registry, commit), next
 * to DuckDB's own read_csv loading the same rows from CSV: every row roam landed (one CSV per raw
 * table), and, for TAP, the events table alone (the comparison earlier rounds printed).
 *
 * One more TAP scenario, "writer only", times roam's writing alone: every file is hashed and its
 * column batches decoded first, untimed and held in memory, then landed as ingest lands files
 * (commit groups, appenders, registry, final CHECKPOINT). It is the floor of the end-to-end time on this machine: what
 * decoding may add to it is the rest.
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
import { appendBatches } from '../pipelines/ingest/append-batches.ts';
import { listInputFiles, sha256File } from '../pipelines/ingest/files.ts';
import {
  groupIsFull,
  landGroup,
  type LandOptions,
  type PreparedFile,
} from '../pipelines/ingest/land-group.ts';
import type { Loader } from '../pipelines/ingest/load-result.ts';
import { defaultBatchSize } from '../pipelines/columns/batch-builder.ts';
import type { FileSummary } from '../pipelines/sources/source.ts';
import { tapSource } from '../pipelines/sources/tap/source.ts';
import { tapBatches } from '../pipelines/sources/tap/batches.ts';
import { tapTables } from '../pipelines/sources/tap/raw-schema.ts';
import { ingestFiles, prepareWarehouse, type FileOutcome } from '../pipelines/ingest/run.ts';
import type { ColumnBatch } from '../pipelines/columns/column-batch.ts';
import { sqlString, withWarehouse } from '../pipelines/lib/warehouse.ts';
import { quietProgress } from '../pipelines/lib/progress.ts';

const work = path.join(path.dirname(fileURLToPath(import.meta.url)), '.work', 'ingest');

interface Result {
  label: string;
  files: number;
  /** Call events (TAP) or xDRs: the first table's rows for a peer. */
  events: number;
  /** Rows written to every table. */
  rows: number;
  /** roam's rows per raw table (empty for a peer). */
  rowsByTable: Record<string, number>;
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

/** The raw tables a roam run wrote rows to, the events table first. */
const tablesOf = (rowsByTable: Record<string, number>, first: string) =>
  Object.keys(rowsByTable)
    .filter((t) => rowsByTable[t] !== 0)
    .sort((a, b) => Number(b === first) - Number(a === first) || a.localeCompare(b));

/** What a child measured: `seconds` cover the scenario's timed part only. */
type Measured = Omit<Result, 'label' | 'maxRssMb'>;

/** How the roam scenarios land files: quietly, nothing forced. */
const landOptions: LandOptions = {
  force: false,
  quarantineDir: path.join(work, 'quarantine'),
  progress: quietProgress,
};

/** The rows each table received, from the outcomes of a run whose every file loaded. */
function measuredRows(outcomes: readonly FileOutcome[]) {
  if (outcomes.some((o) => o.status !== 'loaded')) throw new Error(JSON.stringify(outcomes));
  const rowsByTable: Record<string, number> = {};
  for (const outcome of outcomes)
    for (const [table, n] of Object.entries(outcome.result?.rowsByTable ?? {}))
      rowsByTable[table] = (rowsByTable[table] ?? 0) + n;
  const events = rowsByTable.tap_events ?? rowsByTable.probe_xdr ?? 0;
  const rows = Object.values(rowsByTable).reduce((sum, n) => sum + n, 0);
  return { files: outcomes.length, events, rows, rowsByTable };
}

/** `roam ingest` of a folder into a fresh warehouse. */
async function roamIngest(warehouse: string, inputs: string[]): Promise<Measured> {
  const files = await listInputFiles(inputs);
  const started = performance.now();
  const outcomes = await ingestFiles(warehouse, files, { ...landOptions, kind: undefined });
  const seconds = (performance.now() - started) / 1000;
  return { ...measuredRows(outcomes), seconds, bytes: bytesOf(files) };
}

/** A file's column batches, decoded in this thread, replayed later. */
interface Decoded {
  batches: ColumnBatch[];
  summary: FileSummary;
}

async function decodeAll(file: string): Promise<Decoded> {
  const batches: ColumnBatch[] = [];
  const source = tapBatches(file, defaultBatchSize);
  let step = await source.next();
  for (; step.done !== true; step = await source.next()) batches.push(step.value);
  return { batches, summary: step.value };
}

// eslint-disable-next-line @typescript-eslint/require-await -- appendBatches takes an async source
async function* replay({ batches, summary }: Decoded): AsyncGenerator<ColumnBatch, FileSummary> {
  yield* batches;
  return summary;
}

/**
 * roam's writing alone: the TAP files hashed and decoded first (untimed), then landed as an
 * ingest lands them (commit groups, appenders, registry, final CHECKPOINT), each file's loader
 * replaying its batches instead of decoding.
 */
async function writerOnly(warehouse: string, inputs: string[]): Promise<Measured> {
  const files = await listInputFiles(inputs);
  const prepared: PreparedFile[] = [];
  for (const file of files) {
    const decoded = await decodeAll(file);
    const loader: Loader = (_connection, _file, fileId, writers) =>
      appendBatches(writers, tapTables, replay(decoded), fileId);
    prepared.push({
      file,
      size: statSync(file).size,
      fileId: await sha256File(file),
      prepareSeconds: 0,
      plan: { source: tapSource, format: 'ber', loader },
    });
  }
  const started = performance.now();
  const outcomes = await withWarehouse(warehouse, 'write', async (connection) => {
    await prepareWarehouse(connection);
    const landed: FileOutcome[] = [];
    let group: PreparedFile[] = [];
    for (const file of prepared) {
      group.push(file);
      if (groupIsFull(group) || file === prepared.at(-1)) {
        landed.push(...(await landGroup(connection, group, landOptions)));
        group = [];
      }
    }
    await connection.run('CHECKPOINT');
    return landed;
  });
  const seconds = (performance.now() - started) / 1000;
  return { ...measuredRows(outcomes), seconds, bytes: 0 };
}

/** DuckDB's own CSV reader loading the same rows into a fresh database file, table by table. */
async function duckdbReadCsv(warehouse: string, inputs: string[]): Promise<Measured> {
  const started = performance.now();
  let events = 0;
  let rows = 0;
  const instance = await DuckDBInstance.create(warehouse);
  const connection = await instance.connect();
  for (const [i, csv] of inputs.entries()) {
    const reader = await connection.runAndReadAll(
      `CREATE TABLE t${i} AS SELECT * FROM read_csv(${sqlString(csv)}, header = true); SELECT count(*) AS n FROM t${i}`,
    );
    const n = Number(reader.getRowObjectsJson()[0]?.n);
    if (i === 0) events = n;
    rows += n;
  }
  connection.closeSync();
  instance.closeSync();
  const seconds = (performance.now() - started) / 1000;
  return { files: inputs.length, events, rows, rowsByTable: {}, seconds, bytes: bytesOf(inputs) };
}

/** Child: one scenario, printed as JSON. `inputs`: roam's folder, or the peer's CSV files. */
async function child(mode: string, inputs: string[]): Promise<void> {
  const warehouse = path.join(work, `${mode}.duckdb`);
  rmSync(warehouse, { force: true });
  rmSync(`${warehouse}.wal`, { force: true });
  const scenario =
    mode === 'roam-tap-writer' ? writerOnly : mode.startsWith('roam-') ? roamIngest : duckdbReadCsv;
  const measured = await scenario(warehouse, inputs);
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  const result: Result = { label: mode, ...measured, maxRssMb };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function run(mode: string, inputs: string[]): Result {
  const result = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--child', mode, ...inputs],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    },
  );
  if (result.status !== 0) throw new Error(`${mode} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as Result;
}

/** Raw tables of a roam run, exported as CSV (one file each), for DuckDB's reader to load. */
async function exportCsv(mode: string, tables: readonly string[]): Promise<string[]> {
  const files = tables.map((table) => path.join(work, `${mode}-${table}.csv`));
  await withWarehouse(path.join(work, `${mode}.duckdb`), 'read', async (connection) => {
    for (const [i, table] of tables.entries())
      await connection.run(`COPY raw.${table} TO ${sqlString(files[i] as string)} (HEADER)`);
  });
  return files;
}

/** `ratio`: roam's rows/s over the peer's, for the same rows (the same time ratio). */
function line(r: Result, peer: Result | undefined, by: 'rows' | 'events' = 'rows'): string {
  const ratio =
    peer === undefined ? '' : `${(r[by] / r.seconds / (peer[by] / peer.seconds)).toFixed(2)}×`;
  return [
    r.label.padEnd(30),
    r.files.toLocaleString('en').padStart(6),
    r.events.toLocaleString('en').padStart(11),
    r.rows.toLocaleString('en').padStart(11),
    `${r.seconds.toFixed(2)} s`.padStart(9),
    `${Math.round(r.events / r.seconds).toLocaleString('en')} ev/s`.padStart(16),
    `${Math.round(r.rows / r.seconds).toLocaleString('en')} rows/s`.padStart(18),
    (r.bytes === 0 ? '' : `${(r.bytes / 1e6 / r.seconds).toFixed(1)} MB/s`).padStart(11),
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
    const at = process.argv.indexOf(values.child);
    await child(values.child, process.argv.slice(at + 1));
    return;
  }
  const events = Number(values.events ?? 200_000);
  mkdirSync(work, { recursive: true });
  process.stderr.write(`preparing a month of ${events} TAP events and ${events * 5} xDRs…\n`);
  await prepareMonth(events);
  const tap = run('roam-tap', [path.join(monthDir(events), 'tap')]);
  const tapTables = tablesOf(tap.rowsByTable, 'tap_events');
  const tapCsv = await exportCsv('roam-tap', tapTables);
  const tapPeer = run('duckdb-read_csv-tap', tapCsv);
  const tapEventsPeer = run('duckdb-read_csv-tap-events', tapCsv.slice(0, 1));
  const tapWriter = run('roam-tap-writer', [path.join(monthDir(events), 'tap')]);
  const xdr = run('roam-xdr', [path.join(monthDir(events), 'probes')]);
  const xdrPeer = run('duckdb-read_csv-xdr', await exportCsv('roam-xdr', ['probe_xdr']));
  console.log(
    `ingest on ${process.arch}, Node ${process.version}; ratio = roam rows/s ÷ DuckDB read_csv rows/s of the same rows`,
  );
  console.log(`TAP tables: ${tapTables.join(', ')}`);
  console.log(
    [
      'scenario'.padEnd(30),
      'files'.padStart(6),
      'events'.padStart(11),
      'rows'.padStart(11),
      'time'.padStart(9),
      'events/s'.padStart(16),
      'rows/s'.padStart(18),
      'input'.padStart(11),
      'peak RSS'.padStart(8),
      'ratio'.padStart(8),
    ].join('  '),
  );
  console.log(line(tap, tapPeer));
  console.log(line(tapPeer, undefined));
  console.log(line({ ...tap, label: 'roam-tap (events only)' }, tapEventsPeer, 'events'));
  console.log(line(tapEventsPeer, undefined));
  console.log(line({ ...tapWriter, label: 'roam-tap (writer only)' }, tapPeer));
  console.log(line(xdr, xdrPeer));
  console.log(line(xdrPeer, undefined));
}

await main();
