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

/** What the registry holds of a file: its content loaded (under any name), its name loaded. */
export interface Loaded {
  sameContent: boolean;
  /** The file id of the loaded version of the file's name, if any. */
  previous: string | undefined;
}

/** Looks a file up by content and by name, in one query. */
export async function lookUp(
  connection: DuckDBConnection,
  fileId: string,
  name: string,
): Promise<Loaded> {
  const reader = await connection.runAndReadAll(
    `SELECT file_id, file_name FROM ${ingestedFilesTable.name}
     WHERE status = 'loaded' AND (file_id = ${sqlString(fileId)} OR file_name = ${sqlString(name)})`,
  );
  const rows = reader.getRowObjectsJson();
  return {
    sameContent: rows.some((r) => r.file_id === fileId),
    previous: rows.find((r) => r.file_name === name)?.file_id as string | undefined,
  };
}

/** The file ids of every loaded file. */
export async function loadedIds(connection: DuckDBConnection): Promise<Set<string>> {
  const reader = await connection.runAndReadAll(
    `SELECT file_id FROM ${ingestedFilesTable.name} WHERE status = 'loaded'`,
  );
  return new Set(reader.getRowObjectsJson().map((r) => String(r.file_id as string)));
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

export async function register(
  connection: DuckDBConnection,
  outcome: FileOutcome,
  seconds: number,
): Promise<void> {
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
  await connection.run(
    `INSERT INTO ${ingestedFilesTable.name} VALUES (${values.map(literal).join(', ')}, now())`,
  );
}
