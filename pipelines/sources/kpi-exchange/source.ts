/**
 * Partners' KPI exchange files (roam-kpi-exchange version 1, docs/kpi-exchange.md), recognised
 * by content: JSON whose `format` is roam-kpi-exchange. A file is checked when decoded (JSON, the
 * schema, the checksum) and again against the reference data when it lands (admit.ts: for our
 * network, from a partner, signed with the partner's key when one is on file).
 */
import { readFile } from 'node:fs/promises';
import { BatchBuilder } from '../../columns/batch-builder.ts';
import type { ColumnBatchSource, Source } from '../source.ts';
import { admitExchange } from './admit.ts';
import { exchangeEntriesTable, exchangeFilesTable } from './raw-schema.ts';
import { entryRows, fileRow, looksLikeExchange, readExchange } from './read.ts';

async function* exchangeBatches(file: string, batchSize: number): ColumnBatchSource {
  const document = await readExchange(file, await readFile(file, 'utf8'));
  const out = new BatchBuilder(batchSize);
  out.add(exchangeFilesTable, fileRow(file, document));
  for (const row of entryRows(file, document)) {
    out.add(exchangeEntriesTable, row);
    const full = out.recordDone();
    if (full !== undefined) yield full;
  }
  yield out.take();
  // The month measured is the file's time: a file for a month already built restates it.
  const month = `${document.period}-01 00:00:00`;
  return {
    firstEventAt: month,
    lastEventAt: month,
    release: `roam-kpi-exchange-${document.version}`,
    sender: document.sender.tadig,
    recipient: document.recipient.tadig,
    // A partner's file for a month replaces the one it sent before for that month.
    sequence: document.period,
    unknownTags: 0,
  };
}

export const kpiExchangeSource: Source = {
  kind: 'kpi-exchange',
  title: 'KPI exchange',
  tables: [exchangeFilesTable, exchangeEntriesTable],
  recognise: { head: (bytes) => looksLikeExchange(Buffer.from(bytes).toString('utf8')) },
  read: { format: 'json', decode: exchangeBatches },
  admit: async (file, _summary, reference) =>
    admitExchange(file, await readExchange(file, await readFile(file, 'utf8')), reference),
};
