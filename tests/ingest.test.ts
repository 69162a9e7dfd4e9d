/**
 * Ingest guarantees over every source kind: content detection, idempotency, replacement,
 * atomicity (injected failure; kill -9 in kill9.test.ts), quarantine with file, offset and reason.
 */
import { execa } from 'execa';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { groupLimits } from '../pipelines/ingest/land-group.ts';
import { ingestFiles, type FileOutcome } from '../pipelines/ingest/run.ts';
import { LoadError } from '../pipelines/lib/errors.ts';
import { listInputFiles } from '../pipelines/ingest/files.ts';
import { projectRoot } from '../pipelines/lib/paths.ts';
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
  dtl,
  writeTap,
} from './helpers/files.ts';
import { encodeFile } from '../pipelines/asn1/index.ts';
import { rapReturnBatch } from '../pipelines/sources/rap/test-fixtures.ts';
import { probeHeader } from './helpers/sample.ts';
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
    inputs: paths,
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
    // Only the run is recorded: the registry holds one row per file version.
    expect(twice).toEqual({ ...once, ingest_runs: Number(once.ingest_runs) + 1 });
  });

  it('ten re-runs of the same input leave the registry as it was and add ten runs', async () => {
    writeTap(inbox, 'CDDEUNWGBRHM00001');
    writeProbeCsv(inbox, 'p.csv');
    await ingest([inbox]);
    const before = await exactCounts();
    for (let run = 0; run < 10; run++) await ingest([inbox]);
    const after = await exactCounts();
    expect(after.ingested_files).toBe(2);
    expect({ ...after, ingest_runs: 0 }).toEqual({ ...before, ingest_runs: 0 });
    expect(after.ingest_runs).toBe(Number(before.ingest_runs) + 10);
    expect(
      await query(
        `SELECT run_id::INT AS run, status, files::INT AS files, loaded::INT AS loaded,
           skipped::INT AS skipped, finished_at IS NOT NULL AS finished
         FROM raw.ingest_runs WHERE run_id IN (1, 11) ORDER BY run_id`,
      ),
    ).toEqual([
      { run: 1, status: 'finished', files: 2, loaded: 2, skipped: 0, finished: true },
      { run: 11, status: 'finished', files: 2, loaded: 0, skipped: 2, finished: true },
    ]);
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
    // The same header (sender, recipient, sequence, commercial): the same logical file.
    expect(outcomes[2]?.replaced).toEqual([
      { file: file, fileId: outcomes[0]?.fileId, rows: outcomes[0]?.rows },
    ]);
    // The rows of the replaced version were still in an appender of the group when it was
    // retired, and its registry row not yet written.
    expect(await query('SELECT count(*)::INT AS n FROM raw.tap_events')).toEqual([{ n: 7 }]);
    expect(await registryStatuses()).toEqual([
      { status: 'loaded', n: 1 },
      { status: 'replaced', n: 1 },
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
    expect(changed?.replaced.map((r) => [path.basename(r.file), r.rows])).toEqual([
      ['CDDEUNWGBRHM00001', 15],
    ]);
    expect(await query('SELECT count(*)::INT AS n FROM raw.tap_events')).toEqual([{ n: 7 }]);
    expect(await registryStatuses()).toEqual([
      { status: 'loaded', n: 1 },
      { status: 'replaced', n: 1 },
    ]);
    const [forced] = await ingest([inbox], { force: true });
    expect(forced?.status).toBe('loaded');
    expect(await query('SELECT count(*)::INT AS n FROM raw.tap_events')).toEqual([{ n: 7 }]);
    // The same version loaded again: still one registry row for it.
    expect(await registryStatuses()).toEqual([
      { status: 'loaded', n: 1 },
      { status: 'replaced', n: 1 },
    ]);
  });
});

