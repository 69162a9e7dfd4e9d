/**
 * Each known failure gives one line naming the cause and the fix, exits 1, and leaves the
 * warehouse as it was.
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { statePathFor } from '../pipelines/lib/sqlmesh.ts';
import { referenceDir, samplesDir } from '../pipelines/lib/paths.ts';
import { withWarehouse } from '../pipelines/lib/warehouse.ts';
import { probeHeader } from './helpers/sample.ts';
import { fingerprint, roam, tempDir } from './helpers/temp.ts';

let dir: string;
let warehouse: string;

/** stderr is one `roam: … — fix: …` line. */
function expectOneLineError(stderr: string, cause: RegExp) {
  const lines = stderr.trim().split('\n');
  const last = lines.at(-1) ?? '';
  expect(last).toMatch(/^roam: .* — fix: .+/);
  expect(last).toMatch(cause);
  expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
}

const martSnapshot = () =>
  withWarehouse(warehouse, 'read', async (c) =>
    (
      await c.runAndReadAll('SELECT * FROM marts.fct_signalling_success_monthly ORDER BY ALL')
    ).getRowsJson(),
  );

beforeAll(async () => {
  dir = await tempDir('failures');
  warehouse = path.join(dir, 'warehouse.duckdb');
  const ingest = await roam(['ingest', referenceDir, samplesDir, '--warehouse', warehouse]);
  expect(ingest.code, ingest.stderr).toBe(0);
  const built = await roam(['build', '--warehouse', warehouse]);
  expect(built.code, built.stderr).toBe(0);
});

describe('known failures', () => {
  it('a missing Chromium', async () => {
    const before = fingerprint(warehouse);
    const result = await roam(['report', '--warehouse', warehouse, '--out', path.join(dir, 'r')], {
      ROAM_CHROMIUM: path.join(dir, 'no-chromium'),
    });
    expect(result.code).toBe(1);
    expectOneLineError(result.stderr, /Chromium not found at .*no-chromium.*npm run setup/);
    expect(fingerprint(warehouse)).toBe(before);
  });

  it('a missing Python venv', async () => {
    const before = fingerprint(warehouse);
    const result = await roam(['build', '--warehouse', warehouse], {
      ROAM_VENV: path.join(dir, 'no-venv'),
    });
    expect(result.code).toBe(1);
    expectOneLineError(result.stderr, /SQLMesh is not installed.*npm run setup/);
    expect(fingerprint(warehouse)).toBe(before);
  });

  it('a warehouse locked by another process', async () => {
    const other = path.join(dir, 'locked.duckdb');
    await copyFile(warehouse, other);
    const before = fingerprint(other);
    await withWarehouse(other, 'write', async () => {
      // Nothing in this process may open the file now: closing any descriptor of it would drop
      // DuckDB's POSIX lock.
      for (const args of [['ingest', samplesDir], ['build'], ['sql', 'SELECT 1']]) {
        const result = await roam([...args, '--warehouse', other]);
        expect(result.code, args.join(' ')).toBe(1);
        expectOneLineError(result.stderr, /locked by process \d+/);
      }
    });
    expect(fingerprint(other)).toBe(before);
  });

  it('a failing SQLMesh audit leaves the marts and the state as they were', async () => {
    const before = await martSnapshot();
    const stateBefore = fingerprint(statePathFor(warehouse));
    // A partner that is not in data/reference/partners.csv fails the not_null audit on partner_name.
    const extra = path.join(dir, 'xdr-unknown-partner.csv');
    await writeFile(
      extra,
      `${probeHeader}\n2026-10-15 10:00:00.000,ZZZZZ,outbound,MAP,UpdateLocation,214010100000001,,50.0\n`,
    );
    const ingest = await roam(['ingest', extra, '--warehouse', warehouse]);
    expect(ingest.code, ingest.stderr).toBe(0);
    const warehouseBefore = fingerprint(warehouse);

    const result = await roam(['build', '--warehouse', warehouse]);
    expect(result.code).toBe(1);
    expectOneLineError(
      result.stderr,
      /not_null' audit error: 1 row failed in marts\.fct_signalling_success_monthly/,
    );
    expect(fingerprint(warehouse)).toBe(warehouseBefore);
    expect(fingerprint(statePathFor(warehouse))).toBe(stateBefore);
    expect(await martSnapshot()).toEqual(before);
  });
});

describe('build needs reference data', () => {
  it('says which files to ingest when partners are missing', async () => {
    const bare = path.join(dir, 'bare.duckdb');
    expect(
      (await roam(['ingest', path.join(samplesDir, 'probes'), '--warehouse', bare])).code,
    ).toBe(0);
    const before = fingerprint(bare);
    const result = await roam(['build', '--warehouse', bare]);
    expect(result.code).toBe(1);
    expectOneLineError(result.stderr, /no partner reference data .* roam ingest data\/reference/);
    expect(fingerprint(bare)).toBe(before);
  });
});

describe('ingest guarantees', () => {
  it('skips the same content twice and quarantines a bad file while the others load', async () => {
    const inbox = path.join(dir, 'inbox');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(inbox);
    const rows = Array.from(
      { length: 180 },
      (_, i) =>
        `2026-09-01 00:00:${String(i % 60).padStart(2, '0')},DEUHW,outbound,MAP,UpdateLocation,2349900000${String(i).padStart(5, '0')},,10.0`,
    );
    const good = `${probeHeader}\n${rows.join('\n')}\n`;
    await writeFile(path.join(inbox, 'a-good.csv'), good);
    await writeFile(
      path.join(inbox, 'b-bad.csv'),
      `${good}not-a-time,DEUHW,outbound,MAP,UpdateLocation,1,,1.0\n`,
    );
    const own = path.join(dir, 'inbox.duckdb');
    const first = await roam(['ingest', inbox, '--warehouse', own, '--format', 'json']);
    expect(first.code).toBe(1);
    const outcome = JSON.parse(first.stdout) as {
      files: Array<{ file: string; status: string; rows: number }>;
    };
    expect(outcome.files.map((f) => [path.basename(f.file), f.status, f.rows])).toEqual([
      ['a-good.csv', 'loaded', 180],
      ['b-bad.csv', 'quarantined', 0],
    ]);
    const reason = await readFile(path.join(dir, 'quarantine', 'b-bad.csv.reason'), 'utf8');
    expect(reason).toContain('b-bad.csv');
    expect(reason).toMatch(/not-a-time|Line|line/);

    const again = await roam([
      'ingest',
      path.join(inbox, 'a-good.csv'),
      '--warehouse',
      own,
      '--format',
      'json',
    ]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('skipped-duplicate');
    const count = await roam([
      'sql',
      'SELECT count(*) AS n FROM raw.probe_xdr',
      '--warehouse',
      own,
      '--format',
      'json',
    ]);
    expect(JSON.parse(count.stdout)).toEqual([{ n: '180' }]);
  });
});
