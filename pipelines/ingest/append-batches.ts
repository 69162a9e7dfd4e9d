/** Column batches → raw tables through the appender, inside the caller's transaction. */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { RowTable } from '../lib/row-table.ts';
import { openRowWriter, type RowWriter } from '../lib/row-writer.ts';
import type { LoadResult } from './load-result.ts';
import type { ColumnBatchSource } from './row-batches.ts';

export async function appendBatches(
  connection: DuckDBConnection,
  tables: readonly RowTable<unknown>[],
  source: ColumnBatchSource,
  fileId: string,
): Promise<LoadResult> {
  const writers = new Map<string, RowWriter>();
  for (const table of tables)
    writers.set(table.name, await openRowWriter(connection, table, fileId));
  let step = await source.next();
  while (step.done !== true) {
    for (const [table, columns] of Object.entries(step.value)) {
      const writer = writers.get(table);
      if (writer === undefined) throw new Error(`no raw table ${table}`);
      writer.append(columns);
    }
    step = await source.next();
  }
  const rowsByTable: Record<string, number> = {};
  for (const [table, writer] of writers) {
    writer.close();
    rowsByTable[table.replace('raw.', '')] = writer.count;
  }
  return { rowsByTable, ...step.value };
}
