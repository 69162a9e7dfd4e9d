/**
 * End-to-end ingest speed: TAP files and probe xDRs through `roam ingest` (decode, normalise,
 * validate, append, registry), next to DuckDB's own read_csv of the same rows as CSV.
 *
 *   npx tsx bench/ingest.ts [--events 200000] [--xdrs 1000000]
 *
 * Each scenario runs in a fresh child process so that its peak RSS is its own.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { listInputFiles } from '../pipelines/ingest/files.ts';
import { ingestFiles } from '../pipelines/ingest/run.ts';
import { sqlString, withWarehouse } from '../pipelines/lib/warehouse.ts';
import { ensureTapFile } from './tap-decode-measure.ts';

const work = path.join(path.dirname(fileURLToPath(import.meta.url)), '.work', 'ingest');
const quiet = { fileDone: () => {}, finish: () => {} };

interface Result {
  label: string;
  events: number;
  seconds: number;
  bytes: number;
  maxRssMb: number;
}

const tapDir = (events: number) => path.join(work, `tap-${events}`);
const xdrFile = (rows: number) => path.join(work, `xdr-${rows}`, 'xdr.csv');

function prepareTap(events: number): void {
  const dir = tapDir(events);
  mkdirSync(dir, { recursive: true });
  const files = 4;
  for (let i = 1; i <= files; i++) {
    // Different sizes, so that no two files share content (ingest skips repeated content).
    ensureTapFile(path.join(dir, `CDDEUNWGBRHM0000${i}`), Math.ceil(events / files) + i);
  }
}

async function prepareXdr(rows: number): Promise<void> {
  const file = xdrFile(rows);
  if (existsSync(file)) return;
  mkdirSync(path.dirname(file), { recursive: true });
  const out = createWriteStream(file);
  out.write(
    'event_time,partner_tadig,direction,interface,procedure,imsi,result_code,latency_ms,rat_type\n',
  );
  const procedures = [
    ['MAP', 'UpdateLocation', ''],
    ['Diameter', 'ULR', '2001'],
    ['GTPv1', 'CreatePDPContext', '128'],
    ['GTPv2', 'CreateSession', '16'],
  ] as const;
  const start = Date.UTC(2026, 9, 1);
  for (let i = 0; i < rows; i++) {
    const [iface, procedure, code] = procedures[i % procedures.length] ?? procedures[0];
    const time = new Date(start + i * 2000).toISOString().replace('T', ' ').replace('Z', '');
    const line = `${time},DEUNW,outbound,${iface},${procedure},2349900${String(i % 10_000_000).padStart(8, '0')},${code},${(50 + (i % 400)).toFixed(1)},EUTRAN\n`;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
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
  if (mode === 'roam-tap' || mode === 'roam-xdr') {
    const files = await listInputFiles([input]);
    bytes = bytesOf(files);
    const outcomes = await ingestFiles(warehouse, files, {
      force: false,
      kind: undefined,
      quarantineDir: path.join(work, 'quarantine'),
      progress: quiet,
    });
    if (outcomes.some((o) => o.status !== 'loaded')) throw new Error(JSON.stringify(outcomes));
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
  process.stdout.write(`${JSON.stringify({ label: mode, events, seconds, bytes, maxRssMb })}\n`);
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

/** The TAP events of a roam run, exported as CSV, for DuckDB's reader to load. */
async function exportTapEventsCsv(): Promise<string> {
  const file = path.join(work, 'tap-events.csv');
  await withWarehouse(path.join(work, 'roam-tap.duckdb'), 'read', async (connection) => {
    await connection.run(`COPY raw.tap_events TO ${sqlString(file)} (HEADER)`);
  });
  return file;
}

function line(r: Result, peer: Result | undefined): string {
  const rate = r.events / r.seconds;
  const ratio = peer === undefined ? '' : `${(rate / (peer.events / peer.seconds)).toFixed(2)}×`;
  return [
    r.label.padEnd(22),
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
    options: { child: { type: 'string' }, events: { type: 'string' }, xdrs: { type: 'string' } },
    allowPositionals: true,
    strict: false,
  });
  if (typeof values.child === 'string') {
    await child(values.child, process.argv.at(-1) ?? '');
    return;
  }
  const events = Number(values.events ?? 200_000);
  const xdrs = Number(values.xdrs ?? 1_000_000);
  mkdirSync(work, { recursive: true });
  process.stderr.write(`preparing ${events} TAP events (4 files) and ${xdrs} probe xDRs…\n`);
  prepareTap(events);
  await prepareXdr(xdrs);
  const tap = run('roam-tap', tapDir(events));
  const tapPeer = run('duckdb-read_csv-tap', await exportTapEventsCsv());
  const xdr = run('roam-xdr', path.dirname(xdrFile(xdrs)));
  const xdrPeer = run('duckdb-read_csv-xdr', xdrFile(xdrs));
  console.log(
    `ingest on ${process.arch}, Node ${process.version}; ratio = roam events/s ÷ DuckDB read_csv rows/s`,
  );
  console.log(
    [
      'scenario'.padEnd(22),
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
