/**
 * Commit groups: consecutive input files land in one transaction, so that the fixed costs of a
 * DuckDB commit (WAL sync) and of an appender flush (~2 ms per table whatever its rows) are paid
 * once per group instead of once per file (a month of TAP comes as hundreds of small files).
 * A file's rows still appear completely or not at all: when a file turns out to be bad once it has
 * started writing, the whole group is rolled back and its files land again one by one, each in its
 * own transaction, where the bad one is quarantined and the others load. Anything other than bad
 * input (a bug) rolls the group back and is thrown: the groups before it stay committed.
 */
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { isInputError } from '../lib/errors.ts';
import type { Progress } from '../lib/progress.ts';
import { sqlString } from '../lib/warehouse.ts';
import { TableWriters } from '../columns/table-writers.ts';
import type { Source } from '../sources/source.ts';
import { GroupRegistry } from './group-registry.ts';
import { totalRows, type Loader } from './load-result.ts';
import { codecKey, pathKey } from './logical-key.ts';
import { quarantine } from './quarantine.ts';
import { referenceData } from './reference-data.ts';
import { dataTablesOf, snapshotKindsOf } from './raw-tables.ts';
import { recordQuarantined, type FileOutcome } from './registry-store.ts';

/** How a file is read: its source, format (raw.ingested_files.format) and loader. */
export interface Plan {
  source: Source;
  format: string;
  loader: Loader;
}

/** A file looked at before its group's transaction: its plan, or why it has none. */
export interface PreparedFile {
  file: string;
  size: number;
  fileId: string;
  /** Seconds spent looking at it (the registry's timing adds the time spent landing it). */
  prepareSeconds: number;
  /** How to read it, or (undefined) why it cannot be read: `unreadable`, an input error. */
  plan: Plan | undefined;
  unreadable?: unknown;
  /** The folder a tabular file's logical key starts at (logical-key.ts); default its own. */
  keyFolder?: string;
}

export interface LandOptions {
  force: boolean;
  quarantineDir: string;
  /** Told of each file as it lands (and of the ones taken back when a group rolls back). */
  progress: Progress;
  /** The ingest run the registry rows belong to (raw.ingest_runs), if any. */
  runId?: number;
  /** Test hook: called inside the transaction after a file's rows are written. */
  afterLoad?: (file: string) => Promise<void>;
  /** The sources files may be of (default: the registry, sources/index.ts). */
  sources?: readonly Source[];
}

/** A group closes at this many files or input bytes (whichever comes first). */
export const groupLimits = { files: 64, bytes: 32 * 1024 * 1024 };

/**
 * A file whose source checks it against the reference data (`admit`) lands in a group of its own,
 * after the run's other files have committed (run.ts): it is checked against the reference data
 * of the whole run, settled (earlier snapshots gone), whatever the order of the files.
 */
export const landsAlone = (prepared: PreparedFile): boolean =>
  prepared.plan?.source.admit !== undefined;

export function groupIsFull(group: readonly PreparedFile[]): boolean {
  const bytes = group.reduce((sum, f) => sum + f.size, 0);
  return group.length >= groupLimits.files || bytes >= groupLimits.bytes;
}

const reasonOf = (error: unknown) =>
  error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error);

function outcomeOf(prepared: PreparedFile): FileOutcome {
  return {
    file: prepared.file,
    fileId: prepared.fileId,
    kind: prepared.plan?.source.kind ?? null,
    format: prepared.plan?.format ?? null,
    status: 'loaded',
    rows: 0,
    reason: null,
    sizeBytes: prepared.size,
    logicalKey: null,
    replaced: [],
    fatalFindings: 0,
  };
}

/** The file's own time: preparing it, and landing it since `since` (not its group's other files). */
const seconds = (prepared: PreparedFile, since: number) =>
  prepared.prepareSeconds + (performance.now() - since) / 1000;

