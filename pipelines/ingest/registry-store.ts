/** Reads and writes the file registry (raw.ingested_files). */
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ingestedFilesTable } from '../lib/registry.ts';
import { sqlString } from '../lib/warehouse.ts';
import type { LoadResult } from './load-result.ts';

export type FileStatus = 'loaded' | 'quarantined' | 'skipped-duplicate';

export interface FileOutcome {
  file: string;
  fileId: string;
  kind: string | null;
  format: string | null;
  status: FileStatus;
  rows: number;
  reason: string | null;
  sizeBytes: number;
  result?: LoadResult;
}

/** A loaded file as the registry knows it. */
export interface LoadedFile {
  fileId: string;
  name: string;
  kind: string;
}

/** The loaded files with any of these contents or names, in one query. */
export async function loadedMatching(
  connection: DuckDBConnection,
  fileIds: readonly string[],
  names: readonly string[],
): Promise<LoadedFile[]> {
  if (fileIds.length === 0 && names.length === 0) return [];
  const list = (values: readonly string[]) =>
    values.length === 0 ? 'NULL' : values.map(sqlString).join(', ');
  const reader = await connection.runAndReadAll(
    `SELECT file_id, file_name, kind FROM ${ingestedFilesTable.name}
     WHERE status = 'loaded' AND (file_id IN (${list(fileIds)}) OR file_name IN (${list(names)}))`,
  );
  return reader.getRowObjectsJson().map((r) => ({
    fileId: String(r.file_id as string),
    name: String(r.file_name as string),
    kind: String(r.kind as string),
  }));
}

/** The file ids of every loaded file of a kind. */
export async function loadedIdsOfKind(
  connection: DuckDBConnection,
  kind: string,
): Promise<string[]> {
  const reader = await connection.runAndReadAll(
    `SELECT file_id FROM ${ingestedFilesTable.name}
     WHERE kind = ${sqlString(kind)} AND status = 'loaded'`,
  );
  return reader.getRowObjectsJson().map((r) => String(r.file_id as string));
}

/** Marks the loaded version of a file as replaced. */
export async function markReplaced(connection: DuckDBConnection, fileId: string): Promise<void> {
  await connection.run(
    `UPDATE ${ingestedFilesTable.name} SET status = 'replaced'
     WHERE file_id = ${sqlString(fileId)} AND status = 'loaded'`,
  );
}

const literal = (value: string | number | null | undefined) =>
  value === null || value === undefined
    ? 'NULL'
    : typeof value === 'number'
      ? String(value)
      : sqlString(value);

/** A registry row: what became of a file (or later of its rows), and how long it took. */
export interface Registration {
  outcome: Omit<FileOutcome, 'status'> & { status: FileStatus | 'replaced' };
  seconds: number;
}

function rowValues({ outcome, seconds }: Registration): string {
  const r = outcome.result;
  const values = [
    outcome.fileId,
    outcome.file,
    path.basename(outcome.file),
    outcome.sizeBytes,
    outcome.kind,
    outcome.format,
    r?.release,
    r?.sender,
    r?.recipient,
    r?.sequence,
    outcome.status,
    outcome.reason,
    outcome.rows,
    r === undefined ? null : JSON.stringify(r.rowsByTable),
    r?.unknownTags ?? 0,
    r?.firstEventAt,
    r?.lastEventAt,
    seconds,
  ];
  return `(${values.map(literal).join(', ')}, now())`;
}

/** Adds registry rows, in one statement. */
export async function register(
  connection: DuckDBConnection,
  registrations: readonly Registration[],
): Promise<void> {
  if (registrations.length === 0) return;
  await connection.run(
    `INSERT INTO ${ingestedFilesTable.name} VALUES ${registrations.map(rowValues).join(',\n')}`,
  );
}
