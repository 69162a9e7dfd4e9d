/**
 * Ingest: files in, raw.* rows out. Each file lands completely or not at all (see land-group.ts);
 * a bad file is quarantined and the rest still load; a bug stops the run (the groups before it
 * stay committed). The same content twice is skipped; a new version of the same logical file
 * (logical-key.ts) replaces its earlier rows.
 */
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { createTableSql } from '../columns/raw-table.ts';
import { defaultBatchSize } from '../columns/batch-builder.ts';
import { isInputError } from '../lib/errors.ts';
import { sqlString, withWarehouse } from '../lib/warehouse.ts';
import { sources as registry } from '../sources/index.ts';
import type { Source } from '../sources/source.ts';
import { DecodePool, defaultWorkerCount } from './decode-pool.ts';
import { sha256File } from './files.ts';
import {
  groupIsFull,
  landGroup,
  landsAlone,
  type LandOptions,
  type PreparedFile,
} from './land-group.ts';
import { keyFolders } from './logical-key.ts';
import { planFor, poolFor } from './plan.ts';
import { addMissingColumns } from './raw-columns-migration.ts';
import { rawTablesOf } from './raw-tables.ts';
import { migrateRegistry } from './registry-migration.ts';
import { loadedWhere, type FileOutcome } from './registry-store.ts';
import { finishRun, startRun } from './runs-store.ts';

export type { FileOutcome } from './registry-store.ts';

/** WAL size at which DuckDB checkpoints during an ingest; the ingest checkpoints once at its end. */
const checkpointThreshold = '1GB';

export interface IngestOptions extends Omit<LandOptions, 'runId'> {
  /** The kind the files are (`--kind`), whatever they look like; undefined: each file says. */
  kind: string | undefined;
  /** Worker threads that decode large files ahead; 0: all in this thread (default: cores). */
  workers?: number;
  /** The files and folders given (logical keys of tabular files start at them; see logical-key.ts). */
  inputs?: readonly string[];
}

/** The raw tables, created where missing, and the settings every ingest writes with. */
export async function prepareWarehouse(
  connection: DuckDBConnection,
  sources: readonly Source[] = registry,
): Promise<void> {
  const rawTables = rawTablesOf(sources);
  await connection.run('CREATE SCHEMA IF NOT EXISTS raw');
  for (const table of rawTables) await connection.run(createTableSql(table));
  await migrateRegistry(connection);
  await addMissingColumns(connection, rawTables);
  // A file's rows reach the WAL uncompressed (~35 MB per 50,000 TAP events): at DuckDB's default
  // threshold (16 MB) nearly every commit would checkpoint, rewriting the tables' last row groups
  // each time. Checkpoint once at the end instead (bench/README.md, ingest).
  await connection.run(`SET checkpoint_threshold = '${checkpointThreshold}'`);
}

/** DuckDB's memory limit while ingesting: one big file's transaction spills past it. */
const memoryLimit = '128MB';

/** Where DuckDB spills while ingesting `warehouse`: beside it, removed when the ingest ends. */
export const spillDirectory = (warehouse: string) => `${path.resolve(warehouse)}.tmp`;

/**
 * Bounds DuckDB's memory while ingesting into `warehouse`. A file lands in one transaction, so
 * a large one holds all its rows until it commits: DuckDB writes full row groups ahead into the
 * database file and evicts them, and spills what it cannot write ahead to `spillDirectory`.
 */
export async function ingestSettings(connection: DuckDBConnection, warehouse: string) {
  await connection.run(`SET memory_limit = '${memoryLimit}'`);
  await connection.run(`SET temp_directory = ${sqlString(spillDirectory(warehouse))}`);
}

/**
 * Reads what a file is (size, content hash, kind) before its group's transaction, and queues a
 * large decoded file for decoding ahead unless it was loaded before this run (same name, same
 * content).
 */
