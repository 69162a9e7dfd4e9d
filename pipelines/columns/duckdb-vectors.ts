/**
 * Filling DuckDB vectors from the columns the decode workers built (text-column.ts): validity bits
 * and VARCHAR `string_t`s copied in bulk. node-api 1.5.6 has no bulk setter, so this relies on its
 * vectors' JavaScript copies (`validity`, `dataView`) and `DuckDBUUIDVector` for the 16-byte
 * `string_t`s; `setText` returns false when they are not what it expects (the caller then sets
 * each value). Main thread only: the workers never load DuckDB.
 */
import { DuckDBUUIDVector, type DuckDBVector } from '@duckdb/node-api';
import type { TextColumn } from './text-column.ts';

/** The parts of node-api's vectors this relies on (checked before use). */
interface Internals {
  vector: unknown;
  validity: { data: BigUint64Array | null; setItemValid(index: number, valid: boolean): void };
  dataView: DataView;
}

const internals = (vector: DuckDBVector) => vector as unknown as Partial<Internals>;

/** Sets `validity` from `valid`'s bits for rows [from, from + rows); from is a multiple of 8. */
export function setValidity(vector: DuckDBVector, valid: Uint8Array, from: number, rows: number) {
  const validity = internals(vector).validity as Internals['validity'];
  validity.setItemValid(0, false);
  const data = validity.data as BigUint64Array;
  new Uint8Array(data.buffer, data.byteOffset, data.byteLength).set(
    valid.subarray(from >> 3, (from >> 3) + Math.ceil(rows / 8)),
  );
}

/** Fills a VARCHAR vector with rows [from, from + rows) of `column`; false when it cannot. */
export function setText(
  vector: DuckDBVector,
  column: TextColumn,
  from: number,
  rows: number,
): boolean {
  const raw = internals(vector).vector;
  if (raw === undefined || typeof internals(vector).validity?.setItemValid !== 'function')
    return false;
  const to = from + rows;
  // The distinct long texts, through DuckDB, then their string_t read back.
  let k = column.textRows.findIndex((row) => row >= from);
  let any = false;
  for (; k >= 0 && k < column.textRows.length && (column.textRows[k] as number) < to; k++) {
    vector.setItem((column.textRows[k] as number) - from, column.texts[k] as string);
    any = true;
  }
  if (column.nulls > 0) setValidity(vector, column.valid, from, rows);
  vector.flush();
  const target = DuckDBUUIDVector.fromRawVector(raw as never, rows);
  const view = internals(target).dataView;
  if (!(view instanceof DataView) || view.byteLength !== rows * 16) return false;
  const out = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  const assigned = any ? out.slice() : out;
  out.set(column.inline.subarray(from * 16, to * 16));
  if (any)
    for (let i = from; i < to; i++) {
      const carrier = column.ref[i] as number;
      if (carrier >= 0)
        out.set(
          assigned.subarray((carrier - from) * 16, (carrier - from) * 16 + 16),
          (i - from) * 16,
        );
    }
  target.flush();
  return true;
}
