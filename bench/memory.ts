/**
 * Memory benchmark (not a test): `npx tsx bench/memory.ts [--events 1000000] [--factor 4] [--jsonl]`.
 * Generates two TAP 3.12 files, of N and factor × N realistic records (bench/tap-decode-measure.ts;
 * most of them fail a rule: MOCs carry causeForTerm 0, MOCs and GPRS a tax code the header has no
 * table for, and the audit's TotalCharge is 0), then, each in a fresh process under
 * /usr/bin/time -v, decodes each file with `roam decode --events 0` (output discarded) and
 * ingests it into an empty warehouse with `roam ingest`; then measures DuckDB's floor
 * (bench/duckdb-floor.ts: the same row counts through a bare appender, same settings, one
 * transaction). Prints file size, findings, time and peak RSS, ingest against the floor, and the
 * ratio of the large file's peak to the small one's: flat memory means a ratio near 1.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { ensureTapFile } from './tap-decode-measure.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const work = path.join(here, '.work', 'memory');
const roam = path.join(here, '..', 'bin', 'roam.js');
const floorScript = path.join(here, 'duckdb-floor.ts');

interface Run {
  seconds: number;
  peakRssMb: number;
}

/** Runs `node bin/roam.js args…` (or `node args…`) under /usr/bin/time -v, stdout discarded. */
function timed(args: string[], script: string[] = [roam]): Run {
  const t = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, ...script, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  });
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr.slice(-2000)}`);
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  if (kb === null) throw new Error(`no peak RSS in /usr/bin/time output: ${r.stderr.slice(-500)}`);
  return { seconds, peakRssMb: Number(kb[1]) / 1024 };
}

/** The findings an ingest landed, by severity. */
async function findings(warehouse: string): Promise<string> {
  const db = await DuckDBInstance.create(warehouse, { access_mode: 'READ_ONLY' });
  try {
    const c = await db.connect();
    const rows = await (
      await c.run(
        'SELECT severity, count(*) FROM raw.tap_validation GROUP BY severity ORDER BY severity',
      )
    ).getRows();
    c.closeSync();
    const total = rows.reduce((sum, [, n]) => sum + Number(n), 0);
    const parts = rows.map(([s, n]) => `${Number(n).toLocaleString('en-US')} ${String(s)}`);
    return `${total.toLocaleString('en-US')} (${parts.join(', ')})`;
  } finally {
    db.closeSync();
  }
}

function line(label: string, run: Run): string {
  return `  ${label.padEnd(28)} ${`${run.seconds.toFixed(1)} s`.padStart(9)} ${`${run.peakRssMb.toFixed(0)} MB`.padStart(9)}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '1000000' },
      factor: { type: 'string', default: '4' },
      jsonl: { type: 'boolean', default: false },
    },
  });
  const small = Number(values.events);
  const sizes = [small, small * Number(values.factor)];
  mkdirSync(work, { recursive: true });
  // What an ingest costs whatever the file: Node, the TypeScript loader, DuckDB, the workers.
  const tiny = ensureTapFile(path.join(work, 'tap-3.12-2000.tap'), 2000);
  const tinyWarehouse = path.join(work, 'warehouse-2000.duckdb');
  rmSync(tinyWarehouse, { force: true });
  const fixed = timed(['ingest', tiny.path, '--warehouse', tinyWarehouse]);
  rmSync(tinyWarehouse, { force: true });
  console.log(`## fixed cost: 2,000 events, ${(tiny.bytes / 1e6).toFixed(1)} MB`);
  console.log(line('roam ingest', fixed));
  const results: { bytes: number; decode: Run; jsonl?: Run; ingest: Run; floor: Run }[] = [];
  for (const events of sizes) {
    const file = ensureTapFile(path.join(work, `tap-3.12-${events}.tap`), events);
    const warehouse = path.join(work, `warehouse-${events}.duckdb`);
    rmSync(warehouse, { force: true });
    rmSync(`${warehouse}.wal`, { force: true });
    const decode = timed(['decode', '--events', '0', file.path]);
    const jsonl = values.jsonl ? timed(['decode', '--jsonl', file.path]) : undefined;
    const ingest = timed(['ingest', file.path, '--warehouse', warehouse]);
    const floorWarehouse = path.join(work, `floor-${events}.duckdb`);
    const floor = timed([warehouse, floorWarehouse], ['--import', 'tsx', floorScript]);
    console.log(
      `## ${events.toLocaleString('en-US')} events, ${(file.bytes / 1e6).toFixed(0)} MB, findings ${await findings(warehouse)}`,
    );
    console.log(line('roam decode --events 0', decode));
    if (jsonl !== undefined) console.log(line('roam decode --jsonl', jsonl));
    console.log(line('roam ingest', ingest));
    console.log(line('DuckDB floor (appender)', floor));
    console.log(`  ingest / floor: ${(ingest.peakRssMb / floor.peakRssMb).toFixed(2)}x peak RSS`);
    results.push({
      bytes: file.bytes,
      decode,
      ingest,
      floor,
      ...(jsonl === undefined ? {} : { jsonl }),
    });
    for (const file of [warehouse, floorWarehouse]) rmSync(file, { force: true });
  }
  const [a, b] = results as [(typeof results)[0], (typeof results)[0]];
  const ratio = (x: Run, y: Run): string => (y.peakRssMb / x.peakRssMb).toFixed(2);
  const jsonlRatio =
    a.jsonl === undefined || b.jsonl === undefined ? '' : `, jsonl ${ratio(a.jsonl, b.jsonl)}x`;
  console.log(
    `peak RSS for a ${(b.bytes / a.bytes).toFixed(1)}x larger file: decode ${ratio(a.decode, b.decode)}x${jsonlRatio}, ingest ${ratio(a.ingest, b.ingest)}x, floor ${ratio(a.floor, b.floor)}x`,
  );
}

await main();
