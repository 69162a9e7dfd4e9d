/** Reads and writes the file registry (raw.ingested_files) and the quarantine log. */
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ingestedFilesTable, quarantinedFilesTable } from './registry-tables.ts';
import { sqlString } from '../lib/warehouse.ts';
import type { LoadResult } from './load-result.ts';

/** What became of a file in a run. */
export type FileStatus = 'loaded' | 'quarantined' | 'skipped-duplicate';

/** An earlier version of the same logical file that a loaded file replaced. */
export interface ReplacedFile {
  file: string;
  fileId: string;
  rows: number;
}

export interface FileOutcome {
  file: string;
  fileId: string;
  kind: string | null;
  format: string | null;
  status: FileStatus;
  rows: number;
  reason: string | null;
  sizeBytes: number;
  /** The logical file it is a version of (see logical-key.ts), when loaded. */
  logicalKey: string | null;
  /** The earlier versions its loading replaced (their rows are gone). */
  replaced: ReplacedFile[];
  /** Validation findings of severity fatal (the file loaded, with them). */
  fatalFindings: number;
  result?: LoadResult;
}

/** A loaded file as the registry knows it. */
export interface LoadedFile {
  fileId: string;
  file: string;
  name: string;
  kind: string;
  logicalKey: string | null;
  rows: number;
}

const list = (values: readonly string[]) => values.map(sqlString).join(', ');

/** The loaded files with any of these contents, names, logical keys or kinds, in one query. */
export async function loadedWhere(
  connection: DuckDBConnection,
  where: { ids?: string[]; names?: string[]; keys?: string[]; kinds?: string[] },
): Promise<LoadedFile[]> {
  const columns = [
    ['file_id', where.ids],
    ['file_name', where.names],
    ['logical_key', where.keys],
    ['kind', where.kinds],
  ] as const;
  const tests = columns
    .filter(([, values]) => values !== undefined && values.length > 0)
    .map(([column, values]) => `${column} IN (${list([...new Set(values)])})`);
  if (tests.length === 0) return [];
  const reader = await connection.runAndReadAll(
    `SELECT file_id, path, file_name, kind, logical_key, row_count FROM ${ingestedFilesTable.name}
     WHERE status = 'loaded' AND (${tests.join(' OR ')})`,
  );
  return reader.getRowObjectsJson().map((r) => ({
    fileId: String(r.file_id as string),
    file: String(r.path as string),
    name: String(r.file_name as string),
    kind: String(r.kind as string),
    logicalKey: (r.logical_key as string | null) ?? null,
    rows: Number(r.row_count ?? 0),
  }));
}

/** Marks loaded versions as replaced by later ones, in one statement. */
export async function markReplaced(
  connection: DuckDBConnection,
  pairs: ReadonlyArray<{ fileId: string; by: string }>,
): Promise<void> {
  if (pairs.length === 0) return;
  const values = pairs.map((p) => `(${sqlString(p.fileId)}, ${sqlString(p.by)})`).join(', ');
  await connection.run(
    `UPDATE ${ingestedFilesTable.name} AS f SET status = 'replaced', replaced_by = r.new_id, replaced_at = now()
     FROM (VALUES ${values}) AS r(old, new_id)
     WHERE f.file_id = r.old AND f.status = 'loaded'`,
  );
}

/** Forgets the loaded version of a file that is loaded again (--force): the same version. */
export async function forgetLoaded(connection: DuckDBConnection, fileId: string): Promise<void> {
  await connection.run(
    `DELETE FROM ${ingestedFilesTable.name} WHERE file_id = ${sqlString(fileId)} AND status = 'loaded'`,
  );
}

const literal = (value: string | number | boolean | null | undefined) =>
  value === null || value === undefined
    ? 'NULL'
    : typeof value === 'string'
      ? sqlString(value)
      : String(value);

/** A loaded file's registry row: the file, and what replaced it within its group, if anything. */
export interface Registration {
  outcome: FileOutcome;
  seconds: number;
  replacedBy?: string;
}

const registryColumns = [
  'file_id',
  'path',
  'file_name',
  'logical_key',
  'size_bytes',
  'kind',
  'format',
  'release',
  'sender',
  'recipient',
  'sequence_number',
  'test_data',
  'status',
  'replaced_by',
  'row_count',
  'rows_by_table',
  'unknown_tags',
  'fatal_findings',
  'first_event_at',
  'last_event_at',
  'seconds',
  'run_id',
  'ingested_at',
  'replaced_at',
];

function registryValues({ outcome, seconds, replacedBy }: Registration, runId: number | null) {
  const r = outcome.result;
  const values = [
    outcome.fileId,
    outcome.file,
    path.basename(outcome.file),
    outcome.logicalKey,
    outcome.sizeBytes,
    outcome.kind,
    outcome.format,
    r?.release,
    r?.sender,
    r?.recipient,
    r?.sequence,
    r?.testData,
    replacedBy === undefined ? 'loaded' : 'replaced',
    replacedBy,
    outcome.rows,
    r === undefined ? null : JSON.stringify(r.rowsByTable),
    r?.unknownTags ?? 0,
    outcome.fatalFindings,
    r?.firstEventAt,
    r?.lastEventAt,
    seconds,
    runId,
  ];
  return `(${values.map(literal).join(', ')}, now(), ${replacedBy === undefined ? 'NULL' : 'now()'})`;
}

/** Adds the registry rows of loaded files, in one statement. */
export async function register(
  connection: DuckDBConnection,
  registrations: readonly Registration[],
  runId: number | null,
): Promise<void> {
  if (registrations.length === 0) return;
  await connection.run(
    `INSERT INTO ${ingestedFilesTable.name} (${registryColumns.join(', ')})
     VALUES ${registrations.map((r) => registryValues(r, runId)).join(',\n')}`,
  );
}

/** A quarantined file and the time spent on it. */
export interface Quarantined {
  outcome: FileOutcome;
  seconds: number;
}

/** Records quarantined files of a run, in one statement. */
export async function recordQuarantined(
  connection: DuckDBConnection,
  files: readonly Quarantined[],
  runId: number | null,
): Promise<void> {
  if (files.length === 0) return;
  const rows = files.map(({ outcome: o, seconds }) => {
    const values = [runId, o.fileId, o.file, path.basename(o.file), o.sizeBytes, o.kind];
    return `(${[...values, o.format, o.reason, seconds].map(literal).join(', ')}, now())`;
  });
  await connection.run(`INSERT INTO ${quarantinedFilesTable.name} VALUES ${rows.join(',\n')}`);
}