describe('a registry written by an older roam', () => {
  it('is brought to one row per file version once, its keys filled in', async () => {
    const file = path.join(inbox, 'xdr.csv');
    writeFileSync(
      file,
      `${probeHeader}\n2026-10-01 10:00:00,DEUNW,outbound,MAP,UpdateLocation,1,,1\n`,
    );
    await withWarehouse(warehouse, 'write', async (c) => {
      await c.run(`CREATE SCHEMA raw; CREATE TABLE raw.ingested_files (
        file_id VARCHAR, path VARCHAR, file_name VARCHAR, size_bytes BIGINT, kind VARCHAR,
        format VARCHAR, release VARCHAR, sender VARCHAR, recipient VARCHAR,
        sequence_number VARCHAR, status VARCHAR, reason VARCHAR, row_count BIGINT,
        rows_by_table VARCHAR, unknown_tags BIGINT, first_event_at TIMESTAMP,
        last_event_at TIMESTAMP, seconds DOUBLE, ingested_at TIMESTAMP)`);
      const row = (id: string, status: string, reason: string) =>
        `('${id}', '${file}', 'xdr.csv', 10, 'probe-xdr', 'csv', NULL, NULL, NULL, NULL,
          '${status}', ${reason}, 1, NULL, 0, NULL, NULL, 0.1, now())`;
      await c.run(
        `INSERT INTO raw.ingested_files VALUES ${row('old', 'loaded', 'NULL')},
         ${row('old', 'skipped-duplicate', "'same content already loaded'")},
         ${row('bad', 'quarantined', "'xdr.csv: bad at byte 0'")}`,
      );
    });
    // The old version's key is its folder and name: the file in the folder given replaces it.
    const [replacing] = await ingest([inbox]);
    expect(replacing?.replaced.map((r) => r.fileId)).toEqual(['old']);
    expect(
      await query(`SELECT file_id, status, logical_key FROM raw.ingested_files ORDER BY status`),
    ).toEqual([
      { file_id: replacing?.fileId, status: 'loaded', logical_key: 'path:inbox/xdr.csv' },
      { file_id: 'old', status: 'replaced', logical_key: 'path:inbox/xdr.csv' },
    ]);
    expect(await query('SELECT file_id, run_id, reason FROM raw.quarantined_files')).toEqual([
      { file_id: 'bad', run_id: null, reason: 'xdr.csv: bad at byte 0' },
    ]);
  });
});

describe('a registry with RAP keys of before the RAP file kind', () => {
  it('renames them on the next ingest, so a new version still replaces its file', async () => {
    writeRapAck(inbox, 'ACGBRHMDEUNW00001');
    await ingest([inbox]);
    await withWarehouse(warehouse, 'write', (c) =>
      c.run(`UPDATE raw.ingested_files SET logical_key = 'rap:GBRHM>DEUNW:00001:commercial'`),
    );
    const other = path.join(dir, 'other');
    mkdirSync(other);
    writeRapAck(other, 'ACGBRHMDEUNW00001', { ackFileCreationTimeStamp: dtl('20261102120000') });
    const [replacing] = await ingest([other]);
    expect([replacing?.status, replacing?.logicalKey, replacing?.replaced.length]).toEqual([
      'loaded',
      'rap-acknowledgement:GBRHM>DEUNW:00001:commercial',
      1,
    ]);
    expect(await query('SELECT status, logical_key FROM raw.ingested_files ORDER BY 1')).toEqual([
      { status: 'loaded', logical_key: 'rap-acknowledgement:GBRHM>DEUNW:00001:commercial' },
      { status: 'replaced', logical_key: 'rap-acknowledgement:GBRHM>DEUNW:00001:commercial' },
    ]);
  });
});

