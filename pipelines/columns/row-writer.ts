/**
 * Writes a raw table's column batches through DuckDB's appender, one data chunk (up to 2048 rows)
 * at a time: typed arrays and validity masks are copied in whole, strings, booleans and lists set
 * value by value. The appender takes part in the connection's transaction, so a file's rows still
 * land all or nothing.
 */
import {
  DuckDBDataChunk,
  type DuckDBAppender,
  type DuckDBConnection,
  type DuckDBType,
  type DuckDBVector,
  listValue,
} from '@duckdb/node-api';
import type { Column, FixedColumn, TableColumns } from './column-batch.ts';
import type { RawTable } from './raw-table.ts';
import { setText, setValidity } from './duckdb-vectors.ts';
import { chunkRows, textAt, textColumn, type TextColumn } from './text-column.ts';

/**
 * Rows after which an appender flushes into the transaction. Unflushed rows are held by the
 * appender, outside DuckDB's memory limit (~1.35 GB for one 1 M-event TAP file when they were
 * flushed only at the end); flushed, they become the transaction's row groups, which DuckDB writes
 * ahead into the database file and can evict (bench/README.md, memory).
 */
export const flushRows = 16_384;

/** What a fixed-width vector holds: a JavaScript copy of its data, and its validity mask. */
interface FixedVector {
  items: Int32Array | BigInt64Array | Float64Array;
  validity: { data: BigUint64Array | null; setItemValid(index: number, valid: boolean): void };
}

/** The vector's copy of its data when it is the typed array expected, else undefined. */
function fixedVector(vector: DuckDBVector, column: FixedColumn): FixedVector | undefined {
  const candidate = vector as unknown as Partial<FixedVector>;
  const { items, validity } = candidate;
  const same =
    (column.kind === 'int32' && items instanceof Int32Array) ||
    (column.kind === 'int64' && items instanceof BigInt64Array) ||
    (column.kind === 'float64' && items instanceof Float64Array);
  return same && typeof validity?.setItemValid === 'function'
    ? (candidate as FixedVector)
    : undefined;
}

const isValid = (valid: Uint8Array, i: number) =>
  (((valid[i >> 3] as number) >> (i & 7)) & 1) === 1;

function setFixed(vector: DuckDBVector, column: FixedColumn, from: number, rows: number): void {
  const fast = fixedVector(vector, column);
  if (fast === undefined) {
    // Another vector layout than expected: the public per-value path, same values.
    for (let i = 0; i < rows; i++) {
      const value = column.values[from + i] as number | bigint;
      vector.setItem(i, isValid(column.valid, from + i) ? value : null);
    }
    vector.flush();
    return;
  }
  (fast.items as Int32Array).set(column.values.subarray(from, from + rows) as Int32Array);
  // Chunks start at multiples of 2048 rows, so the mask's bytes line up.
  if (column.nulls > 0) setValidity(vector, column.valid, from, rows);
  vector.flush();
}

/** Text rows one by one: for a vector of another layout than expected. */
function setTextSlowly(vector: DuckDBVector, column: TextColumn, from: number, rows: number) {
  for (let i = 0; i < rows; i++) vector.setItem(i, textAt(column, from + i));
  vector.flush();
}

function setColumn(
  vector: DuckDBVector,
  column: Column,
  from: number,
  rows: number,
  fileId: FileIdColumn,
): void {
  if (column.kind === 'file-id') {
    if (!setText(vector, fileId.column, 0, rows)) {
      for (let i = 0; i < rows; i++) vector.setItem(i, fileId.value);
      vector.flush();
    }
  } else if (column.kind === 'text') {
    if (!setText(vector, column, from, rows)) setTextSlowly(vector, column, from, rows);
  } else if (column.kind === 'values') {
    for (let i = 0; i < rows; i++) {
      const value = column.values[from + i] ?? null;
      vector.setItem(
        i,
        typeof value === 'string' || typeof value === 'boolean' || value === null
          ? value
          : listValue([...value]),
      );
    }
    vector.flush();
  } else setFixed(vector, column, from, rows);
}

/** The file id as a text column as long as a chunk (its first rows serve shorter chunks). */
interface FileIdColumn {
  value: string;
  column: TextColumn;
}

const fileIdColumn = (value: string): FileIdColumn => ({
  value,
  column: textColumn(Array.from({ length: chunkRows }, () => value)),
});

export interface RowWriter {
  /** Appends rows, with `fileId` in their `file_id` column. */
  append(columns: TableColumns, fileId: string): void;
  /** Rows appended so far. */
  readonly count: number;
  /** Flushes into the open transaction and releases the appender. */
  close(): void;
  /** Drops the rows not yet flushed and releases the appender (after a failure). */
  discard(): void;
}

/** Opens an appender on `table` that takes its rows as columns, and their `file_id`. */
export async function openRowWriter(
  connection: DuckDBConnection,
  table: RawTable,
): Promise<RowWriter> {
  const [schema, name] = table.name.split('.') as [string, string];
  const appender: DuckDBAppender = await connection.createAppender(name, schema);
  const types: DuckDBType[] = [];
  for (let i = 0; i < appender.columnCount; i++) types.push(appender.columnType(i));
  if (types.length !== table.columns.length)
    throw new Error(`${table.name} has ${types.length} columns, not ${table.columns.length}`);
  let count = 0;
  let file: FileIdColumn | undefined;
  // One chunk, reused: a chunk's vectors live outside the JavaScript heap until its wrapper is
  // collected, which a small heap may put off for hundreds of chunks (bench/README.md, memory).
  let reused: DuckDBDataChunk | undefined;
  const chunkOf = (size: number): DuckDBDataChunk => {
    if (reused === undefined) return (reused = DuckDBDataChunk.create(types, size));
    reused.reset();
    reused.rowCount = size;
    return reused;
  };
  return {
    append({ rows, columns }, fileId) {
      if (file?.value !== fileId) file = fileIdColumn(fileId);
      for (let from = 0; from < rows; from += 2048) {
        const size = Math.min(2048, rows - from);
        const chunk = chunkOf(size);
        columns.forEach((column, i) => {
          setColumn(chunk.getColumnVector(i), column, from, size, file as FileIdColumn);
        });
        appender.appendDataChunk(chunk);
      }
      if (Math.floor((count + rows) / flushRows) > Math.floor(count / flushRows))
        appender.flushSync();
      count += rows;
    },
    get count() {
      return count;
    },
    close() {
      appender.flushSync();
      appender.closeSync();
    },
    discard() {
      appender.clear();
      appender.closeSync();
    },
  };
}
