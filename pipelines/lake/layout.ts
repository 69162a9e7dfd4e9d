/**
 * Where the lake keeps each raw table: pure names, no I/O. One folder per raw table, named like
 * the table without its schema (`probe_xdr/` for raw.probe_xdr); a table with a month column is
 * partitioned by its UTC month (`month=YYYY-MM/`), Hive-style; each source file's rows are one
 * part per month, named by the file's id (`<file_id>.parquet`).
 */
import path from 'node:path';
import type { RawTable } from '../columns/raw-table.ts';

/**
 * The column whose UTC month partitions a table in the lake: the event tables, which hold nearly
 * all rows. The other tables (one row per file, findings, reference data) are not partitioned.
 */
export const lakeMonthColumns: Readonly<Record<string, string>> = {
  'raw.probe_xdr': 'event_time',
  'raw.ipx_measurements': 'interval_start',
  'raw.active_tests': 'test_time',
  'raw.tap_events': 'start_utc',
  'raw.nrtrde_events': 'start_utc',
};

/** The partition of rows whose month column is NULL. */
export const noMonth = 'none';

/** A table's folder in the lake. */
export function tableFolder(lake: string, table: RawTable): string {
  return path.join(lake, table.name.replace(/^raw\./, ''));
}

/** The month column of a table in the lake, if it is partitioned. */
export function monthColumnOf(table: RawTable): string | undefined {
  return lakeMonthColumns[table.name];
}

/** The file id a part belongs to: its name up to the first dot (`<file_id>.parquet`, `<file_id>.1.parquet`). */
export function partFileId(name: string): string {
  return name.split('.')[0] ?? name;
}

/** The part of a table without file ids (the registry's own tables): the whole table, replaced whole. */
export const wholeTablePart = 'table.parquet';

/** Hidden from Spark, DuckDB's globs and Hive: names starting with `.` or `_`. */
export function isHidden(name: string): boolean {
  return name.startsWith('.') || name.startsWith('_');
}
