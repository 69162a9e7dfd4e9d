/**
 * Rows of a raw table turned into one array per column, ready to be copied into DuckDB data
 * chunks: numbers and timestamps in typed arrays with a validity bitmask (bit set = not NULL),
 * strings, booleans and lists as plain arrays. Built where the rows are made (the decode worker),
 * so the thread that writes does no per-row work; the typed arrays' buffers can be transferred.
 * The conversions are the ones the appender used to make value by value.
 */
import type { ColumnType, RowTable } from './row-table.ts';
import { textColumn, type TextColumn } from './text-column.ts';
import { timestampMs } from './timestamp-ms.ts';

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

const TWO_32 = 4294967296;
if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1)
  throw new Error('column batches assume a little-endian machine');

/** A validity mask with every row valid. */
function allValid(rows: number): Uint8Array {
  return new Uint8Array(Math.ceil(rows / 8)).fill(255);
}

const clearBit = (valid: Uint8Array, i: number) => {
  valid[i >> 3] = (valid[i >> 3] as number) & ~(1 << (i & 7));
};

const isNull = (v: unknown) => v === null || v === undefined;

// The appender's checks, with its messages: a value it refused still fails the file.
function int32(n: number): number {
  if (!Number.isInteger(n)) throw new Error('number is not an integer');
  if (n < -2147483648 || n > 2147483647) throw new Error('number out of int32 range');
  return n;
}

function int64(n: bigint): bigint {
  if (BigInt.asIntN(64, n) !== n) throw new Error('bigint out of int64 range');
  return n;
}

function int32Column(rows: readonly Record<string, unknown>[], field: string): FixedColumn {
  const values = new Int32Array(rows.length);
  const valid = allValid(rows.length);
  let nulls = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = (rows[i] as Record<string, unknown>)[field];
    if (isNull(v)) {
      clearBit(valid, i);
      nulls += 1;
    } else values[i] = int32(Number(v));
  }
  return { kind: 'int32', values, valid, nulls };
}

function float64Column(rows: readonly Record<string, unknown>[], field: string): FixedColumn {
  const values = new Float64Array(rows.length);
  const valid = allValid(rows.length);
  let nulls = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = (rows[i] as Record<string, unknown>)[field];
    if (isNull(v)) {
      clearBit(valid, i);
      nulls += 1;
    } else values[i] = Number(v);
  }
  return { kind: 'float64', values, valid, nulls };
}

/** BIGINT, or TIMESTAMP as microseconds (NULL when the text is not a timestamp). */
function int64Column(
  rows: readonly Record<string, unknown>[],
  field: string,
  timestamp: boolean,
): FixedColumn {
  const values = new BigInt64Array(rows.length);
  // Safe integers are written as two 32-bit halves: no BigInt allocated per value.
  const halves = new Int32Array(values.buffer);
  const valid = allValid(rows.length);
  let nulls = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = (rows[i] as Record<string, unknown>)[field];
    let n: unknown = v;
    if (timestamp && !isNull(v)) {
      const ms = typeof v === 'string' ? timestampMs(v) : NaN;
      n = Number.isNaN(ms) ? null : ms * 1000;
      if (n !== null && !Number.isSafeInteger(n)) n = BigInt(ms) * 1000n;
    }
    if (isNull(n)) {
      clearBit(valid, i);
      nulls += 1;
    } else if (typeof n === 'number' && Number.isSafeInteger(n)) {
      halves[2 * i] = n % TWO_32;
      halves[2 * i + 1] = Math.floor(n / TWO_32);
    } else values[i] = int64(typeof n === 'bigint' ? n : BigInt(n as number));
  }
  return { kind: 'int64', values, valid, nulls };
}

type Convert = (v: unknown) => string | boolean | readonly number[];

const converters: Partial<Record<ColumnType, Convert>> = {
  BOOLEAN: (v) => v === true,
  'INTEGER[]': (v) => v as readonly number[],
};

function valuesColumn(
  rows: readonly Record<string, unknown>[],
  field: string,
  convert: Convert,
): Column {
  const values = new Array<string | boolean | readonly number[] | null>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const v = (rows[i] as Record<string, unknown>)[field];
    values[i] = isNull(v) ? null : convert(v);
  }
  return { kind: 'values', values };
}

/** `rows` of `table` as columns, in the table's column order. */
export function toColumns(table: RowTable<unknown>, rows: readonly unknown[]): TableColumns {
  const records = rows as readonly Record<string, unknown>[];
  const columns = table.columns.map((column): Column => {
    const { field, type } = column;
    if (field === undefined) return { kind: 'file-id' };
    if (type === 'VARCHAR')
      return textColumn(
        records.map((r) => {
          const v = r[field];
          return isNull(v) ? null : typeof v === 'string' ? v : JSON.stringify(v);
        }),
      );
    if (type === 'INTEGER') return int32Column(records, field);
    if (type === 'DOUBLE') return float64Column(records, field);
    if (type === 'BIGINT' || type === 'TIMESTAMP')
      return int64Column(records, field, type === 'TIMESTAMP');
    return valuesColumn(records, field, converters[type] as Convert);
  });
  return { rows: rows.length, columns };
}

/** A row batch as columns, for the tables listed. */
export function toColumnBatch(
  tables: readonly RowTable<unknown>[],
  batch: Record<string, readonly unknown[]>,
): ColumnBatch {
  const out: ColumnBatch = {};
  for (const [name, rows] of Object.entries(batch)) {
    const table = tables.find((t) => t.name === name);
    if (table === undefined) throw new Error(`no raw table ${name}`);
    out[name] = toColumns(table, rows);
  }
  return out;
}

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