async function prepare(
  connection: DuckDBConnection,
  file: string,
  options: IngestOptions,
  pool: DecodePool | undefined,
  loadedBefore: ReadonlySet<string>,
  keyFolder: string | undefined,
): Promise<PreparedFile> {
  const started = performance.now();
  const { size } = await stat(file);
  const fileId = await sha256File(file);
  try {
    const plan = await planFor(connection, file, size, options, pool);
    if ('decode' in plan.source.read && (options.force || !loadedBefore.has(fileId)))
      poolFor(pool, size)?.enqueue(plan.source, file);
    const prepareSeconds = (performance.now() - started) / 1000;
    return { file, size, fileId, prepareSeconds, plan, keyFolder };
  } catch (unreadable) {
    // Bad input is quarantined when the file lands; a bug stops the run.
    if (!isInputError(unreadable)) throw unreadable;
    const prepareSeconds = (performance.now() - started) / 1000;
    return { file, size, fileId, prepareSeconds, plan: undefined, unreadable, keyFolder };
  }
}

/**
 * Ingests files in input order, in commit groups (see land-group.ts); returns what became of each.
 * The run is recorded in raw.ingest_runs, finished or, when a bug stopped it, crashed.
 */
export async function ingestFiles(
  warehouse: string,
  files: readonly string[],
  options: IngestOptions,
): Promise<FileOutcome[]> {
  let opened = false;
  try {
    return await withWarehouse(warehouse, 'write', (connection) => {
      opened = true;
      return ingestWith(connection, warehouse, files, options);
    });
  } finally {
    // Only once this process held the warehouse: a locked one's spill files are another's.
    if (opened) await rm(spillDirectory(warehouse), { recursive: true, force: true });
  }
}

async function ingestWith(
  connection: DuckDBConnection,
  warehouse: string,
  files: readonly string[],
  options: IngestOptions,
): Promise<FileOutcome[]> {
  await prepareWarehouse(connection, options.sources);
  await ingestSettings(connection, warehouse);
  const outcomes: FileOutcome[] = [];
  const inputs = options.inputs ?? files;
  const runId = await startRun(connection, inputs, files.length);
  const landOptions = { ...options, runId };
  const folders = keyFolders(inputs, files);
  const workers = options.workers ?? defaultWorkerCount();
  const pool = workers === 0 ? undefined : new DecodePool(defaultBatchSize, workers);
  // Loaded before this run under an input file's name: not decoded ahead (most likely skipped).
  const names = files.map((f) => path.basename(f));
  const loadedBefore = new Set((await loadedWhere(connection, { names })).map((f) => f.fileId));
  // Files in commit groups, prepared (and queued for decoding) as they are asked for.
  async function* groups(): AsyncGenerator<PreparedFile[]> {
    let group: PreparedFile[] = [];
    // Files checked against the reference data land last, each alone, once the run's reference
    // files have committed (land-group.ts, landsAlone).
    const last: PreparedFile[] = [];
    for (const file of files) {
      const prepared = await prepare(
        connection,
        file,
        options,
        pool,
        loadedBefore,
        folders.get(file),
      );
      if (landsAlone(prepared)) last.push(prepared);
      else group.push(prepared);
      if (groupIsFull(group)) {
        yield group;
        group = [];
      }
    }
    if (group.length > 0) yield group;
    for (const prepared of last) yield [prepared];
  }
  try {
    // The next group is prepared before this one lands, so that the workers decode its files
    // while this one is appended, instead of idling at every group's end.
    const ahead = groups();
    let next = await ahead.next();
    while (next.done !== true) {
      const group = next.value;
      next = await ahead.next();
      outcomes.push(...(await landGroup(connection, group, landOptions)));
    }
  } catch (error) {
    // A bug: the group it was in is rolled back; the run says how far it got, then stops.
    await finishRun(connection, runId, outcomes, 'crashed').catch(() => undefined);
    throw error;
  } finally {
    await pool?.close();
    options.progress.finish();
  }
  await finishRun(connection, runId, outcomes, 'finished');
  await connection.run('CHECKPOINT');
  return outcomes;
}
