import { rawTable } from './raw-table.ts';

/** The file registry: one row per file ingest has seen, whatever became of it. */
export const ingestedFilesTable = rawTable(
  'raw.ingested_files',
  'Every file ingest has seen: identity, kind, outcome, the rows it landed and timings.',
  [
    ['file_id', 'VARCHAR', 'sha256 of the content, hex'],
    ['path', 'VARCHAR', 'Absolute path when ingested'],
    ['file_name', 'VARCHAR', 'Base name of the file'],
    ['size_bytes', 'BIGINT', 'File size in bytes'],
    [
      'kind',
      'VARCHAR',
      'tap, rap, nrtrde, probe-xdr, ipx-measurements, active-tests or reference-*',
    ],
    ['format', 'VARCHAR', 'ber, csv, parquet or jsonl'],
    ['release', 'VARCHAR', 'TAP-3.12, RAP-1.05, NRTRDE-2.01…'],
    ['sender', 'VARCHAR', 'Sender TADIG (BER files)'],
    ['recipient', 'VARCHAR', 'Recipient TADIG (BER files)'],
    ['sequence_number', 'VARCHAR', 'File or RAP sequence number (BER files)'],
    ['status', 'VARCHAR', 'loaded, replaced, quarantined or skipped-duplicate'],
    ['reason', 'VARCHAR', 'Why it was quarantined or skipped: file, offset, message'],
    ['row_count', 'BIGINT', 'Rows landed in raw tables, all tables'],
    ['rows_by_table', 'VARCHAR', 'Rows per raw table, JSON'],
    ['unknown_tags', 'BIGINT', 'Unknown BER tags skipped'],
    ['first_event_at', 'TIMESTAMP', 'Earliest event time in the file, UTC'],
    ['last_event_at', 'TIMESTAMP', 'Latest event time in the file, UTC'],
    ['seconds', 'DOUBLE', 'Time spent on the file'],
    ['ingested_at', 'TIMESTAMP', 'When ingest finished with the file, UTC'],
  ],
  { fileId: false },
);

/** One row per `roam build` that succeeded: the watermark for what needs rebuilding. */
export const buildRunsTable = rawTable(
  'raw.build_runs',
  'Successful builds; files ingested after the last one are rebuilt by the next.',
  [
    ['started_at', 'TIMESTAMP', 'When the build started, UTC'],
    ['finished_at', 'TIMESTAMP', 'When the build finished, UTC'],
    ['restated_from', 'TIMESTAMP', 'Start of the restated range, if any'],
    ['restated_to', 'TIMESTAMP', 'End of the restated range, if any'],
  ],
  { fileId: false },
);
