/**
 * The decode pool: queued files are decoded ahead by the workers; a file decoded ahead but not
 * asked for is dropped; a file not queued is decoded in this thread; batches are the same.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTap } from '../../tests/helpers/files.ts';
import { tempDir } from '../../tests/helpers/temp.ts';
import type { Column } from '../columns/column-batch.ts';
import { DecodeError } from '../lib/errors.ts';
import { textAt } from '../columns/text-column.ts';
import type { ColumnBatchSource } from '../sources/source.ts';
import { tapBatches } from '../sources/tap/batches.ts';
import { tapSource } from '../sources/tap/source.ts';
import { DecodePool } from './decode-pool.ts';

/** A column's values, row by row (NULL as null), whatever room its arrays have beyond them. */
function rowValues(column: Column, rows: number): unknown[] {
  if (column.kind === 'file-id') return ['file-id'];
  return Array.from({ length: rows }, (_, i) => {
    if (column.kind === 'text') return textAt(column, i);
    if (column.kind === 'values') return column.values[i];
    return (((column.valid[i >> 3] as number) >> (i & 7)) & 1) === 1 ? column.values[i] : null;
  });
}

/** Every batch of a source, as values, and the summary. */
async function drain(source: ColumnBatchSource) {
  const batches: unknown[] = [];
  let step = await source.next();
  while (step.done !== true) {
    const batch = step.value;
    batches.push(
      Object.entries(batch).map(([table, { rows, columns }]) => [
        table,
        columns.map((c) => rowValues(c, rows)),
      ]),
    );
    step = await source.next();
  }
  return { batches, summary: step.value };
}

describe('DecodePool', () => {
  it('decodes queued files ahead, drops a skipped one, and gives the same batches', async () => {
    const dir = await tempDir('decode-pool');
    const files = [1, 2, 3, 4].map((i) => writeTap(dir, `CDDEUNWGBRHM0000${i}`, 2500 + i).file);
    const [first, second, third, fourth] = files as [string, string, string, string];
    const pool = new DecodePool(1000, 2);
    try {
      for (const file of [first, second, third]) pool.enqueue(tapSource, file);
      const here = async (file: string) => drain(tapBatches(file, 1000));
      expect(await drain(pool.batches(tapSource, first))).toEqual(await here(first));
      // The second file was decoded ahead; it is skipped, the third one asked for.
      expect(await drain(pool.batches(tapSource, third))).toEqual(await here(third));
      // Not queued: decoded in this thread, the same way.
      expect(await drain(pool.batches(tapSource, fourth))).toEqual(await here(fourth));
      expect(path.basename(second)).toBe('CDDEUNWGBRHM00002');
      expect(pool.decodedHere).toBe(1);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('gives the files a worker still held to another when that worker is ended mid-file', async () => {
    const dir = await tempDir('decode-pool-abandon');
    // 4,004 records in batches of 100: the worker stops 32 batches ahead, mid-file.
    const large = writeTap(dir, 'CDDEUNWGBRHM00011', 4000).file;
    const small = [2, 3, 4, 5].map((i) => writeTap(dir, `CDDEUNWGBRHM0001${i}`, 10 * i).file);
    const pool = new DecodePool(100, 2);
    try {
      // Two workers, taking turns: the first holds the large file and the second small one.
      for (const file of [large, ...small]) pool.enqueue(tapSource, file);
      const abandoned = pool.batches(tapSource, large);
      expect((await abandoned.next()).done).toBe(false);
      await abandoned.return(undefined as never);
      for (const file of small)
        expect(await drain(pool.batches(tapSource, file))).toEqual(
          await drain(tapBatches(file, 100)),
        );
      // Every small file came from a worker, the re-queued one included.
      expect(pool.decodedHere).toBe(0);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('starts as many workers as it is given, no more', async () => {
    const dir = await tempDir('decode-pool-count');
    const files = [1, 2, 3, 4, 5, 6, 7].map((i) => writeTap(dir, `CDDEUNWGBRHM0002${i}`, 50).file);
    for (const workers of [1, 3]) {
      const pool = new DecodePool(100, workers);
      try {
        for (const file of files) pool.enqueue(tapSource, file);
        for (const file of files) await drain(pool.batches(tapSource, file));
        expect(pool.workersStarted).toBe(workers);
        expect(pool.decodedHere).toBe(0);
      } finally {
        await pool.close();
      }
    }
  }, 60_000);

  it("keeps a worker's DecodeError as a DecodeError, with its offset", async () => {
    const dir = await tempDir('decode-pool-error');
    const { file } = writeTap(dir, 'CDDEUNWGBRHM00031', 200);
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 40));
    const here = await drain(tapBatches(file, 100)).catch((e: unknown) => e);
    expect(here).toBeInstanceOf(DecodeError);
    const pool = new DecodePool(100, 1);
    try {
      pool.enqueue(tapSource, file);
      const there = await drain(pool.batches(tapSource, file)).catch((e: unknown) => e);
      expect(pool.decodedHere).toBe(0);
      expect(there).toBeInstanceOf(DecodeError);
      expect(there).toMatchObject({
        message: (here as DecodeError).message,
        byteOffset: (here as DecodeError).byteOffset,
        file,
      });
    } finally {
      await pool.close();
    }
  }, 60_000);
});
