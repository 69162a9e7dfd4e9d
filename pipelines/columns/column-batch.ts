/**
 * Rows of a raw table as one array per column, ready to be copied into DuckDB data chunks: numbers
 * and timestamps in typed arrays with a validity bitmask (bit set = not NULL), texts in DuckDB's
 * own layout, booleans and lists as plain arrays. Built where the rows are made (the decode
 * worker, see table-builder.ts), so the thread that writes does no per-row work; the typed
 * arrays' buffers can be transferred.
 */
import type { TextColumn } from './text-column.ts';

/** INTEGER; BIGINT and TIMESTAMP (microseconds); DOUBLE. */
export type FixedColumn =
  | { kind: 'int32'; values: Int32Array; valid: Uint8Array; nulls: number }
  | { kind: 'int64'; values: BigInt64Array; valid: Uint8Array; nulls: number }
  | { kind: 'float64'; values: Float64Array; valid: Uint8Array; nulls: number };

export type Column =
  | FixedColumn
  | TextColumn
  /** BOOLEAN, INTEGER[]: written value by value. */
  | { kind: 'values'; values: Array<string | boolean | readonly number[] | null> }
  /** The file_id column: the same value on every row, known only to the writer. */
  | { kind: 'file-id' };

export interface TableColumns {
  rows: number;
  columns: Column[];
}

/** Columns of one stretch of a file, keyed by raw table name. */
export type ColumnBatch = Record<string, TableColumns>;

/** The buffers of a batch's typed arrays, to transfer to another thread instead of copying. */
export function transferables(batch: ColumnBatch): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const { columns } of Object.values(batch))
    for (const column of columns)
      if (column.kind === 'text')
        buffers.push(
          column.inline.buffer as ArrayBuffer,
          column.ref.buffer as ArrayBuffer,
          column.valid.buffer as ArrayBuffer,
        );
      else if (column.kind !== 'values' && column.kind !== 'file-id')
        buffers.push(column.values.buffer as ArrayBuffer, column.valid.buffer as ArrayBuffer);
  return buffers;
}
