/** A RAP file → raw.rap_*: streamed, normalised return by return, appended column-wise. */
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { decodeFile } from '../asn1/index.ts';
import { LoadError } from '../lib/errors.ts';
import { openRowWriter } from '../lib/row-writer.ts';
import { TimeRange, type LoadResult } from '../ingest/load-result.ts';
import { createRapNormaliser } from './normalise.ts';
import { rapAuditTable, rapErrorsTable, rapFilesTable, rapReturnsTable } from './raw-schema.ts';

export async function loadRap(
  connection: DuckDBConnection,
  file: string,
  fileId: string,
): Promise<LoadResult> {
  const writers = {
    files: await openRowWriter(connection, rapFilesTable, fileId),
    returns: await openRowWriter(connection, rapReturnsTable, fileId),
    errors: await openRowWriter(connection, rapErrorsTable, fileId),
    audit: await openRowWriter(connection, rapAuditTable, fileId),
  };
  let normaliser: ReturnType<typeof createRapNormaliser> | undefined;
  let unknownTags = 0;
  for await (const item of decodeFile(file)) {
    if (item.type === 'header') {
      normaliser = createRapNormaliser(path.basename(file), item);
      writers.files.append(normaliser.file);
    } else if (item.type === 'record' && normaliser !== undefined) {
      const { row, errors } = normaliser.record(item);
      writers.returns.append(row);
      for (const error of errors) writers.errors.append(error);
    } else if (item.type === 'trailer' && normaliser !== undefined) {
      writers.audit.append(normaliser.audit(item));
    } else if (item.type === 'end') {
      unknownTags = item.unknownTags.reduce((sum, u) => sum + u.count, 0);
    }
  }
  if (normaliser === undefined) throw new LoadError(`${file}: no RAP header at byte 0`, file);
  const rowsByTable: Record<string, number> = {};
  for (const [table, writer] of Object.entries(writers)) {
    writer.close();
    rowsByTable[`rap_${table}`] = writer.count;
  }
  const header = normaliser.file;
  const created = TimeRange.sql(header.createdUtc);
  return {
    rowsByTable,
    firstEventAt: created,
    lastEventAt: created,
    release: header.module,
    sender: header.sender,
    recipient: header.recipient,
    sequence: header.rapFileSequenceNumber,
    unknownTags,
  };
}
