/**
 * The lake (roam lake export, roam ingest --lake): the raw layer as Parquet holds exactly the
 * warehouse's rows, types and all, one part per source file and month, and a replaced source file
 * replaces exactly its parts.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listInputFiles } from '../pipelines/ingest/files.ts';
import { rawTablesOf } from '../pipelines/ingest/raw-tables.ts';
import { ingestFiles } from '../pipelines/ingest/run.ts';
import { exportLake } from '../pipelines/lake/export.ts';
import { quietProgress } from '../pipelines/lib/progress.ts';
import { sqlString, withWarehouse } from '../pipelines/lib/warehouse.ts';
import { writeIpxCsv, writeProbeCsv, writeTap } from './helpers/files.ts';
import { roam, tempDir } from './helpers/temp.ts';

let dir: string;
let inbox: string;
let warehouse: string;
let lake: string;

async function ingest() {
  const outcomes = await ingestFiles(warehouse, await listInputFiles([inbox]), {
    force: false,
    kind: undefined,
    quarantineDir: path.join(dir, 'quarantine'),
    progress: quietProgress,
    inputs: [inbox],
  });
  expect(outcomes.filter((o) => o.status === 'quarantined')).toEqual([]);
}

const short = (table: string) => table.replace(/^raw\./, '');
const lakeOf = (table: string) =>
  `read_parquet(${sqlString(path.join(lake, short(table), '**', '*.parquet'))}, hive_partitioning = false)`;

/** Per raw table: rows only in the warehouse, rows only in the lake (EXCEPT ALL), and both schemas. */
function differences() {
  return withWarehouse(warehouse, 'read', async (c) => {
    const found: Record<string, unknown> = {};
    for (const table of rawTablesOf()) {
      const rows = async (sql: string) => (await c.run(sql)).getRowObjectsJson();
      const count = Number((await rows(`SELECT count(*) AS n FROM ${table.name}`))[0]?.n);
      if (!existsSync(path.join(lake, short(table.name)))) {
        found[table.name] = { missing: count };
        continue;
      }
      const columns = (sql: string) =>
        rows(`SELECT column_name, column_type FROM (DESCRIBE ${sql})`);
      found[table.name] = {
        onlyInWarehouse: Number(
          (
            await rows(
              `SELECT count(*) AS n FROM (FROM ${table.name} EXCEPT ALL FROM ${lakeOf(table.name)})`,
            )
          )[0]?.n,
        ),
        onlyInLake: Number(
          (
            await rows(
              `SELECT count(*) AS n FROM (FROM ${lakeOf(table.name)} EXCEPT ALL FROM ${table.name})`,
            )
          )[0]?.n,
        ),
        sameColumns:
          JSON.stringify(await columns(`FROM ${table.name}`)) ===
          JSON.stringify(await columns(`FROM ${lakeOf(table.name)}`)),
      };
    }
    return found;
  });
}

const none = (found: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(found).map(([table, f]) => [
      table,
      (f as { missing?: number }).missing === 0
        ? { missing: 0 }
        : { onlyInWarehouse: 0, onlyInLake: 0, sameColumns: true },
    ]),
  );

async function fileIdOf(name: string): Promise<string> {
  return withWarehouse(warehouse, 'read', async (c) => {
    const rows = await (
      await c.run(
        `SELECT file_id FROM raw.ingested_files WHERE replaced_by IS NULL AND path LIKE ${sqlString(`%${name}`)}`,
      )
    ).getRows();
    return String(rows[0]?.[0]);
  });
}

function parts(table: string): string[] {
  const root = path.join(lake, table);
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.parquet'))
    .sort();
}

beforeAll(async () => {
  dir = await tempDir('lake');
  inbox = path.join(dir, 'inbox');
  mkdirSync(inbox);
  warehouse = path.join(dir, 'warehouse.duckdb');
  lake = path.join(dir, 'lake');
  writeProbeCsv(inbox, 'xdr-a.csv');
  // A second export across a month boundary: its rows are two parts, one per month.
  writeFileSync(
    path.join(inbox, 'xdr-b.csv'),
    'event_time,direction,interface,procedure,imsi,result_code,latency_ms\n' +
      '2026-10-31 23:59:59,inbound,MAP,UpdateLocation,262019999000001,,99.5\n' +
      '2026-11-01 00:00:00,inbound,MAP,UpdateLocation,262019999000002,34,\n',
  );
  writeIpxCsv(inbox, 'ipx.csv');
  writeTap(inbox, 'CDDEUD1GBRCN00042', 2);
  await ingest();
});

describe('roam lake export', () => {
  it('writes every raw table with the warehouse rows and types (EXCEPT ALL both ways)', async () => {
    const result = await exportLake(warehouse, lake);
    expect(result.tables.find((t) => t.table === 'raw.probe_xdr')).toMatchObject({
      written: 3,
      removed: 0,
      rows: 5,
    });
    const found = await differences();
    expect(found).toEqual(none(found));
    expect(Object.values(found).some((f) => (f as { missing?: number }).missing === 0)).toBe(true);
  });

  it('keeps one part per source file and month, named by the file id, and no temporary file', async () => {
    const [a, b] = [await fileIdOf('xdr-a.csv'), await fileIdOf('xdr-b.csv')];
    expect(parts('probe_xdr')).toEqual(
      [
        `month=2026-10/${a}.parquet`,
        `month=2026-10/${b}.parquet`,
        `month=2026-11/${b}.parquet`,
      ].sort(),
    );
    expect(parts('ingested_files')).toEqual(['table.parquet']);
    expect(readdirSync(lake).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('writes nothing again when nothing changed', async () => {
    const result = await exportLake(warehouse, lake);
    const data = result.tables.filter(
      (t) =>
        t.table !== 'raw.ingested_files' &&
        !t.table.includes('_runs') &&
        t.table !== 'raw.quarantined_files',
    );
    expect(data.filter((t) => t.written + t.removed > 0)).toEqual([]);
  });

  it('replaces exactly the parts of a replaced source file (roam ingest --lake)', async () => {
    const before = { a: await fileIdOf('xdr-a.csv'), b: await fileIdOf('xdr-b.csv') };
    writeFileSync(
      path.join(inbox, 'xdr-a.csv'),
      'event_time,direction,interface,procedure,imsi,result_code,latency_ms\n' +
        '2026-12-05 08:00:00,outbound,Diameter,ULR,234990000000009,2001,12\n',
    );
    const cli = await roam(['ingest', inbox, '--lake', lake, '--warehouse', warehouse]);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stderr).toMatch(
      /lake: .*: 1 part\(s\) written \(1 rows\), 1 part\(s\) of replaced files deleted/,
    );
    const a = await fileIdOf('xdr-a.csv');
    expect(a).not.toBe(before.a);
    expect(parts('probe_xdr')).toEqual(
      [
        `month=2026-10/${before.b}.parquet`,
        `month=2026-11/${before.b}.parquet`,
        `month=2026-12/${a}.parquet`,
      ].sort(),
    );
    const found = await differences();
    expect(found).toEqual(none(found));
  });
});