describe('logical files: only a new version of the same file replaces it', () => {
  /** A probe export of `rows` xDRs, distinct from any other of the test (by `seed`). */
  const probeExport = (file: string, rows: number, seed: number) => {
    mkdirSync(path.dirname(file), { recursive: true });
    const lines = Array.from(
      { length: rows },
      (_, i) =>
        `2026-10-0${1 + (i % 9)} 10:00:00,DEUNW,outbound,MAP,UpdateLocation,2349${String(seed).padStart(3, '0')}${String(i).padStart(7, '0')},,10.0`,
    );
    writeFileSync(file, `${probeHeader}\n${lines.join('\n')}\n`);
  };

  it("keeps two sites' exports of the same name: 150 rows", async () => {
    probeExport(path.join(dir, 'siteA', 'xdr-2026-10.csv'), 100, 1);
    probeExport(path.join(dir, 'siteB', 'xdr-2026-10.csv'), 50, 2);
    const outcomes = await ingest([path.join(dir, 'siteA'), path.join(dir, 'siteB')]);
    expect(outcomes.map((o) => [o.status, o.rows, o.logicalKey, o.replaced])).toEqual([
      ['loaded', 100, 'path:siteA/xdr-2026-10.csv', []],
      ['loaded', 50, 'path:siteB/xdr-2026-10.csv', []],
    ]);
    expect(await query('SELECT count(*)::INT AS n FROM raw.probe_xdr')).toEqual([{ n: 150 }]);
    // A file named directly has the key it has in its folder: siteA's export again.
    probeExport(path.join(dir, 'siteA', 'xdr-2026-10.csv'), 80, 3);
    const [again] = await ingest([path.join(dir, 'siteA', 'xdr-2026-10.csv')]);
    expect(again?.replaced.map((r) => r.rows)).toEqual([100]);
    expect(await query('SELECT count(*)::INT AS n FROM raw.probe_xdr')).toEqual([{ n: 130 }]);
  });

  it('a new version of the same export replaces it and says how many rows; the same content is skipped', async () => {
    const file = path.join(inbox, 'xdr-2026-10.csv');
    probeExport(file, 100, 1);
    await ingest([inbox]);
    probeExport(file, 120, 4);
    const [replacing] = await ingest([inbox]);
    expect(replacing?.replaced).toEqual([
      { file, fileId: expect.any(String) as string, rows: 100 },
    ]);
    expect(await query('SELECT count(*)::INT AS n FROM raw.probe_xdr')).toEqual([{ n: 120 }]);
    const [same] = await ingest([inbox]);
    expect(same?.status).toBe('skipped-duplicate');
    expect(await registryStatuses()).toEqual([
      { status: 'loaded', n: 1 },
      { status: 'replaced', n: 1 },
    ]);
  });

  it("keeps a TAP file of one partner copied under another's name, and test beside commercial", async () => {
    writeTap(inbox, 'CDDEUNWGBRHM00001');
    const other = path.join(dir, 'other');
    mkdirSync(other);
    // Another partner's file (sender FRAF1) delivered under the first one's name.
    writeTap(other, 'CDDEUNWGBRHM00001', 2, { sender: 'FRAF1' });
    const test = path.join(dir, 'test');
    mkdirSync(test);
    // The first partner's test data with the same sequence number.
    writeTap(test, 'CDDEUNWGBRHM00001', 1, { fileTypeIndicator: 'T' });
    const outcomes = await ingest([inbox, other, test]);
    expect(outcomes.map((o) => [o.status, o.logicalKey, o.replaced.length])).toEqual([
      ['loaded', 'tap:DEUD1>GBRCN:00001:commercial', 0],
      ['loaded', 'tap:FRAF1>GBRCN:00001:commercial', 0],
      ['loaded', 'tap:DEUD1>GBRCN:00001:test', 0],
    ]);
    expect(await query('SELECT count(*)::INT AS n FROM raw.tap_events')).toEqual([
      { n: 4 + 6 + 5 },
    ]);
    expect(await query('SELECT test_data FROM raw.ingested_files ORDER BY logical_key')).toEqual([
      { test_data: false },
      { test_data: true },
      { test_data: false },
    ]);
  });

  it('keeps a RAP acknowledgement beside the return batch with the same sender, recipient and sequence', async () => {
    const batch = rapReturnBatch();
    writeFileSync(
      path.join(inbox, 'RCGBRCNDEUD100007'),
      encodeFile('RAP-1.05', { returnBatch: batch }),
    );
    writeRapAck(inbox, 'ACGBRCNDEUD100007', {
      sender: 'GBRCN',
      recipient: 'DEUD1',
      rapFileSequenceNumber: '00007',
    });
    const outcomes = await ingest([inbox]);
    expect(outcomes.map((o) => o.status)).toEqual(['loaded', 'loaded']);
    expect(outcomes.map((o) => [o.logicalKey, o.replaced.length]).sort()).toEqual([
      ['rap-acknowledgement:GBRCN>DEUD1:00007:commercial', 0],
      ['rap-return-batch:GBRCN>DEUD1:00007:commercial', 0],
    ]);
    expect(await query('SELECT kind FROM raw.rap_files ORDER BY kind')).toEqual([
      { kind: 'rap-acknowledgement' },
      { kind: 'rap-return-batch' },
    ]);
  });

  it('reference data: the latest file of a kind replaces the earlier one, and says so', async () => {
    const first = path.join(dir, 'ref1', 'partners.csv');
    const second = path.join(dir, 'ref2', 'partners-2026.csv');
    mkdirSync(path.dirname(first));
    mkdirSync(path.dirname(second));
    const partners = readFileSync(
      path.join(projectRoot, 'data', 'reference', 'partners.csv'),
      'utf8',
    );
    writeFileSync(first, partners);
    const lines = partners.trim().split('\n');
    // The next snapshot, one partner fewer, under another name.
    writeFileSync(second, `${lines.slice(0, -1).join('\n')}\n`);
    await ingest([first]);
    const [latest] = await ingest([second]);
    const rows = lines.length - 1;
    expect(latest?.replaced).toEqual([{ file: first, fileId: expect.any(String) as string, rows }]);
    expect(await query('SELECT count(*)::INT AS n FROM raw.reference_partners')).toEqual([
      { n: rows - 1 },
    ]);
  });

  it('reports fatal validation findings of a loaded file', async () => {
    writeTap(inbox, 'CDDEUNWGBRHM00001', 0, { countOff: 1 });
    const [flawed] = await ingest([inbox]);
    expect(flawed?.status).toBe('loaded');
    const fatal = await query(
      `SELECT count(*)::INT AS n FROM raw.tap_validation WHERE severity = 'fatal'`,
    );
    expect(fatal[0]?.n).toBeGreaterThan(0);
    expect(flawed?.fatalFindings).toBe(fatal[0]?.n);
    expect(await query('SELECT fatal_findings::INT AS n FROM raw.ingested_files')).toEqual(fatal);
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
          ? Promise.reject(new LoadError(`${file}: bad record (injected) at byte 9`, file))
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
    ).toContain('bad record (injected)');
  });

  it('a bug (not bad input) stops the run: its group rolled back, the earlier ones kept, nothing quarantined', async () => {
    writeTap(inbox, 'CDDEUNWGBRHM00001');
    writeTap(inbox, 'CDDEUNWGBRHM00002');
    writeProbeCsv(inbox, 'p.csv');
    const files = groupLimits.files;
    groupLimits.files = 1;
    try {
      const crash = ingest([inbox], {
        afterLoad: (file) =>
          file.endsWith('00002')
            ? Promise.reject(new TypeError("Cannot read properties of undefined (reading 'x')"))
            : Promise.resolve(),
      });
      await expect(crash).rejects.toThrow(TypeError);
    } finally {
      groupLimits.files = files;
    }
    expect(existsSync(path.join(dir, 'quarantine'))).toBe(false);
    expect(await registryStatuses()).toEqual([{ status: 'loaded', n: 1 }]);
    expect(await query('SELECT count(*)::INT AS n FROM raw.tap_events')).toEqual([{ n: 4 }]);
    expect(await query('SELECT status, loaded::INT AS loaded FROM raw.ingest_runs')).toEqual([
      { status: 'crashed', loaded: 1 },
    ]);
    // The next run lands the rest.
    const outcomes = await ingest([inbox]);
    expect(outcomes.map((o) => o.status)).toEqual(['skipped-duplicate', 'loaded', 'loaded']);
  });

  it('a value out of range for its column is bad input: quarantined, naming the file and record', async () => {
    const huge = {
      locationInformation: {
        networkLocation: { recEntityCode: 1, locationArea: 2 ** 40, cellId: 5678 },
        geographicalLocation: { servingNetwork: 'DEUD1' },
      },
    };
    writeTap(inbox, 'CDDEUNWGBRHM00001', 2, { extraMoc: huge });
    writeTap(inbox, 'CDDEUNWGBRHM00002');
    const outcomes = await ingest([inbox], { workers: 0 });
    expect(outcomes.map((o) => o.status)).toEqual(['quarantined', 'loaded']);
    expect(outcomes[0]?.reason).toMatch(
      /CDDEUNWGBRHM00001: raw\.tap_events\.location_area: number out of int32 range: 1099511627776 at byte \d+, record 4/,
    );
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

  it('says which release a TAP file roam does not read is, and where a cut file ends', async () => {
    const { file } = writeTap(dir, 'CDDEUNWGBRHM00013');
    const bytes = readFileSync(file);
    // ReleaseVersionNumber (APPLICATION 189) 12 → 9: a TAP 3.09 batch.
    const release = bytes.indexOf(Buffer.from([0x5f, 0x81, 0x3d, 0x01, 0x0c]));
    expect(release).toBeGreaterThan(0);
    const old = Buffer.from(bytes);
    old[release + 4] = 9;
    writeFileSync(path.join(inbox, 'CDDEUNWGBRHM00014'), old);
    writeFileSync(path.join(inbox, 'CDDEUNWGBRHM00015'), bytes.subarray(0, 50));
    const outcomes = await ingest([inbox]);
    expect(outcomes.map((o) => [path.basename(o.file), o.status, o.reason])).toEqual([
      [
        'CDDEUNWGBRHM00014',
        'quarantined',
        `${path.join(inbox, 'CDDEUNWGBRHM00014')}: a TAP 3.09 file: release not supported (roam reads TAP 3.10–3.12, RAP 1.05, NRTRDE 2.01) at byte 0`,
      ],
      [
        'CDDEUNWGBRHM00015',
        'quarantined',
        expect.stringMatching(
          /CDDEUNWGBRHM00015: a TAP file cut short: it ends inside \w+ at byte 50 \(TransferBatch\/BatchControlInfo(\/\w+)+\)$/,
        ),
      ],
    ]);
  });

  it('names the line of a CSV row with fewer fields than the header, early or late', async () => {
    const good = readFileSync(writeProbeCsv(dir, 'x.csv'), 'utf8');
    const [header = '', row = ''] = good.trim().split('\n');
    const short = '2026-10-01 10:00:00,DEUNW';
    // Early, the short row keeps DuckDB's sniffer from seeing the columns at all; after the
    // sniffer's sample, the load itself meets it.
    const files = {
      'early.csv': [header, row, row, short, row],
      'late.csv': [header, ...Array.from<string>({ length: 25_000 }).fill(row), short],
    };
    for (const [name, lines] of Object.entries(files))
      writeFileSync(path.join(inbox, name), lines.join('\n') + '\n');
    const lateOffset = Buffer.byteLength(
      [header, ...files['late.csv'].slice(1, -1)].join('\n') + '\n',
    );
    const outcomes = await ingest([inbox]);
    expect(outcomes.map((o) => [path.basename(o.file), o.status, o.reason])).toEqual([
      [
        'early.csv',
        'quarantined',
        `${path.join(inbox, 'early.csv')}: a row of 2 fields where the header has 8 at line 4, byte ${Buffer.byteLength([header, row, row].join('\n') + '\n')}`,
      ],
      [
        'late.csv',
        'quarantined',
        `${path.join(inbox, 'late.csv')}: a row of 2 fields where the header has 8 at line 25002, byte ${lateOffset}`,
      ],
    ]);
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
    await ingest([inbox], { force: true, workers: 0 });
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

describe('roam ingest on the command line', () => {
  const cli = (...args: string[]) =>
    execa(
      'node',
      [path.join(projectRoot, 'bin', 'roam.js'), 'ingest', ...args, '--warehouse', warehouse],
      {
        reject: false,
        stdin: 'ignore',
      },
    );

  it('notes an empty folder and exits 0 (an inbox may be empty tonight)', async () => {
    const empty = path.join(dir, 'empty-inbox');
    mkdirSync(empty);
    writeTap(inbox, 'CDDEUNWGBRHM00001');
    const result = await cli(empty, inbox);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toContain(`ingest: no input files found in ${empty}`);
    expect(result.stderr).toContain('ingest: 1 loaded (15 rows), 0 skipped, 0 quarantined');
    const alone = await cli(empty);
    expect(alone.exitCode).toBe(0);
    expect(alone.stderr).toContain(`no input files found in ${empty}`);
  });

  it('says what a file replaced and its fatal findings, in text and in JSON', async () => {
    writeTap(inbox, 'CDDEUNWGBRHM00001');
    expect((await cli(inbox, '--workers', '0')).exitCode).toBe(0);
    writeTap(inbox, 'CDDEUNWGBRHM00001', 1, { countOff: 2 });
    const text = await cli(inbox, '--workers', '1');
    expect(text.exitCode, text.stderr).toBe(0);
    expect(text.stdout).toMatch(
      /loaded +.*CDDEUNWGBRHM00001 {2}\d+ rows, replaced 15 rows of .*CDDEUNWGBRHM00001, loaded with \d+ fatal findings?/,
    );
    writeTap(inbox, 'CDDEUNWGBRHM00001', 2, { countOff: 2 });
    const json = await cli(inbox, '--format', 'json');
    const parsed = JSON.parse(json.stdout) as {
      replaced: number;
      fatalFindings: number;
      files: Array<{ replaced: Array<{ rows: number }>; fatalFindings: number }>;
    };
    expect(parsed.replaced).toBe(1);
    expect(parsed.files[0]?.replaced[0]?.rows).toBeGreaterThan(15);
    expect(parsed.files[0]?.fatalFindings).toBeGreaterThan(0);
    expect(parsed.fatalFindings).toBe(parsed.files[0]?.fatalFindings);
  });

  it("removes its spill directory (one a killed run left too), not a locked warehouse's", async () => {
    writeTap(inbox, 'CDDEUNWGBRHM00001');
    const spill = `${warehouse}.tmp`;
    const leftOver = () => {
      mkdirSync(spill, { recursive: true });
      writeFileSync(path.join(spill, 'duckdb_temp_storage-0.tmp'), 'spilled');
    };
    leftOver();
    expect((await cli(inbox)).exitCode).toBe(0);
    expect(existsSync(spill)).toBe(false);
    leftOver();
    await withWarehouse(warehouse, 'write', async () => {
      const locked = await cli(inbox);
      expect(locked.exitCode).toBe(1);
      expect(locked.stderr).toMatch(/locked by process \d+/);
    });
    // The process holding the warehouse may be spilling there: left alone.
    expect(readFileSync(path.join(spill, 'duckdb_temp_storage-0.tmp'), 'utf8')).toBe('spilled');
  });

  it('refuses a --workers that is not a whole number with one line', async () => {
    const result = await cli(inbox, '--workers', 'many');
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
