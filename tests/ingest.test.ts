/**
 * Ingest guarantees over every source kind: content detection, idempotency, replacement,
 * atomicity (injected failure; kill -9 in kill9.test.ts), quarantine with file, offset and reason.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ingestFiles, type FileOutcome } from '../pipelines/ingest/run.ts';
import { listInputFiles } from '../pipelines/ingest/files.ts';
import { withWarehouse } from '../pipelines/lib/warehouse.ts';
import {
  probeRows,
  writeActiveCsv,
  writeIpxCsv,
  writeNrtrde,
  writeProbeCsv,
  writeProbeJsonl,
  writeProbeParquet,
  writeRapAck,
  writeTap,
} from './helpers/files.ts';
import { tempDir } from './helpers/temp.ts';
import { quietProgress } from '../pipelines/lib/progress.ts';

let dir: string;
let inbox: string;
let warehouse: string;

beforeEach(async () => {
  dir = await tempDir('ingest');
  inbox = path.join(dir, 'inbox');
  mkdirSync(inbox);
  warehouse = path.join(dir, 'warehouse.duckdb');
});

async function ingest(paths: string[], extra: Partial<Parameters<typeof ingestFiles>[2]> = {}) {
  return ingestFiles(warehouse, await listInputFiles(paths), {
    force: false,
    kind: undefined,
    quarantineDir: path.join(dir, 'quarantine'),
    progress: quietProgress,
    ...extra,
  });
}

async function query(sql: string): Promise<Record<string, unknown>[]> {
  return withWarehouse(warehouse, 'read', async (c) =>
    (await c.runAndReadAll(sql)).getRowObjectsJson(),
  );
}

/** How many registry rows each status has, by status. */
async function registryStatuses(): Promise<Record<string, unknown>[]> {
  return query(`SELECT status, count(*)::INT AS n FROM raw.ingested_files GROUP BY 1 ORDER BY 1`);
}

/** Exact row counts of every raw data table. */
async function exactCounts(): Promise<Record<string, number>> {
  const tables = (
    await query(`SELECT table_name AS t FROM duckdb_tables() WHERE schema_name = 'raw'`)
  ).map((r) => String(r.t));
  const out: Record<string, number> = {};
  for (const t of tables)
    out[t] = Number((await query(`SELECT count(*) AS n FROM raw.${t}`))[0]?.n);
  return out;
}

const byName = (outcomes: FileOutcome[]) =>
  Object.fromEntries(
    outcomes.map((o) => [path.basename(o.file), [o.kind, o.format, o.status, o.rows]]),
  );

