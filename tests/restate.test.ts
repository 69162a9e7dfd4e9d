/**
 * New data for months already built, new months, new reference data and months named by hand
 * reach the marts on the next build (SQLMesh restatement, in the build's one SQLMesh process),
 * without touching other months; a state that does not belong to its warehouse is refused.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lastCompleteMonth } from '../pipelines/build/months.ts';
import { monthBounds } from '../pipelines/build/pending.ts';
import { build } from '../pipelines/build/run.ts';
import { listInputFiles } from '../pipelines/ingest/files.ts';
import { ingestFiles } from '../pipelines/ingest/run.ts';
import { WarehouseError } from '../pipelines/lib/errors.ts';
import { referenceDir, samplesDir } from '../pipelines/lib/paths.ts';
import { statePathFor } from '../pipelines/lib/sqlmesh.ts';
import { asText } from '../pipelines/lib/text.ts';
import { sqlString, withWarehouse } from '../pipelines/lib/warehouse.ts';
import { manifest, pdpStory, probeHeader, samplePartners } from './helpers/sample.ts';
import { fingerprint, tempDir } from './helpers/temp.ts';
import { quietProgress } from '../pipelines/lib/progress.ts';

const mart = 'marts.fct_signalling_success_monthly';
const kpiMart = 'marts.fct_partner_kpi_monthly';
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

/** Copies a mart of `from` into its own DuckDB file, to compare with later. */
async function keepMart(from: string, file: string, table = mart): Promise<string> {
  await withWarehouse(from, 'read', async (c) => {
    await c.run(`ATTACH ${sqlString(file)} AS kept`);
    await c.run(`CREATE TABLE kept.mart AS SELECT * FROM ${table}`);
  });
  return file;
}

/** Whole rows in one and not the other (EXCEPT ALL both ways), among the rows `where` selects. */
const differences = (kept: string, where = 'true', table = mart) =>
  withWarehouse(warehouse, 'read', async (c) => {
    await c.run(`ATTACH ${sqlString(kept)} AS kept (READ_ONLY)`);
    const [now, then] = [
      `SELECT * FROM ${table} WHERE ${where}`,
      `SELECT * FROM kept.mart WHERE ${where}`,
    ];
    return (
      await c.runAndReadAll(
        `SELECT 'gone' AS side, * FROM (${then} EXCEPT ALL ${now})
         UNION ALL SELECT 'new' AS side, * FROM (${now} EXCEPT ALL ${then})`,
      )
    ).getRowObjectsJson();
  });

/** `YYYY-MM` `count` months after `month`. */
const monthAfter = (month: string, count: number) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + count, 1))
    .toISOString()
    .slice(0, 7);

/**
 * The range a build restates for new data in `first`…`last`: those months and the six after
 * (`trend_months`, whose KPI trend bands read them), up to the last complete month.
 */
function restatedFor(first: string, last = first): string[] {
  const through = [monthAfter(last, 6), lastCompleteMonth(new Date())].sort()[0] ?? last;
  return [`${first}-01`, monthBounds(through, through).end];
}

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
      restatedFor(monthA, monthB),
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

  it('a late file for an early month: the months whose trend band and previous value read it are restated too', async () => {
    const month = manifest.months[1] ?? '';
    const kpi = `partner_tadig = '${partner}' AND direction = 'outbound' AND kpi = 'map_ul_success' AND service = 'all' AND rat = 'all'`;
    const trend = () =>
      withWarehouse(warehouse, 'read', async (c) =>
        (
          await c.runAndReadAll(
            `SELECT strftime(event_month, '%Y-%m') AS m, value::VARCHAR AS value,
                    previous_value::VARCHAR AS previous, band_mean::VARCHAR AS band
             FROM ${kpiMart} WHERE ${kpi} ORDER BY m`,
          )
        )
          .getRowObjectsJson()
          .map((r) => ({ m: asText(r.m), value: r.value, previous: r.previous, band: r.band })),
      );
    const before = await trend();
    const late = path.join(dir, 'late-early.csv');
    // Thirty failed location updates (cause 34) move the month's success rate.
    const failures = Array.from(
      { length: 30 },
      (_, i) =>
        `${month}-20 10:00:${String(i).padStart(2, '0')},${partner},outbound,MAP,UpdateLocation,2349900000001${String(i).padStart(2, '0')},34,100`,
    );
    await writeFile(late, `${probeHeader}\n${failures.join('\n')}\n`);
    await ingest([late]);
    const result = await build(warehouse);
    expect(result.restated.map(({ start, end }) => [start, end])).toEqual([restatedFor(month)]);
    expect(result.restated[0]?.models).toContain(kpiMart);
    // The build's record holds the range restated, carried forward.
    const [recorded] = await withWarehouse(warehouse, 'read', async (c) =>
      (
        await c.runAndReadAll(
          `SELECT strftime(restated_from, '%Y-%m-%d') AS start, strftime(restated_to, '%Y-%m-%d') AS end
           FROM raw.build_runs ORDER BY started_at DESC LIMIT 1`,
        )
      ).getRowsJson(),
    );
    expect(recorded).toEqual(restatedFor(month));
    const after = await trend();
    expect(after.map((r) => r.m)).toEqual(before.map((r) => r.m));
    const changed = after.filter((row, i) => JSON.stringify(row) !== JSON.stringify(before[i]));
    // The month's value, the next month's previous value, and the bands of the months after it
    // (from the third month of data on) that include it.
    const [later, bandStarts] = [before.filter((r) => r.m > month), monthAfter(month, 2)];
    expect(changed.map((r) => r.m)).toEqual([
      month,
      ...later
        .filter((r) => r.m === monthAfter(month, 1) || r.m >= bandStarts)
        .filter((r) => r.m <= monthAfter(month, 6))
        .map((r) => r.m),
    ]);
    expect(after.find((r) => r.m === monthAfter(month, 1))?.previous).toBe(
      after.find((r) => r.m === month)?.value,
    );
  });

  it('gives the marts a rebuild from the raw layer gives (a copy without its state)', async () => {
    const bare = path.join(dir, 'bare', 'warehouse.duckdb');
    await mkdir(path.dirname(bare));
    await copyFile(warehouse, bare);
    const rebuilt = await build(bare);
    expect(rebuilt.fromScratch).toBe(true);
    for (const table of [mart, kpiMart]) {
      const kept = await keepMart(bare, path.join(dir, `rebuilt-${table}.duckdb`), table);
      expect({ table, rows: await differences(kept, 'true', table) }).toEqual({ table, rows: [] });
    }
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
    expect(result.restated.map(({ start, end }) => [start, end])).toEqual([restatedFor('2026-09')]);
    expect(result.restated[0]?.models).toContain(mart);
    expect(await differences(before)).toEqual([]);
  });
});
