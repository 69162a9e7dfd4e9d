/**
 * CSV → Parquet with DuckDB in memory: `COPY (SELECT … FROM read_csv(…)) TO … (FORMAT parquet)`,
 * with the raw table's types for the columns the file has, one thread so that the bytes are the
 * same on every run.
 */
import { rmSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import type { RawTable } from '../columns/raw-table.ts';
import { fileColumns } from '../columns/raw-table.ts';
import { sqlString } from '../lib/warehouse.ts';

export interface Conversion {
  csv: string;
  parquet: string;
  /** The file's columns, in order: the raw table's or some of them. */
  columns: readonly string[];
}

export async function csvToParquet(
  table: RawTable,
  conversions: readonly Conversion[],
): Promise<void> {
  if (conversions.length === 0) return;
  const types = new Map(fileColumns(table).map((c) => [c.name, c.type]));
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  try {
    const connection = await instance.connect();
    try {
      await connection.run("SET TimeZone = 'UTC'");
      for (const { csv, parquet, columns } of conversions) {
        const typed = columns
          .map((name) => `${sqlString(name)}: ${sqlString(types.get(name) ?? 'VARCHAR')}`)
          .join(', ');
        await connection.run(
          `COPY (SELECT * FROM read_csv(${sqlString(csv)}, header = true, auto_detect = false,
             columns = {${typed}})) TO ${sqlString(parquet)} (FORMAT parquet, COMPRESSION zstd)`,
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
