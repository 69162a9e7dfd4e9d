/**
 * A source whose files DuckDB reads (CSV, Parquet, JSON lines) into one raw table: recognised by
 * the table's required columns (the ones not marked optional), whatever their order.
 */
import { fileColumns, type RawTable } from '../../columns/raw-table.ts';
import type { Source } from '../source.ts';

export function tabularSource(
  kind: string,
  title: string,
  table: RawTable,
  options: { timeColumn?: string; snapshot?: boolean },
): Source {
  const columns = fileColumns(table)
    .filter((c) => c.optional !== true)
    .map((c) => c.name);
  return {
    kind,
    title,
    tables: [table],
    recognise: { columns },
    read: { table, timeColumn: options.timeColumn },
    ...(options.snapshot === true ? { snapshot: true } : {}),
  };
}
