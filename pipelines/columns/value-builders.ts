/**
 * Column builders for numbers, timestamps, booleans and lists: values appended one by one, arrays
 * grown by doubling, handed out by `take`. The conversions and checks are the ones DuckDB's
 * appender made value by value (with its messages), so a value it refused still fails the file.
 */
import type { ColumnType } from './row-table.ts';
import type { Column, FixedColumn } from './column-batch.ts';
import { timestampMs } from './timestamp-ms.ts';

const TWO_32 = 4294967296;
if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1)
  throw new Error('column batches assume a little-endian machine');

const isNull = (v: unknown) => v === null || v === undefined;

/**
 * A value its column cannot hold (bad data, not a bug). The decoder that made the row turns it
 * into the file's DecodeError, with the record and byte offset it came from (sources/shared/checked-batches.ts).
 */
export class ColumnValueError extends Error {
  constructor(
    readonly column: string,
    readonly problem: string,
  ) {
    super(`${column}: ${problem}`);
    this.name = 'ColumnValueError';
  }
}

// The appender's checks, with its messages: a value it refused still fails the file.
function int32(n: number, column: string): number {
  if (!Number.isInteger(n)) throw new ColumnValueError(column, `number is not an integer: ${n}`);
  if (n < -2147483648 || n > 2147483647)
    throw new ColumnValueError(column, `number out of int32 range: ${n}`);
  return n;
}

function int64(n: bigint, column: string): bigint {
  if (BigInt.asIntN(64, n) !== n)
    throw new ColumnValueError(column, `bigint out of int64 range: ${n}`);
  return n;
}

/**
 * A typed array and its validity mask, grown by doubling; `take` hands them out, and the next
 * arrays are allocated at the first row after it, as large as the last ones (so the last take of
 * a file allocates nothing).
 */
class FixedBuilder<A extends Int32Array | Float64Array | BigInt64Array> {
  values: A;
  valid = new Uint8Array(0);
  nulls = 0;
  rows = 0;
  private capacity = 0;

  constructor(
    private readonly kind: FixedColumn['kind'],
    private readonly make: (length: number) => A,
    private reserve: number,
    /** The column's name, `raw.table.column`, for errors. */
    protected readonly column: string,
  ) {
    this.values = make(0);
  }

  /** The row to write next, with room made for it. */
  next(): number {
    const i = this.rows;
    if (i === this.capacity) {
      const { values, valid } = this;
      this.capacity = i === 0 ? this.reserve : i * 2;
      this.values = this.make(this.capacity);
      this.valid = new Uint8Array(Math.ceil(this.capacity / 8)).fill(255);
      if (i > 0) {
        (this.values as Int32Array).set(values as Int32Array);
        this.valid.set(valid);
      }
    }
    this.rows = i + 1;
    return i;
  }

  setNull(i: number): void {
    this.valid[i >> 3] = (this.valid[i >> 3] as number) & ~(1 << (i & 7));
    this.nulls += 1;
  }

  take(): FixedColumn {
    const { kind, values, valid, nulls } = this;
    // The arrays handed out stay referenced until the next row allocates new ones (capacity 0).
    this.reserve = Math.max(this.capacity, 1);
    this.capacity = 0;
    this.nulls = 0;
    this.rows = 0;
    return { kind, values, valid, nulls } as FixedColumn;
  }
}

export class Int32Builder extends FixedBuilder<Int32Array> {
  constructor(capacity: number, column: string) {
    super('int32', (n) => new Int32Array(n), capacity, column);
  }

  push(v: unknown): void {
    const i = this.next();
    if (isNull(v)) this.setNull(i);
    else this.values[i] = int32(Number(v), this.column);
  }
}

export class Float64Builder extends FixedBuilder<Float64Array> {
  constructor(capacity: number, column: string) {
    super('float64', (n) => new Float64Array(n), capacity, column);
  }

  push(v: unknown): void {
    const i = this.next();
    if (isNull(v)) this.setNull(i);
    else this.values[i] = Number(v);
  }
}

/** BIGINT, or TIMESTAMP as microseconds (NULL when the text is not a timestamp). */
export class Int64Builder extends FixedBuilder<BigInt64Array> {
  /** `values` as 32-bit halves: safe integers are written without a BigInt per value. */
  private halves: Int32Array = new Int32Array(0);

  constructor(
    capacity: number,
    private readonly timestamp: boolean,
    column: string,
  ) {
    super('int64', (n) => new BigInt64Array(n), capacity, column);
  }

  push(v: unknown): void {
    const i = this.next();
    let n: unknown = v;
    if (this.timestamp && !isNull(v)) {
      const ms = typeof v === 'string' ? timestampMs(v) : NaN;
      n = Number.isNaN(ms) ? null : ms * 1000;
      if (n !== null && !Number.isSafeInteger(n)) n = BigInt(ms) * 1000n;
    }
    if (isNull(n)) this.setNull(i);
    else if (typeof n === 'number' && Number.isSafeInteger(n)) {
      if (this.halves.buffer !== this.values.buffer)
        this.halves = new Int32Array(this.values.buffer);
      this.halves[2 * i] = n % TWO_32;
      this.halves[2 * i + 1] = Math.floor(n / TWO_32);
    } else this.values[i] = int64(this.bigint(n), this.column);
  }

  /** A BIGINT's value as a bigint (what `BigInt` takes); anything else is bad data. */
  private bigint(n: unknown): bigint {
    if (typeof n === 'bigint') return n;
    try {
      return BigInt(n as number | string);
    } catch (error) {
      throw new ColumnValueError(this.column, (error as Error).message);
    }
  }
}

export type Convert = (v: unknown) => string | boolean | readonly number[];

export const converters: Partial<Record<ColumnType, Convert>> = {
  BOOLEAN: (v) => v === true,
  'INTEGER[]': (v) => v as readonly number[],
};

export class ValuesBuilder {
  private values: Array<string | boolean | readonly number[] | null> = [];

  constructor(private readonly convert: Convert) {}

  push(v: unknown): void {
    this.values.push(isNull(v) ? null : this.convert(v));
  }

  take(): Column {
    const { values } = this;
    this.values = [];
    return { kind: 'values', values };
  }
}
