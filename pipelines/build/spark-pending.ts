/**
 * What a Spark build has to recompute: pendingWork (pending.ts) on the warehouse's file registry,
 * against the last build recorded in the Spark build's own marts file (spark_marts.py), not in
 * the warehouse (whose raw.build_runs are its DuckDB builds).
 */
import { existsSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { buildRunsTable } from '../ingest/registry-tables.ts';
import { asText } from '../lib/text.ts';
import { sqlString, warehouseCatalog } from '../lib/warehouse.ts';
import { pendingWork, type PendingWork } from './pending.ts';

/**
 * `connection` holds the warehouse (read mode). The marts file is attached beside it, and
 * pendingWork runs in the connection's in-memory catalog, where the raw tables are the
 * warehouse's but raw.build_runs, the marts file's.
 */
export async function sparkPendingWork(
  connection: DuckDBConnection,
  marts: string,
): Promise<PendingWork> {
  if (!existsSync(marts)) return { lastBuildStartedAt: undefined, range: undefined };
  await connection.run(`ATTACH ${sqlString(marts)} AS spark_marts (READ_ONLY)`);
  try {
    await connection.run('USE memory');
    await connection.run('CREATE SCHEMA IF NOT EXISTS raw');
    const tables = (
      await connection.runAndReadAll(
        `SELECT table_name FROM information_schema.tables
         WHERE table_catalog = '${warehouseCatalog}' AND table_schema = 'raw' AND table_name <> '${buildRunsTable.name.split('.')[1] ?? ''}'`,
      )
    ).getRowsJson();
    for (const [name] of tables)
      await connection.run(
        `CREATE OR REPLACE VIEW raw.${asText(name)} AS FROM ${warehouseCatalog}.raw.${asText(name)}`,
      );
    await connection.run(
      `CREATE OR REPLACE VIEW ${buildRunsTable.name} AS FROM spark_marts.${buildRunsTable.name}`,
    );
    return await pendingWork(connection);
  } finally {
    await connection.run(`USE ${warehouseCatalog}`);
    await connection.run('DETACH spark_marts');
  }
}
