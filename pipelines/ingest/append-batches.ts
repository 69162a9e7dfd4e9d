/**
 * Column batches → raw tables through appenders, inside the caller's transaction. The appenders
 * are shared by every file of a commit group (a flush costs ~2 ms per table whatever its rows, so
 * one per table and file made small files slow); the group flushes them before it commits.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { RowTable } from '../lib/row-table.ts';
import { openRowWriter, type RowWriter } from '../lib/row-writer.ts';
import type { LoadResult } from './load-result.ts';
import type { ColumnBatch } from '../lib/column-batch.ts';
import { FileFacts } from './file-facts.ts';
import type { BatchSummary, ColumnBatchSource } from './row-batches.ts';

/** One appender per raw table, opened when first needed. */
export class TableWriters {
  private readonly writers = new Map<string, RowWriter>();

  constructor(private readonly connection: DuckDBConnection) {}

  async writer(table: RowTable<unknown>): Promise<RowWriter> {
    let writer = this.writers.get(table.name);
    if (writer === undefined) {
      writer = await openRowWriter(this.connection, table);
      this.writers.set(table.name, writer);
    }
    return writer;
  }

  /** Flushes every appender into the open transaction and releases them. */
  close(): void {
    const writers = [...this.writers.values()];
    this.writers.clear();
    for (const writer of writers) writer.close();
  }

  /**
   * Drops the rows not yet flushed and releases the appenders. An appender left open would flush
   * its rows whenever it is collected, into whatever transaction is then open.
   */
  discard(): void {
    for (const writer of this.writers.values()) {
      try {
        writer.discard();
      } catch {
        // Closed already, or unusable: nothing left to flush.
      }
    }
    this.writers.clear();
  }
}

export async function appendBatches(
  writers: TableWriters,
  tables: readonly RowTable<unknown>[],
  source: ColumnBatchSource,
  fileId: string,
): Promise<LoadResult> {
  const rowsByTable: Record<string, number> = {};
  for (const table of tables) rowsByTable[table.name.replace('raw.', '')] = 0;
  const facts = new FileFacts();
  let step: IteratorResult<ColumnBatch, BatchSummary>;
  try {
    step = await source.next();
    while (step.done !== true) {
      for (const [name, columns] of Object.entries(step.value)) {
        const table = tables.find((t) => t.name === name);
        if (table === undefined) throw new Error(`no raw table ${name}`);
        (await writers.writer(table)).append(columns, fileId);
        facts.add(table, columns);
        const key = name.replace('raw.', '');
        rowsByTable[key] = (rowsByTable[key] ?? 0) + columns.rows;
      }
      step = await source.next();
    }
  } catch (error) {
    // Stop the producer (a worker is replaced); the caller rolls the transaction back.
    await source.return(undefined as unknown as BatchSummary).catch(() => undefined);
    throw error;
  }
  const { fatalFindings, testData, fileKind } = facts;
  return { rowsByTable, ...step.value, fatalFindings, testData, fileKind };
}
