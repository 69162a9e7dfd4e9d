/**
 * `roam sql --tables` and `--describe`: the marts and their columns with the descriptions SQLMesh
 * wrote into the warehouse as COMMENTs (from each model's `description` and
 * `column_descriptions`), read from DuckDB's catalog like any DuckDB client can.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { QueryError } from '../lib/sql-guard.ts';
import type { Output } from '../lib/output.ts';
import { warehouseCatalog } from '../lib/warehouse.ts';
import { markdownCell } from './row-text.ts';
import { tableOf } from './table-stream.ts';
import { streamText, type TextFormat } from './text-stream.ts';

/** The schema analysts read, and --describe's default. */
export const martsSchema = 'marts';

async function prepared(connection: DuckDBConnection, sql: string, values: Record<string, string>) {
  const statement = await connection.prepare(sql);
  for (let i = 1; i <= statement.parameterCount; i++)
    statement.bindVarchar(i, values[statement.parameterName(i)] ?? '');
  return statement;
}

async function show(
  connection: DuckDBConnection,
  sql: string,
  values: Record<string, string>,
  output: Output,
): Promise<void> {
  const started = performance.now();
  const result = await (await prepared(connection, sql, values)).stream();
  if (output.format === 'text') {
    const width = output.terminalWidth;
    output.result(await tableOf(result, { maxRows: 100_000, width, started, maxCell: 10_000 }));
  } else await streamText(result, output.format as TextFormat, output);
}

/** Lists the marts (the views of the marts schema) with their descriptions. */
export async function listMarts(connection: DuckDBConnection, output: Output): Promise<void> {
  await show(
    connection,
    `SELECT schema_name || '.' || view_name AS name, comment AS description
     FROM duckdb_views() WHERE database_name = $db AND schema_name = $schema ORDER BY view_name`,
    { db: warehouseCatalog, schema: martsSchema },
    output,
  );
}

/** `marts.x`, `x` (a mart) or `schema.x`, as schema and name. */
export function splitName(name: string): { schema: string; name: string } {
  const parts = name.split('.');
  if (parts.length === 3 && parts[0] === warehouseCatalog) parts.shift();
  if (parts.length === 1) return { schema: martsSchema, name: parts[0] ?? '' };
  return { schema: parts[0] ?? '', name: parts.slice(1).join('.') };
}

/** A table's or view's description and columns, with theirs. */
export async function describeTable(
  connection: DuckDBConnection,
  given: string,
  output: Output,
): Promise<void> {
  const { schema, name } = splitName(given);
  const values = { db: warehouseCatalog, schema, name };
  const where = 'database_name = $db AND schema_name = $schema';
  const found = await (
    await prepared(
      connection,
      `SELECT comment FROM duckdb_views() WHERE ${where} AND view_name = $name
       UNION ALL SELECT comment FROM duckdb_tables() WHERE ${where} AND table_name = $name`,
      values,
    )
  ).runAndReadAll();
  const row = found.getRowsJson()[0];
  if (row === undefined) {
    throw new QueryError(`no table or view ${schema}.${name} in the warehouse`, {
      fix: 'roam sql --tables lists the marts',
    });
  }
  const description = typeof row[0] === 'string' ? row[0] : '';
  const columns = `SELECT column_name AS "column", data_type AS "type", comment AS description
    FROM duckdb_columns() WHERE ${where} AND table_name = $name ORDER BY column_index`;
  if (output.format === 'json') {
    const list = (
      await (await prepared(connection, columns, values)).runAndReadAll()
    ).getRowObjectsJson();
    output.json({ name: `${schema}.${name}`, description, columns: list });
    return;
  }
  if (output.format === 'text') output.result(`${schema}.${name}: ${description}\n`);
  if (output.format === 'markdown')
    output.result(`**${schema}.${name}**: ${markdownCell(description)}\n`);
  await show(connection, columns, values, output);
}
