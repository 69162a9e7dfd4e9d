/** A RAP file as row batches: decoded and normalised return by return. Pure of DuckDB. */
import path from 'node:path';
import { decodeFile, type DecodeItem } from '../asn1/index.ts';
import { LoadError } from '../lib/errors.ts';
import { TimeRange } from '../ingest/load-result.ts';
import type { ColumnBatchSource } from '../ingest/row-batches.ts';
import { CheckedBatchBuilder } from '../tap/checked-batches.ts';
import { createRapNormaliser } from './normalise.ts';
import { rapAuditTable, rapErrorsTable, rapFilesTable, rapReturnsTable } from './raw-schema.ts';

/** `items` defaults to the file decoded from disk; the fuzz campaign passes bytes decoded in memory. */
export async function* rapBatches(
  file: string,
  size: number,
  items: AsyncIterable<DecodeItem> = decodeFile(file),
): ColumnBatchSource {
  const out = new CheckedBatchBuilder(size, file);
  let normaliser: ReturnType<typeof createRapNormaliser> | undefined;
  let unknownTags = 0;
  for await (const item of items) {
    out.from(item);
    if (item.type === 'header') {
      normaliser = createRapNormaliser(path.basename(file), item);
      out.add(rapFilesTable, normaliser.file);
    } else if (item.type === 'record' && normaliser !== undefined) {
      const { row, errors } = normaliser.record(item);
      out.add(rapReturnsTable, row);
      for (const error of errors) out.add(rapErrorsTable, error);
      const full = out.recordDone();
      if (full !== undefined) yield full;
    } else if (item.type === 'trailer' && normaliser !== undefined) {
      out.add(rapAuditTable, normaliser.audit(item));
    } else if (item.type === 'end') {
      unknownTags = item.unknownTags.reduce((sum, u) => sum + u.count, 0);
    }
  }
  if (normaliser === undefined) throw new LoadError(`${file}: no RAP header at byte 0`, file);
  yield out.take();
  const header = normaliser.file;
  const created = TimeRange.sql(header.createdUtc);
  return {
    firstEventAt: created,
    lastEventAt: created,
    release: header.module,
    sender: header.sender,
    recipient: header.recipient,
    sequence: header.rapFileSequenceNumber,
    unknownTags,
  };
}
