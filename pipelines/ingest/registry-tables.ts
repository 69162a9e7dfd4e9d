import { rawTable } from '../columns/raw-table.ts';

/**
 * The file registry: one row per file version that landed. A run that sees a file again (the same
 * content, under any name) adds nothing here: runs are recorded in `raw.ingest_runs`, and files
 * that could not be loaded in `raw.quarantined_files`.
 */
export const ingestedFilesTable = rawTable(
  'raw.ingested_files',
  'One row per file version that landed: its identity, logical file, kind, rows and timings. A file ' +
    'replaces an earlier version only when both are the same logical file (logical_key); the ' +
    'earlier one is then kept here as replaced, its rows deleted.',
  [
    ['file_id', 'VARCHAR', 'sha256 of the content, hex'],
    ['path', 'VARCHAR', 'Absolute path when ingested'],
    ['file_name', 'VARCHAR', 'Base name of the file'],
    [
      'logical_key',
      'VARCHAR',
      'Which logical file this is a version of. TAP/RAP/NRTRDE: kind (RAP: rap-return-batch or ' +
        'rap-acknowledgement), sender, recipient, sequence number and test or commercial, e.g. ' +
        'tap:DEUNW>GBRHM:00042:commercial. Tabular files: ' +
        'path: and the path from the folder named on the command line, that folder included ' +
        '(a file named directly: its folder and name), e.g. path:siteA/xdr-2026-10.csv',
    ],
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
    ['test_data', 'BOOLEAN', 'Test data (TAP/RAP fileTypeIndicator present); NULL when unknown'],
    ['status', 'VARCHAR', 'loaded, or replaced (by a later version of the same logical file)'],
    ['replaced_by', 'VARCHAR', 'file_id of the version that replaced it'],
    ['replaced_at', 'TIMESTAMP', 'When it was replaced, UTC'],
    ['row_count', 'BIGINT', 'Rows landed in raw tables, all tables'],
    ['rows_by_table', 'VARCHAR', 'Rows per raw table, JSON'],
    ['unknown_tags', 'BIGINT', 'Unknown BER tags skipped'],
    ['fatal_findings', 'BIGINT', 'TD.57 validation findings of severity fatal (BER files)'],
    ['first_event_at', 'TIMESTAMP', 'Earliest event time in the file, UTC'],
    ['last_event_at', 'TIMESTAMP', 'Latest event time in the file, UTC'],
    ['seconds', 'DOUBLE', 'Time spent on the file'],
    ['ingested_at', 'TIMESTAMP', 'When ingest finished with the file, UTC'],
    ['run_id', 'BIGINT', 'The ingest run that loaded it (raw.ingest_runs)'],
  ],
  { fileId: false },
);

/** One row per `roam ingest`: what it was given and what became of its files, in counts. */
export const ingestRunsTable = rawTable(
  'raw.ingest_runs',
  'One row per ingest run: its inputs, times and outcome counts. A run that finds nothing new ' +
    'adds a row here and none to raw.ingested_files.',
  [
    ['run_id', 'BIGINT', '1, 2, … in the order runs started'],
    ['started_at', 'TIMESTAMP', 'When the run started, UTC'],
    ['finished_at', 'TIMESTAMP', 'When the run ended, UTC; NULL while running (or if killed)'],
    ['status', 'VARCHAR', 'running, finished, or crashed (a bug: the group it was in rolled back)'],
    ['inputs', 'VARCHAR', 'Files and folders given, JSON'],
    ['files', 'BIGINT', 'Input files seen'],
    ['loaded', 'BIGINT', 'Files loaded'],
    ['replaced', 'BIGINT', 'Earlier versions replaced by the files loaded'],
    ['skipped', 'BIGINT', 'Files skipped: the same content already loaded'],
    ['quarantined', 'BIGINT', 'Files quarantined (raw.quarantined_files)'],
    ['row_count', 'BIGINT', 'Rows landed, all tables'],
    ['fatal_findings', 'BIGINT', 'Fatal validation findings in the files loaded'],
  ],
  { fileId: false },
);

/** One row per file and run that could not load it (a later run tries the file again). */
export const quarantinedFilesTable = rawTable(
  'raw.quarantined_files',
  'One row per run and file that could not be loaded: the file was copied to the quarantine folder ' +
    'with a .reason file; nothing of it landed.',
  [
    ['run_id', 'BIGINT', 'The ingest run (raw.ingest_runs)'],
    ['file_id', 'VARCHAR', 'sha256 of the content, hex'],
    ['path', 'VARCHAR', 'Absolute path when ingested'],
    ['file_name', 'VARCHAR', 'Base name of the file'],
    ['size_bytes', 'BIGINT', 'File size in bytes'],
    ['kind', 'VARCHAR', 'The kind detected, if any'],
    ['format', 'VARCHAR', 'ber, csv, parquet or jsonl, if detected'],
    ['reason', 'VARCHAR', 'Why: file, byte offset or line, message'],
    ['seconds', 'DOUBLE', 'Time spent on the file'],
    ['quarantined_at', 'TIMESTAMP', 'When, UTC'],
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
