/**
 * Writes normalised rows into a raw table through DuckDB's appender: values go straight into
 * columnar chunks, no SQL per row. The appender takes part in the connection's transaction, so a
 * file's rows still land all or nothing.
 */
import {
  INTEGER,
  LIST,
  type DuckDBAppender,
  type DuckDBConnection,
  DuckDBTimestampValue,
} from '@duckdb/node-api';
import type { ColumnType, RowTable } from './row-table.ts';

type Append = (appender: DuckDBAppender, value: unknown) => void;

/** Microseconds since the epoch of `YYYY-MM-DDThh:mm:ss[Z]` (read as UTC), or undefined. */
export function timestampMicros(text: string): bigint | undefined {
  const ms = Date.parse(text.endsWith('Z') ? text : `${text}Z`);
  return Number.isNaN(ms) ? undefined : BigInt(ms) * 1000n;
}

const integerList = LIST(INTEGER);

const appenders: Record<ColumnType, Append> = {
  VARCHAR: (a, v) => a.appendVarchar(typeof v === 'string' ? v : JSON.stringify(v)),
  INTEGER: (a, v) => a.appendInteger(Number(v)),
  BIGINT: (a, v) => a.appendBigInt(typeof v === 'bigint' ? v : BigInt(v as number)),
  DOUBLE: (a, v) => a.appendDouble(Number(v)),
  BOOLEAN: (a, v) => a.appendBoolean(v === true),
  TIMESTAMP: (a, v) => {
    const micros = typeof v === 'string' ? timestampMicros(v) : undefined;
    if (micros === undefined) a.appendNull();
    else a.appendTimestamp(new DuckDBTimestampValue(micros));
  },
  'INTEGER[]': (a, v) => a.appendList(v as number[], integerList),
};

export interface RowWriter<Row> {
  append(row: Row): void;
  /** Rows appended so far. */
  readonly count: number;
  /** Flushes into the open transaction and releases the appender. */
  close(): void;
}

/** Opens an appender on `table` that fills its columns from row fields, and `file_id`. */
export async function openRowWriter<Row>(
  connection: DuckDBConnection,
  table: RowTable<Row>,
  fileId: string,
): Promise<RowWriter<Row>> {
  const [schema, name] = table.name.split('.') as [string, string];
  const appender = await connection.createAppender(name, schema);
  const columns = table.columns.map((c) => ({ field: c.field, append: appenders[c.type] }));
  let count = 0;
  return {
    append(row) {
      const record = row as Record<string, unknown>;
      for (const { field, append } of columns) {
        const value = field === undefined ? fileId : record[field];
        if (value === null || value === undefined) appender.appendNull();
        else append(appender, value);
      }
      appender.endRow();
      count += 1;
    },
    get count() {
      return count;
    },
    close() {
      appender.flushSync();
      appender.closeSync();
    },
  };
}
