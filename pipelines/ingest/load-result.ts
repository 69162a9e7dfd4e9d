import type { DuckDBConnection } from '@duckdb/node-api';
import type { TableWriters } from './append-batches.ts';

/** What loading one file produced, for the file registry. */
export interface LoadResult {
  /** Rows written per raw table. */
  rowsByTable: Record<string, number>;
  /** Earliest and latest event time in the file, UTC `YYYY-MM-DD hh:mm:ss`, when it has events. */
  firstEventAt: string | null;
  lastEventAt: string | null;
  release: string | null;
  sender: string | null;
  recipient: string | null;
  sequence: string | null;
  /** Unknown tags skipped (BER files). */
  unknownTags: number;
  /** Validation findings of severity fatal (TD.57), in any table with a `severity` column. */
  fatalFindings: number;
  /** BER files: test data (a fileTypeIndicator present) or not; null when the file cannot say. */
  testData: boolean | null;
  /** BER files of a kind with variants (RAP: rap-return-batch or rap-acknowledgement); else null. */
  fileKind?: string | null;
}

/** Loads one file inside the caller's transaction (codec files through the group's appenders). */
export type Loader = (
  connection: DuckDBConnection,
  file: string,
  fileId: string,
  writers: TableWriters,
) => Promise<LoadResult>;

/** Keeps the earliest and latest of a stream of ISO timestamps (strings compare in time order). */
export class TimeRange {
  first: string | null = null;
  last: string | null = null;

  add(utc: string | null): void {
    if (utc === null) return;
    if (this.first === null || utc < this.first) this.first = utc;
    if (this.last === null || utc > this.last) this.last = utc;
  }

  /** `YYYY-MM-DDThh:mm:ssZ` → `YYYY-MM-DD hh:mm:ss`. */
  static sql(utc: string | null): string | null {
    return utc === null ? null : utc.replace('T', ' ').replace('Z', '');
  }
}

export function totalRows(result: LoadResult): number {
  return Object.values(result.rowsByTable).reduce((sum, n) => sum + n, 0);
}
