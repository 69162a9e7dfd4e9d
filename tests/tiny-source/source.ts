/**
 * The TINY format as a source, the one shape of pipelines/sources/source.ts: how a file is
 * recognised (its first bytes), its raw table, how a file becomes column batches, how
 * `roam decode` shows it. The recipe of docs/architecture.md ("Adding a source"), followed by
 * tests/adding-a-source.test.ts; a real source would sit in pipelines/sources/tiny/ and take one
 * line of pipelines/sources/index.ts.
 */
import { readFile } from 'node:fs/promises';
import { BatchBuilder } from '../../pipelines/columns/batch-builder.ts';
import { TimeRange } from '../../pipelines/sources/shared/time-range.ts';
import type { ColumnBatchSource, ShownItem, Source } from '../../pipelines/sources/source.ts';
import { tinyUsageTable } from './raw-schema.ts';
import { isHeader, magic, readTiny, type TinyHeader } from './read.ts';

async function* tinyBatches(file: string, batchSize: number): ColumnBatchSource {
  const out = new BatchBuilder(batchSize);
  const range = new TimeRange();
  let header: TinyHeader | undefined;
  for (const item of readTiny(file, await readFile(file, 'utf8'))) {
    if (isHeader(item)) header = item;
    else {
      out.add(tinyUsageTable, item.row);
      range.add(item.row.usedAt);
      const full = out.recordDone();
      if (full !== undefined) yield full;
    }
  }
  yield out.take();
  return {
    firstEventAt: TimeRange.sql(range.first),
    lastEventAt: TimeRange.sql(range.last),
    release: 'TINY-1',
    sender: header?.sender ?? null,
    recipient: header?.recipient ?? null,
    sequence: header?.sequence ?? null,
    unknownTags: 0,
  };
}

async function* tinyShow(file: string): AsyncGenerator<ShownItem> {
  const text = await readFile(file, 'utf8');
  for (const item of readTiny(file, text)) {
    if (isHeader(item)) {
      const groups = { ...item };
      yield {
        type: 'header',
        kind: 'tiny',
        module: 'TINY-1',
        tapModule: null,
        groups,
        summary: groups,
        records: true,
        findings: [],
      };
    } else {
      const { offset, row } = item;
      const line = `#${row.recordIndex} ${row.usedAt ?? '-'} imsi ${row.imsi ?? '-'} units ${row.units ?? '-'}`;
      yield {
        type: 'record',
        index: row.recordIndex,
        offset,
        value: { ...row },
        rows: row,
        line,
        findings: [],
      };
    }
  }
  yield { type: 'end', bytes: Buffer.byteLength(text), paddingBytes: 0, unknownTags: [] };
}

export const tinySource: Source = {
  kind: 'tiny',
  title: 'TINY',
  tables: [tinyUsageTable],
  recognise: { head: (bytes) => Buffer.from(bytes.subarray(0, magic.length)).toString() === magic },
  read: { format: 'tiny', decode: tinyBatches },
  show: tinyShow,
};
