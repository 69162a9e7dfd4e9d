/**
 * The DuckDB side of column batches: one appender per raw table (row-writer.ts), shared by every
 * file of a commit group inside its transaction (a flush costs ~2 ms per table whatever its rows,
 * so one per table and file made small files slow); the group flushes them before it commits.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { RawTable } from './raw-table.ts';
import { openRowWriter, type RowWriter } from './row-writer.ts';

/** One appender per raw table, opened when first needed. */
export class TableWriters {
  private readonly writers = new Map<string, RowWriter>();

  constructor(private readonly connection: DuckDBConnection) {}

  async writer(table: RawTable): Promise<RowWriter> {
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
