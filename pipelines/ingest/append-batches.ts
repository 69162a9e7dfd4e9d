/**
 * A decoded file's column batches → its raw tables, through the group's appenders (the table
 * writers of columns/table-writers.ts), inside the caller's transaction; what the file said about
 * itself and what its rows say (file-facts.ts) make its load result.
 */
import type { ColumnBatch } from '../columns/column-batch.ts';
import type { RawTable } from '../columns/raw-table.ts';
import type { TableWriters } from '../columns/table-writers.ts';
import type { ColumnBatchSource, FileSummary } from '../sources/source.ts';
import { FileFacts } from './file-facts.ts';
import type { LoadResult } from './load-result.ts';

export async function appendBatches(
  writers: TableWriters,
  tables: readonly RawTable[],
  source: ColumnBatchSource,
  fileId: string,
): Promise<LoadResult> {
  const rowsByTable: Record<string, number> = {};
  for (const table of tables) rowsByTable[table.name.replace('raw.', '')] = 0;
  const facts = new FileFacts();
  let step: IteratorResult<ColumnBatch, FileSummary>;
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
    await source.return(undefined as unknown as FileSummary).catch(() => undefined);
    throw error;
  }
  const { fatalFindings, testData } = facts;
  return { rowsByTable, fileKind: null, ...step.value, fatalFindings, testData };
}
