/**
 * Ingest: files in, raw.* rows out. Each file lands in one transaction, completely or not at all;
 * a bad file is quarantined and the rest still load. The same content twice is skipped; a changed
 * file with the same name replaces its earlier rows.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { LoadError } from '../lib/errors.ts';
import type { Progress } from '../lib/progress.ts';
import { createTableSql, type RawTable } from '../lib/raw-table.ts';
import { buildRunsTable, ingestedFilesTable } from '../lib/registry.ts';
import { inTransaction, sqlString, withWarehouse } from '../lib/warehouse.ts';
import { loadProbeCsv, type LoadedRange } from '../probes/load.ts';
import { probeXdrTable } from '../probes/raw-schema.ts';
import { detectKind, readHead, type InputKind } from './detect.ts';
import { sha256File } from './files.ts';
import { quarantine } from './quarantine.ts';

/** Every table ingest writes; SQLMesh's external models are generated from the same list. */
export const rawTables: readonly RawTable[] = [probeXdrTable, ingestedFilesTable, buildRunsTable];

/** The raw tables that hold a file's rows (tagged with its file_id). */
const dataTables: readonly RawTable[] = [probeXdrTable];

const loaders: Record<
  InputKind,
  (connection: DuckDBConnection, file: string, fileId: string) => Promise<LoadedRange>
> = {
  'probe-xdr-csv': loadProbeCsv,
};

export type FileStatus = 'loaded' | 'quarantined' | 'skipped-duplicate';

export interface FileOutcome {
  file: string;
  fileId: string;
  kind: InputKind | null;
  status: FileStatus;
  rows: number;
  reason: string | null;
}

export interface IngestOptions {
  force: boolean;
  kind: InputKind | undefined;
  quarantineDir: string;
  progress: Progress;
  /** Test hook: called inside a file's transaction after its rows are written. */
  afterLoad?: (file: string) => Promise<void>;
}

async function ensureTables(connection: DuckDBConnection): Promise<void> {
  await connection.run('CREATE SCHEMA IF NOT EXISTS raw');
  for (const table of rawTables) await connection.run(createTableSql(table));
}

async function loadedIdFor(
  connection: DuckDBConnection,
  name: string,
): Promise<string | undefined> {
  const reader = await connection.runAndReadAll(
    `SELECT file_id FROM ${ingestedFilesTable.name}
     WHERE file_name = ${sqlString(name)} AND status = 'loaded'`,
  );
  return reader.getRowObjectsJson()[0]?.file_id as string | undefined;
}

async function register(
  connection: DuckDBConnection,
  outcome: FileOutcome,
  size: number,
  range: LoadedRange | undefined,
): Promise<void> {
  const nullable = (value: string | null | undefined) =>
    value == null ? 'NULL' : sqlString(value);
  await connection.run(
    `INSERT INTO ${ingestedFilesTable.name} VALUES (
      ${sqlString(outcome.fileId)}, ${sqlString(outcome.file)}, ${sqlString(path.basename(outcome.file))},
      ${size}, ${nullable(outcome.kind)}, ${sqlString(outcome.status)}, ${nullable(outcome.reason)},
      ${outcome.rows}, ${nullable(range?.firstEventAt)}, ${nullable(range?.lastEventAt)}, now())`,
  );
}

/** Removes the rows of the earlier version of a file, within the caller's transaction. */
async function retire(connection: DuckDBConnection, fileId: string): Promise<void> {
  for (const table of dataTables) {
    await connection.run(`DELETE FROM ${table.name} WHERE file_id = ${sqlString(fileId)}`);
  }
  await connection.run(
    `UPDATE ${ingestedFilesTable.name} SET status = 'replaced' WHERE file_id = ${sqlString(fileId)} AND status = 'loaded'`,
  );
}

async function ingestOne(
  connection: DuckDBConnection,
  file: string,
  options: IngestOptions,
): Promise<FileOutcome> {
  const { size } = await stat(file);
  const fileId = await sha256File(file);
  const kind = options.kind ?? detectKind(await readHead(file)) ?? null;
  const outcome: FileOutcome = { file, fileId, kind, status: 'loaded', rows: 0, reason: null };
  const previous = await loadedIdFor(connection, path.basename(file));
  if (previous === fileId && !options.force) {
    const skipped = {
      ...outcome,
      status: 'skipped-duplicate' as const,
      reason: 'same content already loaded',
    };
    await register(connection, skipped, size, undefined);
    return skipped;
  }
  try {
    if (kind === null) {
      throw new LoadError(`${file}: unknown file kind at byte 0`, file, {
        fix: `pass --kind (${Object.keys(loaders).join(', ')}) if the file is one of these`,
      });
    }
    return await inTransaction(connection, async () => {
      if (previous !== undefined) await retire(connection, previous);
      const range = await loaders[kind](connection, file, fileId);
      const loaded = { ...outcome, rows: range.rows };
      await options.afterLoad?.(file);
      await register(connection, loaded, size, range);
      return loaded;
    });
  } catch (error) {
    const reason =
      error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error);
    await quarantine(file, options.quarantineDir, reason);
    const failed = { ...outcome, status: 'quarantined' as const, reason };
    await register(connection, failed, size, undefined);
    return failed;
  }
}

/** Ingests files one by one; returns what became of each. */
export async function ingestFiles(
  warehouse: string,
  files: readonly string[],
  options: IngestOptions,
): Promise<FileOutcome[]> {
  return withWarehouse(warehouse, 'write', async (connection) => {
    await ensureTables(connection);
    const outcomes: FileOutcome[] = [];
    for (const file of files) {
      const outcome = await ingestOne(connection, file, options);
      options.progress.fileDone(outcome.rows);
      outcomes.push(outcome);
    }
    options.progress.finish();
    return outcomes;
  });
}
