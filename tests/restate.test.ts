/**
 * New data for months already built, new months, new reference data and months named by hand
 * reach the marts on the next build (SQLMesh restatement, in the build's one SQLMesh process),
 * without touching other months; a state that does not belong to its warehouse is refused.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../pipelines/build/run.ts';
import { listInputFiles } from '../pipelines/ingest/files.ts';
import { ingestFiles } from '../pipelines/ingest/run.ts';
import { WarehouseError } from '../pipelines/lib/errors.ts';
import { referenceDir, samplesDir } from '../pipelines/lib/paths.ts';
import { statePathFor } from '../pipelines/lib/sqlmesh.ts';
import { sqlString, withWarehouse } from '../pipelines/lib/warehouse.ts';
import { manifest, pdpStory, probeHeader, samplePartners } from './helpers/sample.ts';
import { fingerprint, tempDir } from './helpers/temp.ts';
import { quietProgress } from '../pipelines/lib/progress.ts';

const mart = 'marts.fct_signalling_success_monthly';
let dir: string;
let warehouse: string;
/** The warehouse and its state right after the first build. */
let olderCopy: string;

async function ingest(paths: string[]) {
  return ingestFiles(warehouse, await listInputFiles(paths), {
    force: false,
    kind: undefined,
    quarantineDir: path.join(dir, 'quarantine'),
    progress: quietProgress,
  });
}

const rows = (where: string) =>
  withWarehouse(warehouse, 'read', async (c) =>
    (
      await c.runAndReadAll(
        `SELECT strftime(event_month, '%Y-%m') AS m, attempts::INT AS attempts,
                successes::INT AS successes, target_success_rate::VARCHAR AS target
         FROM ${mart} WHERE ${where} ORDER BY m`,
      )
    ).getRowObjectsJson(),
  );

/** Copies the mart of `from` into its own DuckDB file, to compare with later. */
async function keepMart(from: string, file: string): Promise<string> {
  await withWarehouse(from, 'read', async (c) => {
    await c.run(`ATTACH ${sqlString(file)} AS kept`);
    await c.run(`CREATE TABLE kept.mart AS SELECT * FROM ${mart}`);
  });
  return file;
}

/** Whole rows in one and not the other (EXCEPT ALL both ways), among the rows `where` selects. */
const differences = (kept: string, where = 'true') =>
  withWarehouse(warehouse, 'read', async (c) => {
    await c.run(`ATTACH ${sqlString(kept)} AS kept (READ_ONLY)`);
    const [now, then] = [
      `SELECT * FROM ${mart} WHERE ${where}`,
      `SELECT * FROM kept.mart WHERE ${where}`,
    ];
    return (
      await c.runAndReadAll(
        `SELECT 'gone' AS side, * FROM (${then} EXCEPT ALL ${now})
         UNION ALL SELECT 'new' AS side, * FROM (${now} EXCEPT ALL ${then})`,
      )
    ).getRowObjectsJson();
  });

beforeAll(async () => {
  dir = await tempDir('restate');
  warehouse = path.join(dir, 'warehouse.duckdb');
  await ingest([referenceDir, samplesDir]);
  await build(warehouse);
  olderCopy = path.join(dir, 'older', 'warehouse.duckdb');
  await mkdir(path.dirname(olderCopy));
  await copyFile(warehouse, olderCopy);
  await copyFile(statePathFor(warehouse), statePathFor(olderCopy));
});

