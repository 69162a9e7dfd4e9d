/**
 * An NRTRDE file as row batches: decoded, normalised and validated event by event. Pure of DuckDB.
 * Findings travel with the rows they are found with (the count's in the last batch).
 */
import path from 'node:path';
import { decodeFile, type DecodeItem } from '../../asn1/index.ts';
import { LoadError } from '../../lib/errors.ts';
import { CheckedBatchBuilder } from '../shared/checked-batches.ts';
import type { FileValidator } from '../shared/rules.ts';
import { TimeRange } from '../shared/time-range.ts';
import type { ColumnBatchSource } from '../source.ts';
import { createNrtrdeNormaliser, type NrtrdeFileRow } from './normalise.ts';
import { nrtrdeEventsTable, nrtrdeFilesTable, nrtrdeValidationTable } from './raw-schema.ts';
import { createNrtrdeValidator } from './validate.ts';

/** `items` defaults to the file decoded from disk; the fuzz campaign passes bytes decoded in memory. */
export async function* nrtrdeBatches(
  file: string,
  size: number,
  items: AsyncIterable<DecodeItem> = decodeFile(file),
): ColumnBatchSource {
  const out = new CheckedBatchBuilder(size, file);
  const range = new TimeRange();
  let normaliser: ReturnType<typeof createNrtrdeNormaliser> | undefined;
  let fileRow: NrtrdeFileRow | undefined;
  let validator: FileValidator | undefined;
  let unknownTags = 0;
  let finished = false;
  for await (const item of items) {
    out.from(item);
    if (item.type === 'header') {
      normaliser = createNrtrdeNormaliser(path.basename(file), item);
      validator = createNrtrdeValidator(path.basename(file), item);
      fileRow = normaliser.file;
      for (const finding of validator.headerFindings) out.add(nrtrdeValidationTable, finding);
    } else if (item.type === 'record' && normaliser !== undefined) {
      const row = normaliser.record(item);
      out.add(nrtrdeEventsTable, row);
      range.add(row.startUtc);
      for (const finding of validator?.record(item) ?? []) out.add(nrtrdeValidationTable, finding);
      const full = out.recordDone();
      if (full !== undefined) yield full;
    } else if (item.type === 'trailer' && normaliser !== undefined) {
      fileRow = normaliser.finish(item);
      for (const finding of validator?.finish(item) ?? []) out.add(nrtrdeValidationTable, finding);
      finished = true;
    } else if (item.type === 'end') {
      unknownTags = item.unknownTags.reduce((sum, u) => sum + u.count, 0);
    }
  }
  if (fileRow === undefined) throw new LoadError(`${file}: no NRTRDE header at byte 0`, file);
  if (!finished)
    for (const finding of validator?.finish() ?? []) out.add(nrtrdeValidationTable, finding);
  out.add(nrtrdeFilesTable, fileRow);
  yield out.take();
  return {
    firstEventAt: TimeRange.sql(range.first),
    lastEventAt: TimeRange.sql(range.last),
    release: 'NRTRDE-2.01',
    sender: fileRow.sender,
    recipient: fileRow.recipient,
    sequence: fileRow.sequenceNumber,
    unknownTags,
  };
}
