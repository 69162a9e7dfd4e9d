/** Column batches → raw tables through the appender, inside the caller's transaction. */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { RowTable } from '../lib/row-table.ts';
import { openRowWriter, type RowWriter } from '../lib/row-writer.ts';
import type { LoadResult } from './load-result.ts';
import type { ColumnBatch } from '../lib/column-batch.ts';
import type { BatchSummary, ColumnBatchSource } from './row-batches.ts';

export async function appendBatches(
  connection: DuckDBConnection,
  tables: readonly RowTable<unknown>[],
  source: ColumnBatchSource,
  fileId: string,
): Promise<LoadResult> {
  const writers = new Map<string, RowWriter>();
  const rowsByTable: Record<string, number> = {};
  let step: IteratorResult<ColumnBatch, BatchSummary>;
  try {
    for (const table of tables)
      writers.set(table.name, await openRowWriter(connection, table, fileId));
    step = await source.next();
    while (step.done !== true) {
      for (const [table, columns] of Object.entries(step.value)) {
        const writer = writers.get(table);
        if (writer === undefined) throw new Error(`no raw table ${table}`);
        writer.append(columns);
      }
      step = await source.next();
    }
    for (const [table, writer] of writers) {
      writer.close();
      rowsByTable[table.replace('raw.', '')] = writer.count;
    }
  } catch (error) {
    // An appender left open would flush its rows whenever it is collected, into whatever
    // transaction is then open: drop them now. And stop the producer (the worker is replaced).
    for (const writer of writers.values()) {
      try {
        writer.discard();
      } catch {
        // Closed already, or unusable: nothing left to flush.
      }
    }
    await source.return(undefined as unknown as BatchSummary).catch(() => undefined);
    throw error;
  }
  return { rowsByTable, ...step.value };
}
