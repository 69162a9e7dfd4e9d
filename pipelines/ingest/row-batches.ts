/**
 * Codec files become batches of rows per raw table: produced by a decoder (in a worker thread or
 * in this one), consumed by the appender. Keeps the producer pure and the consumer the only part
 * that touches DuckDB.
 */
import { toColumnBatch, type ColumnBatch } from '../lib/column-batch.ts';
import type { RowTable } from '../lib/row-table.ts';
import type { LoadResult } from './load-result.ts';

/** Rows of one stretch of a file, keyed by raw table name (e.g. `raw.tap_events`). */
export type RowBatch = Record<string, unknown[]>;

/** What a file says about itself once fully read. */
export type BatchSummary = Omit<LoadResult, 'rowsByTable'>;

export type BatchSource = AsyncGenerator<RowBatch, BatchSummary>;

/** The same batches as columns per raw table: what the appender takes. */
export type ColumnBatchSource = AsyncGenerator<ColumnBatch, BatchSummary>;

/** Turns each row batch of `source` into columns of `tables`. */
export async function* asColumns(
  tables: readonly RowTable<unknown>[],
  source: BatchSource,
): ColumnBatchSource {
  let step = await source.next();
  while (step.done !== true) {
    yield toColumnBatch(tables, step.value);
    step = await source.next();
  }
  return step.value;
}

/** Collects rows and hands them out in batches of about `size` records. */
export class BatchBuilder {
  private batch: RowBatch = {};
  private records = 0;

  constructor(private readonly size: number) {}

  add(table: string, row: unknown): void {
    (this.batch[table] ??= []).push(row);
  }

  /** Counts a record; returns the batch when it is full. */
  recordDone(): RowBatch | undefined {
    this.records += 1;
    return this.records >= this.size ? this.take() : undefined;
  }

  /** The rows collected so far (possibly none), and a fresh batch. */
  take(): RowBatch {
    const batch = this.batch;
    this.batch = {};
    this.records = 0;
    return batch;
  }
}

export const defaultBatchSize = 2048;
