/**
 * The column path (rows → column batch → data chunks) lands the same values, types and NULLs as
 * appending row by row, value by value, did — for every column type, across chunk boundaries.
 */
import {
  DuckDBInstance,
  DuckDBTimestampValue,
  INTEGER,
  LIST,
  type DuckDBAppender,
  type DuckDBConnection,
} from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transferables, type ColumnBatch } from './column-batch.ts';
import { TableBuilder } from './table-builder.ts';
import { createTableSql } from './raw-table.ts';
import { rowTable, type ColumnType, type RowTable } from './row-table.ts';
import { flushRows, openRowWriter } from './row-writer.ts';
import { chunkRows, textAt, textColumn } from './text-column.ts';
import { timestampMs } from './timestamp-ms.ts';
import { ColumnValueError } from './value-builders.ts';

interface Row {
  id: number;
  text: unknown;
  int: unknown;
  big: unknown;
  real: unknown;
  flag: unknown;
  startAt: unknown;
  codes: unknown;
}

const table = (name: string) =>
  rowTable<Row>(name, 'test', {
    id: ['INTEGER', 'id'],
    text: ['VARCHAR', 'text'],
    int: ['INTEGER', 'int'],
    big: ['BIGINT', 'big'],
    real: ['DOUBLE', 'real'],
    flag: ['BOOLEAN', 'flag'],
    startAt: ['TIMESTAMP', 'at'],
    codes: ['INTEGER[]', 'codes'],
  });

/** The appender calls the row path made, one value at a time (the reference). */
function appendRowByRow(appender: DuckDBAppender, rows: Row[], fileId: string): void {
  const one: Record<ColumnType, (v: unknown) => void> = {
    VARCHAR: (v) => appender.appendVarchar(typeof v === 'string' ? v : JSON.stringify(v)),
    INTEGER: (v) => appender.appendInteger(Number(v)),
    BIGINT: (v) => appender.appendBigInt(typeof v === 'bigint' ? v : BigInt(v as number)),
    DOUBLE: (v) => appender.appendDouble(Number(v)),
    BOOLEAN: (v) => appender.appendBoolean(v === true),
    TIMESTAMP: (v) => {
      const ms = typeof v === 'string' ? Date.parse(v.endsWith('Z') ? v : `${v}Z`) : NaN;
      if (Number.isNaN(ms)) appender.appendNull();
      else appender.appendTimestamp(new DuckDBTimestampValue(BigInt(ms) * 1000n));
    },
    'INTEGER[]': (v) => appender.appendList(v as number[], LIST(INTEGER)),
  };
  for (const row of rows) {
    for (const c of table('raw.x').columns) {
      const v =
        c.field === undefined ? fileId : (row as unknown as Record<string, unknown>)[c.field];
      if (v === null || v === undefined) appender.appendNull();
      else one[c.type](v);
    }
    appender.endRow();
  }
}

const texts = ['', 'DEUNW', 'twelve chars', 'thirteen char', 'ünïcödé ✓ 漢字', 42, { a: 1 }, null];
const ints = [0, -1, 2147483647, -2147483648, -0, '12', null, undefined];
const bigs = [
  0,
  -1,
  2 ** 53 - 1,
  -(2 ** 53) + 1,
  2n ** 62n + 3n,
  -(2n ** 63n),
  9007199254740993n,
  4294967296,
  -4294967297,
  null,
];
const reals = [0, -1.5, 1e300, Number.NaN, 3, null];
const flags = [true, false, 'yes', null];
const times = [
  '2024-02-29T23:59:59Z',
  '2024-03-01T00:00:00',
  '1969-12-31T23:59:59Z',
  '2023-02-29T00:00:00',
  '2024-13-01T00:00:00Z',
  '0999-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2024-06-01T24:00:00Z',
  '2024-06-01 10:00:00',
  '2024-06-01T10:00:00.250Z',
  'not a time',
  1700000000000,
  null,
];
const lists = [[1, 2, 3], [], [-2147483648], null];

function sampleRows(n: number): Row[] {
  let seed = 7;
  const pick = <T>(values: readonly T[]): T => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return values[Math.floor(seed / 65536) % values.length] as T;
  };
  return Array.from({ length: n }, (_, id) => ({
    id,
    text: pick(texts),
    int: pick(ints),
    big: pick(bigs),
    real: pick(reals),
    flag: pick(flags),
    startAt: pick(times),
    codes: pick(lists),
  }));
}

