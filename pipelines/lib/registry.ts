import type { RawTable } from './raw-table.ts';

/** The file registry: one row per file ingest has seen, whatever became of it. */
export const ingestedFilesTable: RawTable = {
  name: 'raw.ingested_files',
  description:
    'Every file ingest has seen: identity, kind, outcome, the rows it landed and timings.',
  columns: [
    { name: 'file_id', type: 'VARCHAR', description: 'sha256 of the content, hex' },
    { name: 'path', type: 'VARCHAR', description: 'Absolute path when ingested' },
    { name: 'file_name', type: 'VARCHAR', description: 'Base name of the file' },
    { name: 'size_bytes', type: 'BIGINT', description: 'File size in bytes' },
    {
      name: 'kind',
      type: 'VARCHAR',
      description: 'tap, rap, nrtrde, probe-xdr, ipx-measurements or active-tests',
    },
    { name: 'format', type: 'VARCHAR', description: 'ber, csv, parquet or jsonl' },
    { name: 'release', type: 'VARCHAR', description: 'TAP-3.12, RAP-1.05, NRTRDE-2.01…' },
    { name: 'sender', type: 'VARCHAR', description: 'Sender TADIG (BER files)' },
    { name: 'recipient', type: 'VARCHAR', description: 'Recipient TADIG (BER files)' },
    {
      name: 'sequence_number',
      type: 'VARCHAR',
      description: 'File or RAP sequence number (BER files)',
    },
    {
      name: 'status',
      type: 'VARCHAR',
      description: 'loaded, replaced, quarantined or skipped-duplicate',
    },
    {
      name: 'reason',
      type: 'VARCHAR',
      description: 'Why it was quarantined or skipped: file, offset, message',
    },
    { name: 'row_count', type: 'BIGINT', description: 'Rows landed in raw tables, all tables' },
    { name: 'rows_by_table', type: 'VARCHAR', description: 'Rows per raw table, JSON' },
    { name: 'unknown_tags', type: 'BIGINT', description: 'Unknown BER tags skipped' },
    {
      name: 'first_event_at',
      type: 'TIMESTAMP',
      description: 'Earliest event time in the file, UTC',
    },
    { name: 'last_event_at', type: 'TIMESTAMP', description: 'Latest event time in the file, UTC' },
    { name: 'seconds', type: 'DOUBLE', description: 'Time spent on the file' },
    {
      name: 'ingested_at',
      type: 'TIMESTAMP',
      description: 'When ingest finished with the file, UTC',
    },
  ],
};

/** One row per `roam build` that succeeded: the watermark for what needs rebuilding. */
export const buildRunsTable: RawTable = {
  name: 'raw.build_runs',
  description: 'Successful builds; files ingested after the last one are rebuilt by the next.',
  columns: [
    { name: 'started_at', type: 'TIMESTAMP', description: 'When the build started, UTC' },
    { name: 'finished_at', type: 'TIMESTAMP', description: 'When the build finished, UTC' },
    {
      name: 'restated_from',
      type: 'TIMESTAMP',
      description: 'Start of the restated range, if any',
    },
    { name: 'restated_to', type: 'TIMESTAMP', description: 'End of the restated range, if any' },
  ],
};
