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
import { appendBatches } from './append-batches.ts';
import { codecSources, type BerKind } from './codec-sources.ts';
import { DecodePool } from './decode-pool.ts';
import { berKindOf, formatOf, readHead, type InputKind } from './detect.ts';
import { sha256File } from './files.ts';
import { totalRows, type Loader } from './load-result.ts';
import { defaultBatchSize } from './row-batches.ts';
import { quarantine } from './quarantine.ts';
import {
  isLoaded,
  loadedIdFor,
  loadedIdsOfKind,
  markReplaced,
  register,
  type FileOutcome,
} from './registry-store.ts';
import { snapshotKinds, sourceForColumns, tabularSources } from './sources.ts';
import { columnNames, tabularLoader, type TabularFormat } from './tabular.ts';

export type { FileOutcome } from './registry-store.ts';

/** The raw tables that hold a file's rows (each has a file_id column). */
const dataTables: readonly RawTable[] = [
  ...tabularSources.map((s) => s.table),
  ...Object.values(codecSources).flatMap((s) => s.tables),
];

/** Every table ingest writes; SQLMesh's external models are generated from the same list. */
export const rawTables: readonly RawTable[] = [...dataTables, ingestedFilesTable, buildRunsTable];

/** WAL size at which DuckDB checkpoints during an ingest; the ingest checkpoints once at its end. */
const checkpointThreshold = '1GB';

/** Codec files at least this large are decoded in the worker thread while this one appends. */
const workerThreshold = 256 * 1024;

function codecLoader(kind: BerKind, pool: DecodePool | undefined): Loader {
  const source = codecSources[kind];
  return async (connection, file, fileId) => {
    const { size } = await stat(file);
    const batches =
      pool !== undefined && size >= workerThreshold
        ? pool.batches(kind, file, defaultBatchSize)
        : source.batches(file, defaultBatchSize);
    return appendBatches(connection, source.tables, batches, fileId);
  };
}

export interface IngestOptions {
  force: boolean;
  kind: InputKind | undefined;
  quarantineDir: string;
  progress: Progress;
  /** Decode large codec files in a worker thread (default true). */
  workers?: boolean;
  /** Test hook: called inside a file's transaction after its rows are written. */
  afterLoad?: (file: string) => Promise<void>;
}

async function ensureTables(connection: DuckDBConnection): Promise<void> {
  await connection.run('CREATE SCHEMA IF NOT EXISTS raw');
  for (const table of rawTables) await connection.run(createTableSql(table));
}

/** Removes the rows of the earlier version of a file, within the caller's transaction. */
async function retire(connection: DuckDBConnection, fileId: string): Promise<void> {
  for (const table of dataTables) {
    await connection.run(`DELETE FROM ${table.name} WHERE file_id = ${sqlString(fileId)}`);
  }
  await markReplaced(connection, fileId);
}

interface Plan {
  kind: InputKind;
  format: string;
  loader: Loader;
}

const unknownKind = (file: string, why: string) =>
  new LoadError(`${file}: ${why} at byte 0`, file, {
    fix: 'pass --kind if the file is one roam knows (roam ingest --help)',
  });

/** Decides kind, format and loader from the file's content (or --kind). */
async function planFor(
  connection: DuckDBConnection,
  file: string,
  forced: InputKind | undefined,
  pool: DecodePool | undefined,
): Promise<Plan> {
  const head = await readHead(file);
  const format = formatOf(head);
  if (format === undefined)
    throw unknownKind(file, head.length === 0 ? 'empty file' : 'unknown file kind');
  if (format === 'ber') {
    const kind = berKindOf(head);
    if (kind === undefined) throw unknownKind(file, 'unknown file kind');
    if (forced !== undefined && forced !== kind)
      throw unknownKind(file, `a ${kind.toUpperCase()} file, not ${forced}`);
    return { kind, format, loader: codecLoader(kind, pool) };
  }
  const tabular: TabularFormat = format;
  const names = await columnNames(connection, file, tabular).catch((error: unknown) => {
    throw new LoadError(
      `${file}: not a readable ${tabular} file at byte 0: ${(error as Error).message.split('\n')[0]}`,
      file,
    );
  });
  const source =
    forced === undefined ? sourceForColumns(names) : tabularSources.find((s) => s.kind === forced);
  if (source === undefined) {
    throw unknownKind(file, `no source has the columns ${names.slice(0, 8).join(', ')}`);
  }
  return { kind: source.kind, format, loader: tabularLoader(source, tabular, names) };
}

async function ingestOne(
  connection: DuckDBConnection,
  file: string,
  options: IngestOptions,
  pool: DecodePool | undefined,
): Promise<FileOutcome> {
  const started = performance.now();
  const { size } = await stat(file);
  const fileId = await sha256File(file);
  const seconds = () => (performance.now() - started) / 1000;
  const outcome: FileOutcome = {
    file,
    fileId,
    kind: null,
    format: null,
    status: 'loaded',
    rows: 0,
    reason: null,
    sizeBytes: size,
  };
  // The same content is skipped whatever its name; a new version of a name replaces the old one.
  const sameContent = await isLoaded(connection, fileId);
  const previous = await loadedIdFor(connection, path.basename(file));
  if (sameContent && !options.force) {
    const skipped = {
      ...outcome,
      status: 'skipped-duplicate' as const,
      reason: 'same content already loaded',
    };
    await register(connection, skipped, seconds());
    return skipped;
  }
  let plan: Plan | undefined;
  try {
    plan = await planFor(connection, file, options.kind, pool);
    const { kind, format, loader } = plan;
    return await inTransaction(connection, async () => {
      // Reference data is a snapshot: the new file replaces every earlier one of its kind.
      const earlier = snapshotKinds.has(kind) ? await loadedIdsOfKind(connection, kind) : [];
      const replaced = [...earlier, previous, sameContent ? fileId : undefined];
      for (const id of new Set(replaced.filter((x) => x !== undefined))) {
        await retire(connection, id);
      }
      const result = await loader(connection, file, fileId);
      const loaded = { ...outcome, kind, format, rows: totalRows(result), result };
      await options.afterLoad?.(file);
      await register(connection, loaded, seconds());
      return loaded;
    });
  } catch (error) {
    const reason =
      error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error);
    await quarantine(file, options.quarantineDir, reason);
    const failed = {
      ...outcome,
      kind: plan?.kind ?? null,
      format: plan?.format ?? null,
      status: 'quarantined' as const,
      reason,
    };
    await register(connection, failed, seconds());
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
    // A file's rows reach the WAL uncompressed (~35 MB per 50,000 TAP events): at DuckDB's default
    // threshold (16 MB) nearly every commit would checkpoint, rewriting the tables' last row groups
    // each time. Checkpoint once at the end instead (bench/README.md, ingest).
    await connection.run(`SET checkpoint_threshold = '${checkpointThreshold}'`);
    const outcomes: FileOutcome[] = [];
    const pool = options.workers === false ? undefined : new DecodePool(files, workerThreshold);
    try {
      for (const file of files) {
        const outcome = await ingestOne(connection, file, options, pool);
        options.progress.fileDone(outcome.rows, outcome.sizeBytes);
        outcomes.push(outcome);
      }
    } finally {
      await pool?.close();
    }
    await connection.run('CHECKPOINT');
    options.progress.finish();
    return outcomes;
  });
}
