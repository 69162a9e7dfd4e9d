/**
 * What the kill -9 campaign checks, against a warehouse a clean ingest of the same files wrote:
 * after a kill, that the warehouse opens and holds each file completely or not at all; after the
 * last run, that every raw data table equals the clean one row for row (EXCEPT ALL both ways) and
 * the same files are loaded.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { dataTablesOf } from '../../pipelines/ingest/raw-tables.ts';
import { sqlString, withWarehouse } from '../../pipelines/lib/warehouse.ts';

/**
 * The loaded files of a warehouse attached as `db`, as `(file_id, file_name)` rows. The one place
 * that knows the registry's shape: adapt it when the registry changes.
 */
export function loadedFilesSql(db: string): string {
  return `SELECT DISTINCT file_id, file_name FROM ${db}.raw.ingested_files WHERE status = 'loaded'`;
}

async function count(connection: DuckDBConnection, sql: string): Promise<number> {
  const reader = await connection.runAndReadAll(`SELECT count(*)::INTEGER FROM (${sql})`);
  return Number(reader.getRows()[0]?.[0] ?? 0);
}

async function tableExists(connection: DuckDBConnection, db: string, table: string) {
  const [schema, name] = table.split('.') as [string, string];
  return (
    (await count(
      connection,
      `SELECT 1 FROM information_schema.tables WHERE table_catalog = ${sqlString(db)}
       AND table_schema = ${sqlString(schema)} AND table_name = ${sqlString(name)}`,
    )) > 0
  );
}

/** Both warehouses attached read-only to an in-memory database, as `got` and `clean`. */
async function withBoth<T>(
  got: string,
  clean: string,
  work: (connection: DuckDBConnection) => Promise<T>,
): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:');
  try {
    const connection = await instance.connect();
    try {
      await connection.run(`ATTACH ${sqlString(got)} AS got (READ_ONLY)`);
      await connection.run(`ATTACH ${sqlString(clean)} AS clean (READ_ONLY)`);
      return await work(connection);
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

export interface KillCheck {
  /** Files the registry has as loaded. */
  loaded: number;
  /** Per table, file_ids whose row count differs from the clean run's, or that have rows but are not loaded. */
  partial: Record<string, number>;
}

/**
 * After a kill: the warehouse opens as roam opens it, and every data table holds, for each file,
 * exactly the clean run's rows count for a loaded file and none for the others.
 */
export async function checkAfterKill(warehouse: string, clean: string): Promise<KillCheck> {
  await withWarehouse(warehouse, 'read', async (c) => {
    await c.run('SELECT 1');
  });
  return withBoth(warehouse, clean, async (c) => {
    if (!(await tableExists(c, 'got', 'raw.ingested_files'))) return { loaded: 0, partial: {} };
    const loaded = `SELECT file_id FROM (${loadedFilesSql('got')})`;
    const partial: Record<string, number> = {};
    for (const { name } of dataTablesOf()) {
      if (!(await tableExists(c, 'got', name))) continue;
      const got = `SELECT file_id, count(*) AS n FROM got.${name} GROUP BY 1`;
      const want = `SELECT file_id, count(*) AS n FROM clean.${name} WHERE file_id IN (${loaded}) GROUP BY 1`;
      const wrong = await count(
        c,
        `(${got} EXCEPT ALL ${want}) UNION ALL (${want} EXCEPT ALL ${got})`,
      );
      if (wrong > 0) partial[name] = wrong;
    }
    return { loaded: await count(c, loadedFilesSql('got')), partial };
  });
}

export interface FinalComparison {
  /** Per data table: rows only in the campaign's warehouse, rows only in the clean one. */
  tables: Record<string, { rows: number; onlyGot: number; onlyClean: number }>;
  loaded: { got: number; clean: number; onlyGot: number; onlyClean: number };
}

/** After the last run: every data table and the set of loaded files, both ways. */
export async function compareWarehouses(
  warehouse: string,
  clean: string,
): Promise<FinalComparison> {
  return withBoth(warehouse, clean, async (c) => {
    const tables: FinalComparison['tables'] = {};
    for (const { name } of dataTablesOf()) {
      const got = `SELECT * FROM got.${name}`;
      const want = `SELECT * FROM clean.${name}`;
      tables[name] = {
        rows: await count(c, want),
        onlyGot: await count(c, `${got} EXCEPT ALL ${want}`),
        onlyClean: await count(c, `${want} EXCEPT ALL ${got}`),
      };
    }
    const got = loadedFilesSql('got');
    const want = loadedFilesSql('clean');
    return {
      tables,
      loaded: {
        got: await count(c, got),
        clean: await count(c, want),
        onlyGot: await count(c, `${got} EXCEPT ${want}`),
        onlyClean: await count(c, `${want} EXCEPT ${got}`),
      },
    };
  });
}

/** No difference anywhere. */
export function identical(comparison: FinalComparison): boolean {
  const { loaded } = comparison;
  return (
    loaded.onlyGot === 0 &&
    loaded.onlyClean === 0 &&
    Object.values(comparison.tables).every((t) => t.onlyGot === 0 && t.onlyClean === 0)
  );
}