/** Rows of each table as columns, in one batch. */
function toColumnBatch(
  tables: readonly RowTable<unknown>[],
  batch: Record<string, readonly unknown[]>,
): ColumnBatch {
  const out: ColumnBatch = {};
  for (const [name, rows] of Object.entries(batch)) {
    const builder = new TableBuilder(tables.find((t) => t.name === name) as RowTable<unknown>);
    for (const row of rows) builder.add(row);
    out[name] = builder.take();
  }
  return out;
}

const fileId = 'ab'.repeat(32); // as long as a sha256: shared, not inline
const otherFileId = 'cd'.repeat(32);
let instance: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  await connection.run('CREATE SCHEMA raw');
});

afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

async function rowsOf(name: string) {
  const reader = await connection.runAndReadAll(`SELECT * FROM ${name} ORDER BY id`);
  return reader.getRowObjectsJson();
}

describe('column batches through data chunks', () => {
  it('land the same rows as the row-by-row appender, for every column type', async () => {
    const rows = sampleRows(5000); // three chunks, the last one partial
    const reference = table('raw.reference');
    await connection.run(createTableSql(reference));
    const appender = await connection.createAppender('reference', 'raw');
    appendRowByRow(appender, rows.slice(0, 3000), fileId);
    appendRowByRow(appender, rows.slice(3000), otherFileId);
    appender.flushSync();
    appender.closeSync();

    const columns = table('raw.columns');
    await connection.run(createTableSql(columns));
    // Two batches, built from a tiny capacity: the builder grows, and starts again after a take.
    const builder = new TableBuilder(columns, 3);
    const batches = [rows.slice(0, 3000), rows.slice(3000)].map((part) => {
      for (const row of part) builder.add(row);
      return { 'raw.columns': builder.take() };
    });
    const writer = await openRowWriter(connection, columns);
    // The same writer takes the rows of two files (as it does for a group of files).
    batches.forEach((batch, i) => {
      // As the worker sends it: typed arrays transferred, the rest cloned.
      const sent = structuredClone(batch, { transfer: transferables(batch) });
      writer.append(sent['raw.columns'], i === 0 ? fileId : otherFileId);
    });
    writer.close();

    expect(writer.count).toBe(5000);
    const expected = await rowsOf('raw.reference');
    expect(await rowsOf('raw.columns')).toEqual(expected);
    // Every sample value of every column shows up.
    const distinct = (key: string) => new Set(expected.map((r) => JSON.stringify(r[key]))).size;
    expect([distinct('text'), distinct('codes'), distinct('big'), distinct('start_at')]).toEqual([
      8, 4, 10, 10,
    ]);
  });

  it('carries nothing of one chunk into the next (its chunk is reused), across flushes', async () => {
    // 3,000 rows of NULLs, then rows without any: the second batch's columns have no NULLs, so
    // their validity is not written and must come back clear from the reused chunk.
    const nulls = Array.from({ length: 3000 }, (_, id) => ({ id }));
    const full = Array.from({ length: flushRows + 3000 }, (_, i) => {
      const id = 3000 + i;
      return {
        id,
        text: i % 2 === 0 ? `DE${id % 1000}` : `mobileOriginatedCall ${id}`,
        int: id,
        big: id,
        real: id / 2,
        flag: id % 2 === 0,
        startAt: '2024-06-01T10:00:00Z',
        codes: [id],
      };
    });
    const reused = table('raw.reused');
    await connection.run(createTableSql(reused));
    const writer = await openRowWriter(connection, reused);
    for (const rows of [nulls, full])
      writer.append(toColumnBatch([reused], { 'raw.reused': rows })['raw.reused']!, fileId);
    writer.close();
    const counts = await connection.runAndReadAll(
      `SELECT id >= 3000 AS full, count(*), count(text), count(int), count(big), count(real),
         count(flag), count(start_at), count(codes), sum(int) FILTER (WHERE int = id),
         count(*) FILTER (WHERE text = CASE WHEN id % 2 = 0 THEN 'DE' || (id % 1000)
           ELSE 'mobileOriginatedCall ' || id END)
       FROM raw.reused GROUP BY ALL ORDER BY ALL`,
    );
    const n = full.length;
    const sum = (n * (3000 + 3000 + n - 1)) / 2;
    expect(counts.getRowsJson()).toEqual([
      [false, '3000', '0', '0', '0', '0', '0', '0', '0', null, '0'],
      [true, `${n}`, `${n}`, `${n}`, `${n}`, `${n}`, `${n}`, `${n}`, `${n}`, `${sum}`, `${n}`],
    ]);
  });

  it('refuses what the appender refused, with its message, as bad data naming the column', () => {
    const refused = [
      [{ int: 7.5 }, 'raw.x.int: number is not an integer: 7.5'],
      [{ int: 2 ** 31 }, 'raw.x.int: number out of int32 range: 2147483648'],
      [{ big: 2n ** 63n }, 'raw.x.big: bigint out of int64 range'],
      [{ big: 1.5 }, /^raw\.x\.big: .*cannot be converted to a BigInt/],
    ] as const;
    for (const [row, message] of refused) {
      const add = () => toColumnBatch([table('raw.x')], { 'raw.x': [{ id: 0, ...row }] });
      expect(add).toThrow(message);
      expect(add).toThrow(ColumnValueError);
    }
  });
});

