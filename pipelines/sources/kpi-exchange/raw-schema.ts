/**
 * The raw tables of partners' KPI exchange files (roam-kpi-exchange, docs/kpi-exchange.md): one
 * row per file, one per entry. Decimals are kept as the text the file holds (exact); staging
 * casts them. `file_id` is added by ingest.
 */
import { rowTable } from '../../columns/row-table.ts';

export interface ExchangeFileRow {
  file: string;
  formatVersion: number;
  senderTadig: string;
  senderName: string;
  recipientTadig: string;
  recipientName: string;
  period: string;
  generatedAt: string;
  generatorName: string;
  generatorVersion: string;
  sha256: string;
  signed: boolean;
  entryCount: number;
}

export interface ExchangeEntryRow {
  file: string;
  entryIndex: number;
  kpi: string;
  ir42Parameter: string | null;
  direction: string;
  service: string;
  rat: string;
  unit: string;
  numerator: string | null;
  denominator: string | null;
  excluded: string | null;
  value: string | null;
  p50: string | null;
  p95: string | null;
  sampleSize: number | null;
  source: string;
  target: string | null;
}

export const exchangeFilesTable = rowTable<ExchangeFileRow>(
  'raw.kpi_exchange_files',
  "Partners' KPI exchange files (roam-kpi-exchange): one row per file, as its header says.",
  {
    file: ['VARCHAR', 'File name'],
    formatVersion: ['INTEGER', 'Version of the roam-kpi-exchange format'],
    senderTadig: ['VARCHAR', 'Sender TADIG: the partner who measured'],
    senderName: ['VARCHAR', 'Sender name, as the file gives it'],
    recipientTadig: ['VARCHAR', 'Recipient TADIG: our network (checked on import)'],
    recipientName: ['VARCHAR', 'Recipient name, as the file gives it'],
    period: ['VARCHAR', 'The month measured, YYYY-MM'],
    generatedAt: ['TIMESTAMP', 'When the sender wrote the file, UTC'],
    generatorName: ['VARCHAR', 'The tool that wrote it'],
    generatorVersion: ['VARCHAR', "That tool's version"],
    sha256: [
      'VARCHAR',
      'The checksum of the canonical content the file carries (verified on import)',
    ],
    signed: [
      'BOOLEAN',
      'The file carries an Ed25519 signature (verified on import against the key on file)',
    ],
    entryCount: ['INTEGER', 'Entries in the file'],
  },
);

export const exchangeEntriesTable = rowTable<ExchangeEntryRow>(
  'raw.kpi_exchange_entries',
  "The entries of partners' KPI exchange files: one KPI as the partner measured it, directions from its side.",
  {
    file: ['VARCHAR', 'File name'],
    entryIndex: ['INTEGER', "The entry's position in the file's entries"],
    kpi: ['VARCHAR', 'KPI key of the catalogue'],
    ir42Parameter: ['VARCHAR', 'The IR.42 parameter the KPI implements, as the sender names it'],
    direction: [
      'VARCHAR',
      "From the sender's side: outbound = the sender's subscribers in our network",
    ],
    service: ['VARCHAR', 'Service or traffic class; all for the whole KPI'],
    rat: ['VARCHAR', 'Radio access type; all for the whole KPI'],
    unit: ['VARCHAR', 'Unit of the value'],
    numerator: ['VARCHAR', 'Numerator, exact decimal text'],
    denominator: ['VARCHAR', 'Denominator, exact decimal text'],
    excluded: ['VARCHAR', 'Attempts excluded (technical success rates), exact decimal text'],
    value: ['VARCHAR', 'The value, exact decimal text'],
    p50: ['VARCHAR', 'Median (latencies), exact decimal text'],
    p95: ['VARCHAR', '95th percentile (latencies), exact decimal text'],
    sampleSize: ['BIGINT', 'Observations the value rests on'],
    source: ['VARCHAR', 'probe, active-test, tap, rap, nrtrde or ipx'],
    target: ['VARCHAR', 'The agreed target as the sender holds it, exact decimal text'],
  },
);
