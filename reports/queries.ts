/** Report queries: SQL files under reports/queries, run read-only against the marts. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection } from '@duckdb/node-api';

const queriesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'queries');

export type Row = Record<string, unknown>;

/** Runs reports/queries/<name>.sql with named parameters; values come back exact (JSON form). */
export async function runQuery(
  connection: DuckDBConnection,
  name: string,
  params: Record<string, string> = {},
): Promise<Row[]> {
  const sql = readFileSync(path.join(queriesDir, `${name}.sql`), 'utf8');
  const reader = await connection.runAndReadAll(sql, params);
  return reader.getRowObjectsJson();
}