describe('incremental builds', () => {
  const partner = [...samplePartners().keys()][0] ?? '';
  const key = `partner_tadig = '${partner}' AND direction = 'outbound' AND procedure = 'UpdateLocation'`;
  const [monthA, monthB] = ['2026-10', '2026-11'];
  const inMonth = (m: string) => `strftime(event_month, '%Y-%m') = '${m}'`;

  it("a late file for month A and a file for month B: A's numbers change by exactly its rows, B appears, other rows stay identical", async () => {
    const before = await keepMart(warehouse, path.join(dir, 'before.duckdb'));
    const [touched] = await rows(`${key} AND ${inMonth(monthA)}`);
    const late = path.join(dir, 'late-a.csv');
    const fresh = path.join(dir, 'month-b.csv');
    // MAP: no result code is a success.
    await writeFile(
      late,
      `${probeHeader}\n${monthA}-30 23:59:59,${partner},outbound,MAP,UpdateLocation,234990000000009,,100\n` +
        `${monthA}-31 12:00:00,${partner},outbound,MAP,UpdateLocation,234990000000010,34,100\n`,
    );
    await writeFile(
      fresh,
      `${probeHeader}\n${monthB}-01 00:00:00,${partner},outbound,MAP,UpdateLocation,234990000000011,,80\n` +
        `${monthB}-15 10:00:00,${partner},outbound,MAP,UpdateLocation,234990000000012,,90\n` +
        `${monthB}-30 23:59:59,${partner},outbound,MAP,UpdateLocation,234990000000013,36,120\n`,
    );
    await ingest([late, fresh]);

    const result = await build(warehouse);
    expect(result.restated.map(({ start, end }) => [start, end])).toEqual([
      [`${monthA}-01`, `${monthB}-30`],
    ]);
    // Month B has probes from one partner only, but no feed besides the probes has reached it yet.
    expect(result.warnings).toEqual([]);
    expect(result.restated[0]?.models).toContain(mart);
    expect(await rows(`${key} AND ${inMonth(monthA)}`)).toEqual([
      {
        ...touched,
        attempts: Number(touched?.attempts) + 2,
        successes: Number(touched?.successes) + 1,
      },
    ]);
    const monthBRows = await rows(inMonth(monthB));
    expect(monthBRows.map(({ m, attempts, successes }) => ({ m, attempts, successes }))).toEqual([
      { m: monthB, attempts: 3, successes: 2 },
    ]);
    expect(
      await differences(before, `NOT (${inMonth(monthA)} AND ${key}) AND NOT ${inMonth(monthB)}`),
    ).toEqual([]);
  });

  it('gives the marts a rebuild from the raw layer gives (a copy without its state)', async () => {
    const bare = path.join(dir, 'bare', 'warehouse.duckdb');
    await mkdir(path.dirname(bare));
    await copyFile(warehouse, bare);
    const rebuilt = await build(bare);
    expect(rebuilt.fromScratch).toBe(true);
    expect(await differences(await keepMart(bare, path.join(dir, 'rebuilt.duckdb')))).toEqual([]);
  });

  it('refuses a warehouse restored from a copy older than its state, and says what to do', async () => {
    await copyFile(statePathFor(warehouse), statePathFor(olderCopy));
    const before = [fingerprint(olderCopy), fingerprint(statePathFor(olderCopy))];
    const error = await build(olderCopy).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WarehouseError);
    const { message, fix } = error as WarehouseError;
    expect(message).toMatch(/does not belong to warehouse .*older.*written by a build started at/);
    expect(fix).toBe(
      `delete ${statePathFor(olderCopy)} and build again: every model is then rebuilt from the raw layer`,
    );
    expect([fingerprint(olderCopy), fingerprint(statePathFor(olderCopy))]).toEqual(before);
  });
});

describe('restatement', () => {
  it('a new SLA agreement file changes the targets of every built month', async () => {
    const agreements = await readFile(path.join(referenceDir, 'sla_agreements.csv'), 'utf8');
    const changed = path.join(dir, 'sla_agreements-2026.csv');
    const { partner } = pdpStory();
    const line = new RegExp(`^(${partner},outbound,gtpv1_pdp_success),[0-9.]+,`, 'gm');
    expect(agreements).toMatch(line);
    // And an agreement with a partner no feed has any data of, from the last sample month on.
    const last = manifest.months.at(-1) ?? '';
    const unknown = `ZZZXX,outbound,map_ul_success,0.9,${last}-01,,\n`;
    await writeFile(changed, agreements.replace(line, '$1,0.4,') + unknown);
    await ingest([changed]);
    const result = await build(warehouse);
    expect(result.restated[0]?.start).toBe(`${manifest.months[0] ?? ''}-01`);
    // The partner-month without data is named, not silently missing; month B is not checked yet.
    expect(result.warnings).toEqual([
      expect.stringMatching(
        new RegExp(`no_missing_partner_months.*partner_tadig ZZZXX, event_month ${last}-01$`),
      ),
    ]);
    const targets = await rows(
      `partner_tadig = '${partner}' AND direction = 'outbound' AND procedure = 'CreatePDPContext'`,
    );
    expect(targets.length).toBeGreaterThanOrEqual(manifest.months.length);
    expect(new Set(targets.map((r) => r.target))).toEqual(new Set(['0.4000']));
  });

  it('restates the months named by hand (roam build --restate), which stay as they were', async () => {
    const before = await keepMart(warehouse, path.join(dir, 'before-restate.duckdb'));
    const result = await build(warehouse, { restate: ['2026-09'] });
    expect(result.restated.map(({ start, end }) => [start, end])).toEqual([
      ['2026-09-01', '2026-09-30'],
    ]);
    expect(result.restated[0]?.models).toContain(mart);
    expect(await differences(before)).toEqual([]);
  });
});
