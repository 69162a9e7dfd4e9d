/**
 * A raw table that gained columns since the warehouse was written (an optional column of a newer
 * roam) gets them added, NULL for the rows already there, so that the models can read them.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { RawTable } from '../columns/raw-table.ts';

export async function addMissingColumns(
  connection: DuckDBConnection,
  tables: readonly RawTable[],
): Promise<void> {
  const reader = await connection.runAndReadAll(
    `SELECT table_name, column_name FROM duckdb_columns() WHERE schema_name = 'raw'`,
  );
  const present = new Set(
    reader
      .getRowObjectsJson()
      .map((r) => `raw.${r.table_name as string}.${r.column_name as string}`),
  );
  for (const table of tables)
    for (const column of table.columns)
      if (!present.has(`${table.name}.${column.name}`))
        await connection.run(`ALTER TABLE ${table.name} ADD COLUMN ${column.name} ${column.type}`);
}
