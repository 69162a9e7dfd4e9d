/** The CSV form of an exchange file: the same rows, a header line, for spreadsheet users. */
import { csvLine } from '../query/row-text.ts';
import type { ExchangeDocument, ExchangeEntry } from './document.ts';

const entryColumns: ReadonlyArray<keyof ExchangeEntry> = [
  'kpi',
  'ir42_parameter',
  'direction',
  'service',
  'rat',
  'unit',
  'numerator',
  'denominator',
  'excluded',
  'value',
  'p50',
  'p95',
  'sample_size',
  'source',
  'target',
];

/** Every entry with the file's sender, recipient and period on each line. Pure. */
export function exchangeCsv(document: ExchangeDocument): string {
  const head = ['format_version', 'sender_tadig', 'recipient_tadig', 'period', ...entryColumns];
  const lines = document.entries.map((entry) =>
    csvLine([
      `${document.format}/${document.version}`,
      document.sender.tadig,
      document.recipient.tadig,
      document.period,
      ...entryColumns.map((c) => (entry[c] === null ? null : String(entry[c]))),
    ]),
  );
  return `${[head.join(','), ...lines].join('\n')}\n`;
}
