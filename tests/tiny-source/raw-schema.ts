/** The raw table of the made-up TINY format: one row per usage record, `file_id` added by ingest. */
import { rowTable } from '../../pipelines/columns/row-table.ts';

export interface TinyUsageRow {
  file: string;
  recordIndex: number;
  usedAt: string | null;
  imsi: string | null;
  units: number | null;
}

export const tinyUsageTable = rowTable<TinyUsageRow>(
  'raw.tiny_usage',
  'Usage records of TINY files, a format made up for tests/adding-a-source.test.ts.',
  {
    file: ['VARCHAR', 'File name'],
    recordIndex: ['INTEGER', "The record's position among the file's records"],
    usedAt: ['TIMESTAMP', 'When, UTC'],
    imsi: ['VARCHAR', 'Subscriber IMSI'],
    units: ['INTEGER', 'Units used'],
  },
);
