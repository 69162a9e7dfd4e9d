/**
 * DuckDB's own floor for bench/memory.ts (not a test; run in a fresh process):
 * `npx tsx bench/duckdb-floor.ts SOURCE TARGET`. Opens TARGET as ingest does (same settings),
 * reads the first 2,048 rows of each data table of SOURCE (a warehouse an ingest filled), and in one
 * transaction appends that chunk again and again through a bare appender per table, flushed as
 * ingest flushes, until each table has as many rows as in SOURCE; then commits and checkpoints as
 * ingest does. No decoding, no JavaScript rows: what DuckDB itself needs to take that many rows in
 * one transaction.
 */
import { rmSync } from 'node:fs';
import type { DuckDBConnection, DuckDBDataChunk } from '@duckdb/node-api';
import { ingestSettings, prepareWarehouse, spillDirectory } from '../pipelines/ingest/run.ts';
import { flushRows } from '../pipelines/columns/row-writer.ts';
import { sqlString, withWarehouse } from '../pipelines/lib/warehouse.ts';

const tables = ['tap_events', 'tap_charges', 'tap_taxes', 'tap_validation'];

async function sourceChunk(
  connection: DuckDBConnection,
  table: string,
): Promise<{ chunk: DuckDBDataChunk; rows: number } | undefined> {
  const [[count]] = (await (
    await connection.run(`SELECT count(*) FROM src.raw.${table}`)
  ).getRows()) as [[bigint]];
  const result = await connection.run(`SELECT * FROM src.raw.${table} LIMIT 2048`);
  const chunk = await result.fetchChunk();
  return chunk === null || Number(count) === 0 ? undefined : { chunk, rows: Number(count) };
}

async function main(): Promise<void> {
  const [source, target] = process.argv.slice(2) as [string, string];
  if (source === undefined || target === undefined)
    throw new Error('usage: duckdb-floor.ts SOURCE TARGET');
  for (const suffix of ['', '.wal']) rmSync(`${target}${suffix}`, { force: true });
  await withWarehouse(target, 'write', async (connection) => {
    await prepareWarehouse(connection);
    await ingestSettings(connection, target);
    await connection.run(`ATTACH ${sqlString(source)} AS src (READ_ONLY)`);
    const chunks = new Map<string, { chunk: DuckDBDataChunk; rows: number }>();
    for (const table of tables) {
      const found = await sourceChunk(connection, table);
      if (found !== undefined) chunks.set(table, found);
    }
    await connection.run('DETACH src');
    await connection.run('BEGIN TRANSACTION');
    const appenders = new Map(
      await Promise.all(
        [...chunks.keys()].map(
          async (table) => [table, await connection.createAppender(table, 'raw')] as const,
        ),
      ),
    );
    // Round-robin over the tables, as the batches of a file interleave them.
    const written = new Map([...chunks.keys()].map((table) => [table, 0]));
    for (let busy = true; busy;) {
      busy = false;
      for (const [table, { chunk, rows }] of chunks) {
        const done = written.get(table) ?? 0;
        if (done >= rows) continue;
        busy = true;
        const appender = appenders.get(table);
        if (appender === undefined) throw new Error(`no appender for ${table}`);
        const size = Math.min(chunk.rowCount, rows - done);
        chunk.rowCount = size;
        appender.appendDataChunk(chunk);
        if (Math.floor((done + size) / flushRows) > Math.floor(done / flushRows))
          appender.flushSync();
        written.set(table, done + size);
      }
    }
    for (const appender of appenders.values()) {
      appender.flushSync();
      appender.closeSync();
    }
    await connection.run('COMMIT');
    await connection.run('CHECKPOINT');
  });
  rmSync(spillDirectory(target), { recursive: true, force: true });
}

await main();
