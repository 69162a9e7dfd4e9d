/** Report queries: SQL files under reports/queries, run read-only against the marts. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection } from '@duckdb/node-api';

const queriesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'queries');

const cached = new Map<string, string>();

export type Row = Record<string, unknown>;

/** Runs reports/queries/<name>.sql with named parameters; values come back exact (JSON form). */
export async function runQuery(
  connection: DuckDBConnection,
  name: string,
  params: Record<string, string> = {},
): Promise<Row[]> {
  const sql = cached.get(name) ?? readFileSync(path.join(queriesDir, `${name}.sql`), 'utf8');
  cached.set(name, sql);
  // Bind only the parameters the query names: DuckDB refuses values it has no place for.
  const used = Object.fromEntries(
    Object.entries(params).filter(([key]) => new RegExp(`\\$${key}\\b`).test(sql)),
  );
  const reader = await connection.runAndReadAll(sql, used);
  return reader.getRowObjectsJson();
}

/** Runs a set of named queries with the same parameters: the rows of each under its key. */
export async function runQueries<K extends string>(
  connection: DuckDBConnection,
  queries: Readonly<Record<K, string>>,
  params: Record<string, string>,
): Promise<Record<K, Row[]>> {
  const rows = {} as Record<K, Row[]>;
  for (const [key, query] of Object.entries(queries) as [K, string][]) {
    rows[key] = await runQuery(connection, query, params);
  }
  return rows;
}
