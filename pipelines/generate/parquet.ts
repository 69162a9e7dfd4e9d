/**
 * CSV → Parquet with DuckDB in memory: `COPY (SELECT … FROM read_csv(…)) TO … (FORMAT parquet)`,
 * with the raw table's column types, one thread so that the bytes are the same on every run.
 */
import { rmSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import type { RawTable } from '../lib/raw-table.ts';
import { fileColumns } from '../lib/raw-table.ts';
import { sqlString } from '../lib/warehouse.ts';

export async function csvToParquet(
  table: RawTable,
  conversions: readonly (readonly [string, string])[],
): Promise<void> {
  if (conversions.length === 0) return;
  const columns = fileColumns(table)
    .map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`)
    .join(', ');
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  try {
    const connection = await instance.connect();
    try {
      await connection.run("SET TimeZone = 'UTC'");
      for (const [csv, parquet] of conversions) {
        await connection.run(
          `COPY (SELECT * FROM read_csv(${sqlString(csv)}, header = true, auto_detect = false,
             columns = {${columns}})) TO ${sqlString(parquet)} (FORMAT parquet, COMPRESSION zstd)`,
        );
        rmSync(csv);
      }
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}
