import type { RawTable } from './raw-table.ts';

/** The file registry: one row per file ingest has seen, whatever became of it. */
export const ingestedFilesTable: RawTable = {
  name: 'raw.ingested_files',
  description: 'Every file ingest has seen: identity, kind, outcome and the rows it landed.',
  columns: [
    { name: 'file_id', type: 'VARCHAR', description: 'sha256 of the content, hex' },
    { name: 'path', type: 'VARCHAR', description: 'Absolute path when ingested' },
    { name: 'file_name', type: 'VARCHAR', description: 'Base name of the file' },
    { name: 'size_bytes', type: 'BIGINT', description: 'File size in bytes' },
    { name: 'kind', type: 'VARCHAR', description: 'Detected kind, e.g. probe-xdr-csv' },
    { name: 'status', type: 'VARCHAR', description: 'loaded, quarantined or skipped-duplicate' },
    { name: 'reason', type: 'VARCHAR', description: 'Why it was quarantined or skipped' },
    { name: 'row_count', type: 'BIGINT', description: 'Rows landed in raw tables' },
    {
      name: 'first_event_at',
      type: 'TIMESTAMP',
      description: 'Earliest event time in the file, UTC',
    },
    { name: 'last_event_at', type: 'TIMESTAMP', description: 'Latest event time in the file, UTC' },
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
