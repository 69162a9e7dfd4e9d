/** An NRTRDE file → raw.nrtrde_*: streamed, normalised event by event, appended column-wise. */
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { decodeFile } from '../asn1/index.ts';
import { LoadError } from '../lib/errors.ts';
import { openRowWriter } from '../lib/row-writer.ts';
import { TimeRange, type LoadResult } from '../ingest/load-result.ts';
import { createNrtrdeNormaliser, type NrtrdeFileRow } from './normalise.ts';
import { nrtrdeEventsTable, nrtrdeFilesTable } from './raw-schema.ts';

export async function loadNrtrde(
  connection: DuckDBConnection,
  file: string,
  fileId: string,
): Promise<LoadResult> {
  const files = await openRowWriter(connection, nrtrdeFilesTable, fileId);
  const events = await openRowWriter(connection, nrtrdeEventsTable, fileId);
  const range = new TimeRange();
  let normaliser: ReturnType<typeof createNrtrdeNormaliser> | undefined;
  let fileRow: NrtrdeFileRow | undefined;
  let unknownTags = 0;
  for await (const item of decodeFile(file)) {
    if (item.type === 'header') {
      normaliser = createNrtrdeNormaliser(path.basename(file), item);
      fileRow = normaliser.file;
    } else if (item.type === 'record' && normaliser !== undefined) {
      const row = normaliser.record(item);
      events.append(row);
      range.add(row.startUtc);
    } else if (item.type === 'trailer' && normaliser !== undefined) {
      fileRow = normaliser.finish(item);
    } else if (item.type === 'end') {
      unknownTags = item.unknownTags.reduce((sum, u) => sum + u.count, 0);
    }
  }
  if (fileRow === undefined) throw new LoadError(`${file}: no NRTRDE header at byte 0`, file);
  files.append(fileRow);
  files.close();
  events.close();
  return {
    rowsByTable: { nrtrde_files: files.count, nrtrde_events: events.count },
    firstEventAt: TimeRange.sql(range.first),
    lastEventAt: TimeRange.sql(range.last),
    release: 'NRTRDE-2.01',
    sender: fileRow.sender,
    recipient: fileRow.recipient,
    sequence: fileRow.sequenceNumber,
    unknownTags,
  };
}
