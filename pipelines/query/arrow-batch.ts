/**
 * DuckDB result columns as Arrow columns, built straight into Arrow's buffers: integers, floats,
 * booleans, DECIMAL (exact, 128-bit), DATE, TIME and TIMESTAMP (their DuckDB units, UTC for WITH
 * TIME ZONE) and BLOB keep their types; text, UUID, ENUM and everything else (lists, structs,
 * intervals, HUGEINT) are written as text, the way the text formats print them.
 */
import type { Data } from 'apache-arrow';
import {
  Binary,
  Bool,
  DateDay,
  Decimal,
  Field,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  Int8,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  TimeMicrosecond,
  Timestamp,
  TimeUnit,
  Uint16,
  Uint32,
  Uint64,
  Uint8,
  Utf8,
  type DataType,
} from 'apache-arrow';
import type {
  DuckDBBlobValue,
  DuckDBDateValue,
  DuckDBDecimalType,
  DuckDBDecimalValue,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  DuckDBTimeValue,
} from '@duckdb/node-api';
import { DuckDBTypeId, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';

/** How one column becomes Arrow data. */
interface Column {
  type: DataType;
  build(values: readonly DuckDBValue[]): Data;
}

function validity(values: readonly DuckDBValue[]): { nullCount: number; nullBitmap?: Uint8Array } {
  let nullCount = 0;
  const bitmap = new Uint8Array((values.length + 7) >> 3);
  for (const [i, v] of values.entries()) {
    if (v === null) nullCount++;
    else bitmap[i >> 3] = (bitmap[i >> 3] ?? 0) | (1 << (i & 7));
  }
  return nullCount === 0 ? { nullCount } : { nullCount, nullBitmap: bitmap };
}

type Numbers = Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array;
type Floats = Float32Array | Float64Array;
type Bigs = BigInt64Array | BigUint64Array;

function numbers<T extends DataType>(
  type: T,
  make: (n: number) => Numbers | Floats,
  value: (v: DuckDBValue) => number,
): Column {
  return {
    type,
    build: (values) => {
      const data = make(values.length);
      for (const [i, v] of values.entries()) if (v !== null) data[i] = value(v);
      return makeData({ type, length: values.length, data, ...validity(values) } as never);
    },
  };
}

function bigints<T extends DataType>(
  type: T,
  make: (n: number) => Bigs,
  value: (v: DuckDBValue) => bigint,
): Column {
  return {
    type,
    build: (values) => {
      const data = make(values.length);
      for (const [i, v] of values.entries()) if (v !== null) data[i] = value(v);
      return makeData({ type, length: values.length, data, ...validity(values) } as never);
    },
  };
}

const bool: Column = {
  type: new Bool(),
  build: (values) => {
    const data = new Uint8Array((values.length + 7) >> 3);
    for (const [i, v] of values.entries())
      if (v === true) data[i >> 3] = (data[i >> 3] ?? 0) | (1 << (i & 7));
    return makeData({ type: new Bool(), length: values.length, data, ...validity(values) });
  },
};

function variable(type: Utf8 | Binary, bytes: (v: DuckDBValue) => Uint8Array): Column {
  return {
    type,
    build: (values) => {
      const parts = values.map((v) => (v === null ? new Uint8Array(0) : bytes(v)));
      const valueOffsets = new Int32Array(values.length + 1);
      for (const [i, p] of parts.entries()) valueOffsets[i + 1] = (valueOffsets[i] ?? 0) + p.length;
      const data = Buffer.concat(parts);
      return makeData({
        type,
        length: values.length,
        valueOffsets,
        data,
        ...validity(values),
      } as never);
    },
  };
}

const text = variable(new Utf8(), (v) => Buffer.from(String(v)));

function decimal(type: DuckDBDecimalType): Column {
  const arrow = new Decimal(type.scale, type.width, 128);
  return {
    type: arrow,
    build: (values) => {
      const words = new BigUint64Array(values.length * 2);
      for (const [i, v] of values.entries()) {
        if (v === null) continue;
        const n = (v as DuckDBDecimalValue).value;
        words[2 * i] = BigInt.asUintN(64, n);
        words[2 * i + 1] = BigInt.asUintN(64, n >> 64n);
      }
      const data = new Uint32Array(words.buffer);
      return makeData({ type: arrow, length: values.length, data, ...validity(values) });
    },
  };
}

function columnFor(type: DuckDBType): Column {
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return bool;
    case DuckDBTypeId.TINYINT:
      return numbers(new Int8(), (n) => new Int8Array(n), Number);
    case DuckDBTypeId.SMALLINT:
      return numbers(new Int16(), (n) => new Int16Array(n), Number);
    case DuckDBTypeId.INTEGER:
      return numbers(new Int32(), (n) => new Int32Array(n), Number);
    case DuckDBTypeId.UTINYINT:
      return numbers(new Uint8(), (n) => new Uint8Array(n), Number);
    case DuckDBTypeId.USMALLINT:
      return numbers(new Uint16(), (n) => new Uint16Array(n), Number);
    case DuckDBTypeId.UINTEGER:
      return numbers(new Uint32(), (n) => new Uint32Array(n), Number);
    case DuckDBTypeId.FLOAT:
      return numbers(new Float32(), (n) => new Float32Array(n), Number);
    case DuckDBTypeId.DOUBLE:
      return numbers(new Float64(), (n) => new Float64Array(n), Number);
    case DuckDBTypeId.BIGINT:
      return bigints(
        new Int64(),
        (n) => new BigInt64Array(n),
        (v) => v as bigint,
      );
    case DuckDBTypeId.UBIGINT:
      return bigints(
        new Uint64(),
        (n) => new BigUint64Array(n),
        (v) => v as bigint,
      );
    case DuckDBTypeId.DATE:
      return numbers(
        new DateDay(),
        (n) => new Int32Array(n),
        (v) => (v as DuckDBDateValue).days,
      );
    case DuckDBTypeId.TIME:
      return bigints(
        new TimeMicrosecond(),
        (n) => new BigInt64Array(n),
        (v) => (v as DuckDBTimeValue).micros,
      );
    case DuckDBTypeId.TIMESTAMP:
      return bigints(
        new Timestamp(TimeUnit.MICROSECOND),
        (n) => new BigInt64Array(n),
        (v) => (v as DuckDBTimestampValue).micros,
      );
    case DuckDBTypeId.TIMESTAMP_TZ:
      return bigints(
        new Timestamp(TimeUnit.MICROSECOND, 'UTC'),
        (n) => new BigInt64Array(n),
        (v) => (v as DuckDBTimestampTZValue).micros,
      );
    case DuckDBTypeId.TIMESTAMP_S:
      return bigints(
        new Timestamp(TimeUnit.SECOND),
        (n) => new BigInt64Array(n),
        (v) => (v as DuckDBTimestampSecondsValue).seconds,
      );
    case DuckDBTypeId.TIMESTAMP_MS:
      return bigints(
        new Timestamp(TimeUnit.MILLISECOND),
        (n) => new BigInt64Array(n),
        (v) => (v as DuckDBTimestampMillisecondsValue).millis,
      );
    case DuckDBTypeId.TIMESTAMP_NS:
      return bigints(
        new Timestamp(TimeUnit.NANOSECOND),
        (n) => new BigInt64Array(n),
        (v) => (v as DuckDBTimestampNanosecondsValue).nanos,
      );
    case DuckDBTypeId.DECIMAL:
      return decimal(type);
    case DuckDBTypeId.BLOB:
      return variable(new Binary(), (v) => (v as DuckDBBlobValue).bytes);
    default:
      return text;
  }
}

/** The Arrow schema of a result, and how each of its columns is built. */
export interface ArrowShape {
  schema: Schema;
  columns: Column[];
}

export function arrowShape(names: readonly string[], types: readonly DuckDBType[]): ArrowShape {
  const columns = types.map(columnFor);
  const seen = new Map<string, number>();
  const fields = names.map((name, i) => {
    // Arrow readers want distinct names: a second `a` becomes `a:1`, as in DuckDB's JSON.
    const n = seen.get(name) ?? 0;
    seen.set(name, n + 1);
    return new Field(n === 0 ? name : `${name}:${n}`, (columns[i] as Column).type, true);
  });
  return { schema: new Schema(fields), columns };
}

/** One record batch from the values of each column (all of the same length). */
export function arrowBatch(
  shape: ArrowShape,
  columns: readonly (readonly DuckDBValue[])[],
): RecordBatch {
  const length = columns[0]?.length ?? 0;
  const children = shape.columns.map((c, i) => c.build(columns[i] ?? []));
  const data = makeData({
    type: new Struct(shape.schema.fields),
    length,
    nullCount: 0,
    children,
  });
  return new RecordBatch(shape.schema, data);
}
