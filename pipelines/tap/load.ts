/**
 * A TAP file → raw.tap_* : streamed through the decoder, normalised and validated record by record,
 * appended column-wise. The only TAP file that touches DuckDB; runs in the caller's transaction.
 */
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { decodeFile } from '../asn1/index.ts';
import { LoadError } from '../lib/errors.ts';
import { openRowWriter } from '../lib/row-writer.ts';
import { TimeRange, type LoadResult } from '../ingest/load-result.ts';
import { createTapNormaliser } from './normalise.ts';
import {
  tapAuditTable,
  tapChargesTable,
  tapDiscountsTable,
  tapEventsTable,
  tapFilesTable,
  tapTaxesTable,
  tapValidationTable,
} from './raw-schema.ts';
import { createValidator } from './validate.ts';

export async function loadTap(
  connection: DuckDBConnection,
  file: string,
  fileId: string,
): Promise<LoadResult> {
  const name = path.basename(file);
  const writers = {
    files: await openRowWriter(connection, tapFilesTable, fileId),
    events: await openRowWriter(connection, tapEventsTable, fileId),
    charges: await openRowWriter(connection, tapChargesTable, fileId),
    taxes: await openRowWriter(connection, tapTaxesTable, fileId),
    discounts: await openRowWriter(connection, tapDiscountsTable, fileId),
    audit: await openRowWriter(connection, tapAuditTable, fileId),
    validation: await openRowWriter(connection, tapValidationTable, fileId),
  };
  const range = new TimeRange();
  let normaliser: ReturnType<typeof createTapNormaliser> | undefined;
  let validator: ReturnType<typeof createValidator> | undefined;
  let unknownTags = 0;
  let finished = false;
  for await (const item of decodeFile(file)) {
    if (item.type === 'header') {
      normaliser = createTapNormaliser(name, item);
      validator = createValidator(name, item);
      writers.files.append(normaliser.file);
    } else if (item.type === 'record' && normaliser !== undefined) {
      const rows = normaliser.record(item);
      writers.events.append(rows.event);
      range.add(rows.event.startUtc);
      for (const row of rows.charges) writers.charges.append(row);
      for (const row of rows.taxes) writers.taxes.append(row);
      for (const row of rows.discounts) writers.discounts.append(row);
      validator?.record(item);
    } else if (item.type === 'trailer' && normaliser !== undefined) {
      writers.audit.append(normaliser.audit(item));
      for (const finding of validator?.finish(item) ?? []) writers.validation.append(finding);
      finished = true;
    } else if (item.type === 'end') {
      unknownTags = item.unknownTags.reduce((sum, u) => sum + u.count, 0);
    }
  }
  if (normaliser === undefined) throw new LoadError(`${file}: no TAP header at byte 0`, file);
  // A notification has no trailer: still run the file-level checks.
  if (!finished)
    for (const finding of validator?.finish() ?? []) writers.validation.append(finding);
  const rowsByTable: Record<string, number> = {};
  for (const [table, writer] of Object.entries(writers)) {
    writer.close();
    rowsByTable[`tap_${table}`] = writer.count;
  }
  const header = normaliser.file;
  return {
    rowsByTable,
    firstEventAt: TimeRange.sql(range.first),
    lastEventAt: TimeRange.sql(range.last),
    release: header.module,
    sender: header.sender,
    recipient: header.recipient,
    sequence: header.fileSequenceNumber,
    unknownTags,
  };
}
