/**
 * A TAP file as row batches: decoded, then each record read once, normalised and validated
 * (read.ts). Pure of DuckDB. Findings travel with the rows they are found with: the header's in
 * the first batch, a record's in that record's batch, the audit's in the last; none is kept until
 * the end of the file.
 */
import path from 'node:path';
import { decodeFile, type DecodeItem } from '../../asn1/index.ts';
import { LoadError } from '../../lib/errors.ts';
import { CheckedBatchBuilder } from '../shared/checked-batches.ts';
import { TimeRange } from '../shared/time-range.ts';
import type { ColumnBatchSource } from '../source.ts';
import { readTapFile, type TapReader } from './read.ts';
import {
  tapAuditTable,
  tapChargesTable,
  tapDiscountsTable,
  tapEventsTable,
  tapFilesTable,
  tapTaxesTable,
  tapValidationTable,
} from './raw-schema.ts';

/** `items` defaults to the file decoded from disk; the fuzz campaign passes bytes decoded in memory. */
export async function* tapBatches(
  file: string,
  size: number,
  items: AsyncIterable<DecodeItem> = decodeFile(file),
): ColumnBatchSource {
  const name = path.basename(file);
  const out = new CheckedBatchBuilder(size, file);
  const range = new TimeRange();
  let reader: TapReader | undefined;
  let unknownTags = 0;
  let finished = false;
  for await (const item of items) {
    out.from(item);
    if (item.type === 'header') {
      reader = readTapFile(name, item);
      out.add(tapFilesTable, reader.file);
      for (const finding of reader.headerFindings) out.add(tapValidationTable, finding);
    } else if (item.type === 'record' && reader !== undefined) {
      const { rows, findings } = reader.record(item);
      out.add(tapEventsTable, rows.event);
      range.add(rows.event.startUtc);
      for (const row of rows.charges) out.add(tapChargesTable, row);
      for (const row of rows.taxes) out.add(tapTaxesTable, row);
      for (const row of rows.discounts) out.add(tapDiscountsTable, row);
      for (const finding of findings) out.add(tapValidationTable, finding);
      const full = out.recordDone();
      if (full !== undefined) yield full;
    } else if (item.type === 'trailer' && reader !== undefined) {
      out.add(tapAuditTable, reader.audit(item));
      for (const finding of reader.finish(item)) out.add(tapValidationTable, finding);
      finished = true;
    } else if (item.type === 'end') {
      unknownTags = item.unknownTags.reduce((sum, u) => sum + u.count, 0);
    }
  }
  if (reader === undefined) throw new LoadError(`${file}: no TAP header at byte 0`, file);
  // A notification has no trailer: still run the file-level checks.
  if (!finished) for (const finding of reader.finish()) out.add(tapValidationTable, finding);
  yield out.take();
  const header = reader.file;
  return {
    firstEventAt: TimeRange.sql(range.first),
    lastEventAt: TimeRange.sql(range.last),
    release: header.module,
    sender: header.sender,
    recipient: header.recipient,
    sequence: header.fileSequenceNumber,
    unknownTags,
  };
}
