/**
 * A RAP file as row batches: decoded, normalised and validated return by return. Pure of DuckDB.
 * Findings travel with the rows they are found with (the audit's in the last batch).
 */
import path from 'node:path';
import { decodeFile, type DecodeItem } from '../../asn1/index.ts';
import { LoadError } from '../../lib/errors.ts';
import { CheckedBatchBuilder } from '../shared/checked-batches.ts';
import type { FileValidator } from '../shared/rules.ts';
import { TimeRange } from '../shared/time-range.ts';
import type { ColumnBatchSource } from '../source.ts';
import { createRapNormaliser } from './normalise.ts';
import {
  rapAuditTable,
  rapErrorsTable,
  rapFilesTable,
  rapReturnsTable,
  rapValidationTable,
} from './raw-schema.ts';
import { createRapValidator } from './validate.ts';

/** `items` defaults to the file decoded from disk; the fuzz campaign passes bytes decoded in memory. */
export async function* rapBatches(
  file: string,
  size: number,
  items: AsyncIterable<DecodeItem> = decodeFile(file),
): ColumnBatchSource {
  const out = new CheckedBatchBuilder(size, file);
  let normaliser: ReturnType<typeof createRapNormaliser> | undefined;
  let validator: FileValidator | undefined;
  let unknownTags = 0;
  let finished = false;
  for await (const item of items) {
    out.from(item);
    if (item.type === 'header') {
      normaliser = createRapNormaliser(path.basename(file), item);
      validator = createRapValidator(path.basename(file), item);
      out.add(rapFilesTable, normaliser.file);
      for (const finding of validator.headerFindings) out.add(rapValidationTable, finding);
    } else if (item.type === 'record' && normaliser !== undefined) {
      const { row, errors } = normaliser.record(item);
      out.add(rapReturnsTable, row);
      for (const error of errors) out.add(rapErrorsTable, error);
      for (const finding of validator?.record(item) ?? []) out.add(rapValidationTable, finding);
      const full = out.recordDone();
      if (full !== undefined) yield full;
    } else if (item.type === 'trailer' && normaliser !== undefined) {
      out.add(rapAuditTable, normaliser.audit(item));
      for (const finding of validator?.finish(item) ?? []) out.add(rapValidationTable, finding);
      finished = true;
    } else if (item.type === 'end') {
      unknownTags = item.unknownTags.reduce((sum, u) => sum + u.count, 0);
    }
  }
  if (normaliser === undefined) throw new LoadError(`${file}: no RAP header at byte 0`, file);
  if (!finished)
    for (const finding of validator?.finish() ?? []) out.add(rapValidationTable, finding);
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
    fileKind: header.kind,
  };
}