/** Quarantines a file (bad input); its record goes to `registry`, or straight to the table. */
async function quarantined(
  connection: DuckDBConnection,
  prepared: PreparedFile,
  since: number,
  error: unknown,
  options: LandOptions,
  registry?: GroupRegistry,
): Promise<FileOutcome> {
  const reason = reasonOf(error);
  await quarantine(prepared.file, options.quarantineDir, reason);
  const failed = { ...outcomeOf(prepared), status: 'quarantined' as const, reason };
  if (registry === undefined)
    await recordQuarantined(
      connection,
      [{ outcome: failed, seconds: seconds(prepared, since) }],
      options.runId ?? null,
    );
  else registry.addQuarantined(failed, seconds(prepared, since));
  return failed;
}

/**
 * One file, inside the group's transaction. A file that cannot be read is quarantined here (it
 * wrote nothing); any other failure is thrown, and the group is rolled back.
 */
async function landOne(
  connection: DuckDBConnection,
  writers: TableWriters,
  registry: GroupRegistry,
  prepared: PreparedFile,
  options: LandOptions,
): Promise<FileOutcome> {
  const since = performance.now();
  const { file, fileId, plan } = prepared;
  // The same content is skipped whatever its name (the earlier versions it replaces are found
  // when the group settles).
  const sameContent = registry.isLoaded(fileId);
  if (sameContent && !options.force) {
    return {
      ...outcomeOf(prepared),
      kind: null,
      format: null,
      status: 'skipped-duplicate' as const,
      reason: 'same content already loaded',
    };
  }
  if (plan === undefined)
    return quarantined(connection, prepared, since, prepared.unreadable, options, registry);
  if (sameContent) {
    // Loaded again (--force): the same version, its rows (maybe still in an appender) deleted.
    writers.close();
    for (const table of dataTablesOf(options.sources))
      await connection.run(`DELETE FROM ${table.name} WHERE file_id = ${sqlString(fileId)}`);
    await registry.forget(connection, fileId);
  }
  const result = await plan.loader(connection, file, fileId, writers);
  await plan.source.admit?.(file, result, referenceData(connection, options.sources));
  await options.afterLoad?.(file);
  // A decoded file says which logical file it is a version of; a tabular one, its path.
  const logicalKey =
    'decode' in plan.source.read
      ? codecKey(plan.source.kind, result)
      : pathKey(file, prepared.keyFolder ?? path.dirname(file));
  const loaded = {
    ...outcomeOf(prepared),
    rows: totalRows(result),
    logicalKey,
    fatalFindings: result.fatalFindings,
    result,
  };
  registry.addLoaded(loaded, seconds(prepared, since));
  return loaded;
}

/**
 * Lands a group of files in one transaction and returns what became of each, in order. When a
 * file is bad, rolls back and lands each file alone; a file that fails alone is quarantined.
 * Anything else rolls back and is thrown.
 */
export async function landGroup(
  connection: DuckDBConnection,
  group: readonly PreparedFile[],
  options: LandOptions,
): Promise<FileOutcome[]> {
  const since = performance.now();
  const writers = new TableWriters(connection);
  const landed: FileOutcome[] = [];
  await connection.run('BEGIN TRANSACTION');
  try {
    const registry = await GroupRegistry.open(connection, group, {
      snapshotKinds: snapshotKindsOf(options.sources),
      dataTables: dataTablesOf(options.sources),
      runId: options.runId ?? null,
    });
    for (const prepared of group) {
      const outcome = await landOne(connection, writers, registry, prepared, options);
      options.progress.fileDone(outcome.rows, outcome.sizeBytes);
      landed.push(outcome);
    }
    writers.close();
    await registry.settle(connection);
    await connection.run('COMMIT');
    return landed;
  } catch (error) {
    writers.discard();
    for (const outcome of landed) options.progress.takeBack(outcome.rows, outcome.sizeBytes);
    if (!isInputError(error)) {
      // A bug: this group is rolled back (if the connection still can), and the run stops.
      await connection.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
    await connection.run('ROLLBACK');
    if (group.length > 1) {
      const outcomes: FileOutcome[] = [];
      for (const prepared of group)
        outcomes.push(...(await landGroup(connection, [prepared], options)));
      return outcomes;
    }
    const [only] = group as [PreparedFile];
    const failed = await quarantined(connection, only, since, error, options);
    options.progress.fileDone(failed.rows, failed.sizeBytes);
    return [failed];
  }
}