describe('textColumn', () => {
  it('keeps mostly distinct long texts (IMSIs) each on its row, repeated ones still shared', () => {
    const values = Array.from({ length: 5000 }, (_, i) =>
      i % 4 === 0 ? 'mobileOriginatedCall' : `23499${String(i).padStart(10, '0')}`,
    );
    const column = textColumn(values);
    expect(values.map((_, i) => textAt(column, i))).toEqual(values);
    // Fewer carriers than long rows: the repeated text was shared while the lookups paid off.
    expect(column.texts.length).toBeLessThan(values.length);
    // Once IMSIs showed the lookups did not pay, the repeated text is carried by its own rows too.
    expect(column.texts.length).toBeGreaterThan(values.length * 0.9);
  });

  it('keeps every text: short ASCII inline, the rest once per chunk', () => {
    const values = Array.from({ length: 5000 }, (_, i) =>
      i % 7 === 0 ? null : (texts[i % 6] as string | number).toString(),
    );
    const column = textColumn(values);
    expect(values.map((_, i) => textAt(column, i))).toEqual(values);
    const distinctLong = new Set(
      values.filter((v) => v !== null && (v.length > 12 || /[^ -~]/.test(v))),
    ).size;
    expect(column.texts.length).toBe(distinctLong * Math.ceil(values.length / chunkRows));
  });
});

describe('textColumn runs of the same text', () => {
  it('copies a repeated row, and never refers to a row of another chunk', () => {
    // Runs of 1–5 rows of each kind of text (short, long, non-ASCII, NULL), across chunk ends.
    const kinds = ['DEUNW', 'mobileOriginatedCall', 'ünïcödé', null, 'twelve chars'];
    const values: (string | null)[] = [];
    for (let run = 0; values.length < 3 * chunkRows + 5; run++)
      for (let k = 0; k <= run % 5; k++) values.push(kinds[run % kinds.length] ?? null);
    // And runs across each chunk end.
    for (const [end, text] of [
      [chunkRows, 'mobileOriginatedCall'],
      [2 * chunkRows, 'DEUNW'],
      [3 * chunkRows, 'ünïcödé'],
    ] as const)
      values.fill(text, end - 2, end + 2);
    const column = textColumn(values);
    expect(values.map((_, i) => textAt(column, i))).toEqual(values);
    for (let i = 0; i < values.length; i++) {
      const carrier = column.ref[i] as number;
      if (carrier >= 0) expect(Math.floor(carrier / chunkRows)).toBe(Math.floor(i / chunkRows));
    }
    // Each long text is handed over once per chunk it occurs in.
    const long = new Set(
      values.flatMap((v, i) =>
        v !== null && (v.length > 12 || /[^ -~]/.test(v))
          ? [`${Math.floor(i / chunkRows)} ${v}`]
          : [],
      ),
    );
    expect(column.texts.length).toBe(long.size);
  });
});

describe('timestampMs', () => {
  it('reads every text as Date.parse does', () => {
    const samples = [...times.filter((t): t is string => typeof t === 'string')];
    let seed = 1;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const two = (n: number) => String(n).padStart(2, '0');
    for (let i = 0; i < 20_000; i++) {
      const year = String(next(10_000)).padStart(4, '0');
      const text = `${year}-${two(next(14))}-${two(next(33))}T${two(next(26))}:${two(next(61))}:${two(next(61))}`;
      samples.push(text, `${text}Z`);
    }
    for (const text of samples) {
      const expected = Date.parse(text.endsWith('Z') ? text : `${text}Z`);
      expect([text, timestampMs(text)]).toEqual([text, expected]);
    }
  });
});
