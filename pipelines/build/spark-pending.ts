/**
 * What a Spark build has to recompute: pendingWork (pending.ts) on the warehouse's file registry,
 * against the last build recorded in the Spark build's own marts file (spark_marts.py), not in
 * the warehouse (whose raw.build_runs are its DuckDB builds).
 */
import { existsSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { buildRunsTable, ingestedFilesTable } from '../ingest/registry-tables.ts';
import { sqlString, warehouseCatalog } from '../lib/warehouse.ts';
import { pendingWork, type PendingWork } from './pending.ts';

/**
 * `connection` holds the warehouse (read mode). The marts file is attached beside it, and
 * pendingWork runs in the connection's in-memory catalog, where raw.ingested_files is the
 * warehouse's and raw.build_runs the marts file's.
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
    await connection.run(
      `CREATE OR REPLACE VIEW ${ingestedFilesTable.name} AS FROM ${warehouseCatalog}.${ingestedFilesTable.name}`,
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
