/**
 * The decode pool: the next file is decoded ahead in the second worker; a file decoded ahead but
 * not asked for is dropped; batches equal those decoded in this thread.
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
  it('decodes the next file ahead, drops a skipped one, and gives the same batches', async () => {
    const dir = await tempDir('decode-pool');
    const files = [1, 2, 3].map((i) => writeTap(dir, `CDDEUNWGBRHM0000${i}`, 2500 + i).file);
    const pool = new DecodePool(files, 0);
    try {
      const [first, , third] = files as [string, string, string];
      const inline = await drain(codecSources.tap.batches(first, 1000));
      expect(await drain(pool.batches('tap', first, 1000))).toEqual(inline);
      // The second file was being decoded ahead; it is skipped, the third one asked for.
      expect(await drain(pool.batches('tap', third, 1000))).toEqual(
        await drain(codecSources.tap.batches(third, 1000)),
      );
      expect(path.basename(third)).toBe('CDDEUNWGBRHM00003');
    } finally {
      await pool.close();
    }
  }, 60_000);
});
