/**
 * A decoded file becomes batches of columns per raw table: produced by a source's decoder (in a
 * worker thread or in this one), consumed by the appender (table-writers.ts). Keeps the producer
 * pure and the consumer the only part that touches DuckDB.
 */
import type { ColumnBatch } from './column-batch.ts';
import { TableBuilder } from './table-builder.ts';
import type { RowTable } from './row-table.ts';

/**
 * Turns rows into columns as they are added and hands them out in batches of about `size`
 * records. Rows are not kept: each is copied into its table's columns at once.
 */
export class BatchBuilder {
  private readonly builders = new Map<RowTable<unknown>, TableBuilder>();
  private records = 0;

  constructor(private readonly size: number) {}

  add<Row>(table: RowTable<Row>, row: Row): void {
    let builder = this.builders.get(table);
    if (builder === undefined) {
      builder = new TableBuilder(table);
      this.builders.set(table, builder);
    }
    builder.add(row);
  }

  /** Counts a record; returns the batch when it is full. */
  recordDone(): ColumnBatch | undefined {
    this.records += 1;
    return this.records >= this.size ? this.take() : undefined;
  }

  /** The rows collected so far (possibly none) as columns, and a fresh batch. */
  take(): ColumnBatch {
    const batch: ColumnBatch = {};
    for (const [table, builder] of this.builders)
      if (builder.rows > 0) batch[table.name] = builder.take();
    this.records = 0;
    return batch;
  }
}

export const defaultBatchSize = 2048;
