import type { DuckDBConnection } from '@duckdb/node-api';
import type { TableWriters } from '../columns/table-writers.ts';
import type { FileSummary } from '../sources/source.ts';

/** What loading one file produced, for the file registry. */
export interface LoadResult extends FileSummary {
  /** Rows written per raw table. */
  rowsByTable: Record<string, number>;
  /** Validation findings of severity fatal (TD.57), in any table with a `severity` column. */
  fatalFindings: number;
  /** Decoded files: test data (a fileTypeIndicator present) or not; null when the file cannot say. */
  testData: boolean | null;
}

/** Loads one file inside the caller's transaction (decoded files through the group's appenders). */
export type Loader = (
  connection: DuckDBConnection,
  file: string,
  fileId: string,
  writers: TableWriters,
) => Promise<LoadResult>;

export function totalRows(result: LoadResult): number {
  return Object.values(result.rowsByTable).reduce((sum, n) => sum + n, 0);
}
