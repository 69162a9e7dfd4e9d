/**
 * Ingest: files in, raw.* rows out. Each file lands completely or not at all (see land-group.ts);
 * a bad file is quarantined and the rest still load; a bug stops the run (the groups before it
 * stay committed). The same content twice is skipped; a new version of the same logical file
 * (logical-key.ts) replaces its earlier rows.
 */
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { DecodeError, isInputError, LoadError } from '../lib/errors.ts';
import { createTableSql } from '../lib/raw-table.ts';
import { addMissingColumns } from './raw-columns-migration.ts';
import { sqlString, withWarehouse } from '../lib/warehouse.ts';
import { appendBatches } from './append-batches.ts';
import { codecSources, type BerKind } from './codec-sources.ts';
import { DecodePool, defaultWorkerCount } from './decode-pool.ts';
import { berKindOf, formatOf, readHead, whyNotBer, type InputKind } from './detect.ts';
import { sha256File } from './files.ts';
import {
  groupIsFull,
  landGroup,
  type LandOptions,
  type Plan,
  type PreparedFile,
} from './land-group.ts';
import type { Loader } from './load-result.ts';
import { keyFolders } from './logical-key.ts';
import { rawTables } from './raw-tables.ts';
import { migrateRegistry } from './registry-migration.ts';
import { loadedWhere, type FileOutcome } from './registry-store.ts';
import { finishRun, startRun } from './runs-store.ts';
import { defaultBatchSize } from './row-batches.ts';
import { sourceForColumns, tabularSources } from './sources.ts';
import { columnNames, tabularLoader, type TabularFormat } from './tabular.ts';

export type { FileOutcome } from './registry-store.ts';

/** WAL size at which DuckDB checkpoints during an ingest; the ingest checkpoints once at its end. */
const checkpointThreshold = '1GB';

/**
 * Codec files at least this large are decoded ahead in worker threads while this one appends;
 * smaller ones (most NRTRDE and RAP files) are decoded here, when they are landed.
 */
const workerThreshold = 64 * 1024;

/** The pool that decodes a codec file of this size, if any. */
const poolFor = (pool: DecodePool | undefined, size: number) =>
  size >= workerThreshold ? pool : undefined;

function codecLoader(kind: BerKind, size: number, pool: DecodePool | undefined): Loader {
  const source = codecSources[kind];
  return (_connection, file, fileId, writers) => {
    const batches =
      poolFor(pool, size)?.batches(kind, file) ?? source.batches(file, defaultBatchSize);
    return appendBatches(writers, source.tables, batches, fileId);
  };
}

export interface IngestOptions extends Omit<LandOptions, 'runId'> {
  kind: InputKind | undefined;
  /** Worker threads that decode large codec files ahead; 0: all in this thread (default: cores). */
  workers?: number;
  /** The files and folders given (logical keys of tabular files start at them; see logical-key.ts). */
  inputs?: readonly string[];
}

/** The raw tables, created where missing, and the settings every ingest writes with. */
export async function prepareWarehouse(connection: DuckDBConnection): Promise<void> {
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

const unknownKind = (file: string, why: string) =>
  new LoadError(`${file}: ${why} at byte 0`, file, {
    fix: 'pass --kind if the file is one roam knows (roam ingest --help)',
  });

/** Decides kind, format and loader from the file's content (or --kind). */
async function planFor(
  connection: DuckDBConnection,
  file: string,
  size: number,
  forced: InputKind | undefined,
  pool: DecodePool | undefined,
): Promise<Plan> {
  const head = await readHead(file);
  const format = formatOf(head);
  if (format === undefined) {
    if (head.length === 0) throw unknownKind(file, 'empty file');
    const why = whyNotBer(head, size);
    if (why === undefined) throw unknownKind(file, 'unknown file kind');
    throw new DecodeError(why.message, file, why.offset, why.tagPath);
  }
  if (format === 'ber') {
    const kind = berKindOf(head);
    if (kind === undefined) throw unknownKind(file, 'unknown file kind');
    if (forced !== undefined && forced !== kind)
      throw unknownKind(file, `a ${kind.toUpperCase()} file, not ${forced}`);
    return { kind, format, loader: codecLoader(kind, size, pool) };
  }
  const tabular: TabularFormat = format;
  const names = await columnNames(connection, file, tabular).catch((error: unknown) => {
    if (error instanceof LoadError) throw error;
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

/**
 * Reads what a file is (size, content hash, kind) before its group's transaction, and queues a
 * large codec file for decoding ahead unless it was loaded before this run (same name, same
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
    const plan = await planFor(connection, file, size, options.kind, pool);
    if (plan.format === 'ber' && (options.force || !loadedBefore.has(fileId)))
      poolFor(pool, size)?.enqueue(plan.kind as BerKind, file);
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
  await prepareWarehouse(connection);
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
    for (const file of files) {
      group.push(await prepare(connection, file, options, pool, loadedBefore, folders.get(file)));
      if (groupIsFull(group)) {
        yield group;
        group = [];
      }
    }
    if (group.length > 0) yield group;
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