describe('every source kind, detected from content', () => {
  it('lands TAP, RAP, NRTRDE, probe CSV/JSON lines/Parquet, IPX and active tests', async () => {
    const tap = writeTap(inbox, 'CDDEUNWGBRHM00001');
    writeRapAck(inbox, 'ACGBRHMDEUNW00001');
    writeNrtrde(inbox, 'NRDEUNWGBRHM0000001', 3);
    // Names that say nothing: the content decides.
    writeProbeCsv(inbox, 'a.txt');
    writeProbeJsonl(inbox, 'b.data');
    await writeProbeParquet(inbox, 'c.bin');
    writeIpxCsv(inbox, 'ipx.csv');
    writeActiveCsv(inbox, 'robots.csv');
    const outcomes = await ingest([inbox]);
    expect(byName(outcomes)).toEqual({
      CDDEUNWGBRHM00001: ['tap', 'ber', 'loaded', 15],
      ACGBRHMDEUNW00001: ['rap', 'ber', 'loaded', 2],
      NRDEUNWGBRHM0000001: ['nrtrde', 'ber', 'loaded', 4],
      'a.txt': ['probe-xdr', 'csv', 'loaded', 3],
      'b.data': ['probe-xdr', 'jsonl', 'loaded', 3],
      'c.bin': ['probe-xdr', 'parquet', 'loaded', 3],
      'ipx.csv': ['ipx-measurements', 'csv', 'loaded', 2],
      'robots.csv': ['active-tests', 'csv', 'loaded', 2],
    });
    const events = await query(
      'SELECT count(*) AS n, sum(total_charge)::VARCHAR AS charge FROM raw.tap_events',
    );
    expect(events).toEqual([{ n: String(tap.events), charge: String(1234 + 500 + 50 + 70) }]);
    // The three probe formats give the same rows.
    const probes = await query(
      `SELECT f.format, list(p.result_code ORDER BY p.event_time) AS codes, list(p.rat_type) AS rat
       FROM raw.probe_xdr p JOIN raw.ingested_files f USING (file_id) GROUP BY 1 ORDER BY 1`,
    );
    const codes = probeRows.map((r) => (r[6] === '' ? null : Number(r[6])));
    expect(probes.map((p) => p.codes)).toEqual([codes, codes, codes]);
    expect(probes.find((p) => p.format === 'jsonl')?.rat).toEqual(['EUTRAN', 'EUTRAN', 'EUTRAN']);
    const nrtrde = await query(
      'SELECT sum(charge_amount)::VARCHAR AS c, min(start_utc)::VARCHAR AS s FROM raw.nrtrde_events',
    );
    expect(nrtrde).toEqual([{ c: String(0 + 100 + 200), s: '2026-10-15 08:15:00' }]);
  });

  it('records release, sender, recipient, sequence and rows per table in the registry', async () => {
    writeTap(inbox, 'CDDEUNWGBRHM00001');
    await ingest([inbox]);
    const [row] = await query(
      `SELECT kind, release, sender, recipient, sequence_number, rows_by_table, status, size_bytes > 0 AS sized
       FROM raw.ingested_files`,
    );
    expect(row).toMatchObject({ kind: 'tap', release: 'TAP-3.12', status: 'loaded', sized: true });
    expect(row?.sender).toMatch(/^[A-Z]{3}[A-Z0-9]{2}$/);
    expect(JSON.parse(String(row?.rows_by_table))).toMatchObject({
      tap_events: 4,
      tap_files: 1,
      tap_audit: 1,
    });
  });
});

describe('idempotency and replacement', () => {
  it('ingesting twice is the same as once', async () => {
    writeTap(inbox, 'CDDEUNWGBRHM00001');
    writeProbeCsv(inbox, 'p.csv');
    await ingest([inbox]);
    const once = await exactCounts();
    const again = await ingest([inbox]);
    expect(again.map((o) => o.status)).toEqual(['skipped-duplicate', 'skipped-duplicate']);
    const twice = await exactCounts();
    expect({ ...twice, ingested_files: 0 }).toEqual({ ...once, ingested_files: 0 });
  });

  it('skips the same content under another name', async () => {
    const { file } = writeTap(inbox, 'CDDEUNWGBRHM00001');
    await ingest([inbox]);
    const copy = path.join(dir, 'copy-of-the-same-file');
    copyFileSync(file, copy);
    const [again] = await ingest([copy]);
    expect(again?.status).toBe('skipped-duplicate');
    expect(await query('SELECT count(*)::INT AS n FROM raw.tap_events')).toEqual([{ n: 4 }]);
  });

  it('in one run (one commit group): the same content twice loads once; a new version replaces the old', async () => {
    const { file } = writeTap(inbox, 'CDDEUNWGBRHM00001');
    copyFileSync(file, path.join(inbox, 'CDDEUNWGBRHM00001-copy'));
    const later = path.join(dir, 'later');
    mkdirSync(later);
    writeTap(later, 'CDDEUNWGBRHM00001', 3);
    const outcomes = await ingest([inbox, later]);
    expect(outcomes.map((o) => o.status)).toEqual(['loaded', 'skipped-duplicate', 'loaded']);
    // The rows of the replaced version were still in an appender of the group when it was
    // retired, and its registry row not yet written.
    expect(await query('SELECT count(*)::INT AS n FROM raw.tap_events')).toEqual([{ n: 7 }]);
    expect(await registryStatuses()).toEqual([
      { status: 'loaded', n: 1 },
      { status: 'replaced', n: 1 },
      { status: 'skipped-duplicate', n: 1 },
    ]);
    expect(
      await query(
        `SELECT count(*)::INT AS n FROM raw.tap_charges
         WHERE file_id <> (SELECT file_id FROM raw.ingested_files WHERE status = 'loaded')`,
      ),
    ).toEqual([{ n: 0 }]);
  });

  it('a changed file with the same name replaces its earlier rows; --force reloads', async () => {
    writeTap(inbox, 'CDDEUNWGBRHM00001');
    await ingest([inbox]);
    writeTap(inbox, 'CDDEUNWGBRHM00001', 3);
    const [changed] = await ingest([inbox]);
    expect(changed?.status).toBe('loaded');
    expect(await query('SELECT count(*)::INT AS n FROM raw.tap_events')).toEqual([{ n: 7 }]);
    expect(await registryStatuses()).toEqual([
      { status: 'loaded', n: 1 },
      { status: 'replaced', n: 1 },
    ]);
    const [forced] = await ingest([inbox], { force: true });
    expect(forced?.status).toBe('loaded');
    expect(await query('SELECT count(*)::INT AS n FROM raw.tap_events')).toEqual([{ n: 7 }]);
  });
});

