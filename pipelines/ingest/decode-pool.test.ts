/**
 * The decode pool: queued files are decoded ahead by the workers; a file decoded ahead but not
 * asked for is dropped; a file not queued is decoded in this thread; batches are the same.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTap } from '../../tests/helpers/files.ts';
import { tempDir } from '../../tests/helpers/temp.ts';
import { textAt } from '../lib/text-column.ts';
import { codecSources } from './codec-sources.ts';
import { DecodePool } from './decode-pool.ts';
import type { ColumnBatchSource } from './row-batches.ts';

/** Every batch of a source, with texts decoded, and the summary. */
async function drain(source: ColumnBatchSource) {
  const batches: unknown[] = [];
  let step = await source.next();
  while (step.done !== true) {
    const batch = step.value;
    batches.push(
      Object.entries(batch).map(([table, { rows, columns }]) => [
        table,
        columns.map((c) =>
          c.kind === 'text' ? Array.from({ length: rows }, (_, i) => textAt(c, i)) : c,
        ),
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
    const pool = new DecodePool(1000);
    try {
      for (const file of [first, second, third]) pool.enqueue('tap', file);
      const here = async (file: string) => drain(codecSources.tap.batches(file, 1000));
      expect(await drain(pool.batches('tap', first))).toEqual(await here(first));
      // The second file was decoded ahead; it is skipped, the third one asked for.
      expect(await drain(pool.batches('tap', third))).toEqual(await here(third));
      // Not queued: decoded in this thread, the same way.
      expect(await drain(pool.batches('tap', fourth))).toEqual(await here(fourth));
      expect(path.basename(second)).toBe('CDDEUNWGBRHM00002');
    } finally {
      await pool.close();
    }
  }, 60_000);
});