describe('atomicity and quarantine', () => {
  it('an injected failure in the middle of a file leaves none of its rows; the others load', async () => {
    writeTap(inbox, 'CDDEUNWGBRHM00001');
    writeTap(inbox, 'CDDEUNWGBRHM00002', 50);
    writeProbeCsv(inbox, 'p.csv');
    // Progress counts each file once, though the group's first attempt was rolled back.
    const seen = { files: 0, records: 0 };
    const progress = {
      fileDone: (records: number) => ((seen.files += 1), (seen.records += records)),
      takeBack: (records: number) => ((seen.files -= 1), (seen.records -= records)),
      finish: () => {},
    };
    const outcomes = await ingest([inbox], {
      progress,
      afterLoad: (file) =>
        file.endsWith('00002')
          ? Promise.reject(new Error('disk full (injected)'))
          : Promise.resolve(),
    });
    expect(outcomes.map((o) => o.status)).toEqual(['loaded', 'quarantined', 'loaded']);
    expect(seen).toEqual({ files: 3, records: outcomes.reduce((sum, o) => sum + o.rows, 0) });
    expect(await query('SELECT count(*)::INT AS n FROM raw.tap_events')).toEqual([{ n: 4 }]);
    expect(
      await query(
        'SELECT count(*)::INT AS n FROM raw.tap_charges WHERE file_id NOT IN (SELECT file_id FROM raw.ingested_files WHERE status = $s)'.replace(
          '$s',
          "'loaded'",
        ),
      ),
    ).toEqual([{ n: 0 }]);
    expect(
      readFileSync(path.join(dir, 'quarantine', 'CDDEUNWGBRHM00002.reason'), 'utf8'),
    ).toContain('disk full (injected)');
  });

  it('quarantines truncated, corrupt, empty and unknown files with file and byte offset', async () => {
    const { file } = writeTap(dir, 'CDDEUNWGBRHM00009');
    const bytes = readFileSync(file);
    writeFileSync(path.join(inbox, 'CDDEUNWGBRHM00010'), bytes.subarray(0, bytes.length - 30));
    writeFileSync(path.join(inbox, 'empty.csv'), '');
    writeFileSync(path.join(inbox, 'junk.bin'), Buffer.from([0x00, 0x13, 0x37, 0x00, 0x42]));
    writeFileSync(path.join(inbox, 'other.csv'), 'a,b\n1,2\n');
    const good = writeProbeCsv(dir, 'x.csv');
    writeFileSync(
      path.join(inbox, 'bad-value.csv'),
      readFileSync(good, 'utf8') + 'not-a-time,DEUNW,outbound,MAP,UpdateLocation,1,,1\n',
    );
    copyFileSync(good, path.join(inbox, 'z-good.csv'));
    const outcomes = await ingest([inbox]);
    const reasons = Object.fromEntries(
      outcomes.map((o) => [path.basename(o.file), o.reason ?? o.status]),
    );
    expect(reasons['CDDEUNWGBRHM00010']).toMatch(/CDDEUNWGBRHM00010: .* at byte \d+/);
    expect(reasons['empty.csv']).toMatch(/empty\.csv: empty file at byte 0/);
    expect(reasons['junk.bin']).toMatch(/junk\.bin: unknown file kind at byte 0/);
    expect(reasons['other.csv']).toMatch(/other\.csv: no source has the columns a, b/);
    const offset = Buffer.byteLength(readFileSync(good, 'utf8'));
    expect(reasons['bad-value.csv']).toContain(`line 5, byte ${offset}`);
    expect(reasons['bad-value.csv']).toContain('not-a-time');
    expect(reasons['z-good.csv']).toBe('loaded');
    expect(await query('SELECT count(*)::INT AS n FROM raw.probe_xdr')).toEqual([{ n: 3 }]);
    for (const name of [
      'CDDEUNWGBRHM00010',
      'empty.csv',
      'junk.bin',
      'other.csv',
      'bad-value.csv',
    ]) {
      expect(readFileSync(path.join(dir, 'quarantine', `${name}.reason`), 'utf8')).toContain(name);
    }
  });

  it('a decode error in the worker thread quarantines the file with its byte offset', async () => {
    const { file } = writeTap(dir, 'CDDEUNWGBRHM00011', 3000);
    const bytes = readFileSync(file);
    expect(bytes.length).toBeGreaterThan(256 * 1024); // large enough for the worker thread
    writeFileSync(path.join(inbox, 'CDDEUNWGBRHM00011'), bytes.subarray(0, bytes.length - 100));
    writeTap(inbox, 'CDDEUNWGBRHM00012', 3000);
    writeFileSync(path.join(inbox, 'manifest.json'), '{\n  "not": "data"\n}\n');
    const outcomes = await ingest([inbox]);
    expect(outcomes.map((o) => [path.basename(o.file), o.status])).toEqual([
      ['CDDEUNWGBRHM00011', 'quarantined'],
      ['CDDEUNWGBRHM00012', 'loaded'],
    ]);
    expect(outcomes[0]?.reason).toMatch(/CDDEUNWGBRHM00011: .* at byte \d+/);
    expect(await query('SELECT count(*)::INT AS n FROM raw.tap_events')).toEqual([{ n: 3004 }]);
  });

  it('gives the same rows with and without the worker thread', async () => {
    writeTap(inbox, 'CDDEUNWGBRHM00013', 3000);
    await ingest([inbox]);
    const threaded = await query('SELECT * EXCLUDE (file_id) FROM raw.tap_charges ORDER BY ALL');
    await ingest([inbox], { force: true, workers: false });
    const inline = await query('SELECT * EXCLUDE (file_id) FROM raw.tap_charges ORDER BY ALL');
    expect(inline).toEqual(threaded);
    expect(inline.length).toBeGreaterThan(3000);
  });

  it('--kind forces a tabular kind, and refuses a BER file of another kind', async () => {
    writeIpxCsv(inbox, 'ipx.csv');
    writeRapAck(inbox, 'ACGBRHMDEUNW00001');
    const outcomes = await ingest([inbox], { kind: 'tap' });
    expect(outcomes.find((o) => o.file.endsWith('00001'))?.reason).toMatch(/a RAP file, not tap/);
  });
});
