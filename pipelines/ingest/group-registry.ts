/**
 * The file registry as a commit group sees it: the loaded files with the group's contents (read
 * in one query when the group opens: the same content is skipped), and what the group has done
 * since. When its files have landed, `settle` finds the earlier versions of the same logical files
 * (one query: header keys are known only once a file is decoded) and of the reference snapshots,
 * deletes their rows, and writes the group's registry rows, inside the group's transaction: a
 * statement per file cost more than decoding a small file.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { RawTable } from '../columns/raw-table.ts';
import { sqlString } from '../lib/warehouse.ts';
import {
  forgetLoaded,
  loadedWhere,
  markReplaced,
  recordQuarantined,
  register,
  type FileOutcome,
  type LoadedFile,
  type Quarantined,
  type Registration,
} from './registry-store.ts';

/** A version that is live (loaded, not replaced): loaded before the group, or by it. */
interface Live {
  loaded: LoadedFile;
  /** Its registration when the group loaded it. */
  registration?: Registration;
}

export interface GroupSettings {
  /** The kinds whose latest file replaces every earlier one (reference data). */
  snapshotKinds: ReadonlySet<string>;
  /** The tables a replaced file's rows are deleted from. */
  dataTables: readonly RawTable[];
  /** The ingest run the registry rows belong to, if any. */
  runId: number | null;
}

export class GroupRegistry {
  private readonly registrations: Registration[] = [];
  private readonly quarantined: Quarantined[] = [];

  private readonly snapshotKinds: ReadonlySet<string>;
  private readonly dataTables: readonly RawTable[];
  private readonly runId: number | null;

  private constructor(
    private readonly loaded: LoadedFile[],
    settings: GroupSettings,
  ) {
    ({
      snapshotKinds: this.snapshotKinds,
      dataTables: this.dataTables,
      runId: this.runId,
    } = settings);
  }

  /** The registry for a group of files (by content hash). */
  static async open(
    connection: DuckDBConnection,
    files: ReadonlyArray<{ fileId: string }>,
    settings: GroupSettings,
  ): Promise<GroupRegistry> {
    const ids = files.map((f) => f.fileId);
    return new GroupRegistry(await loadedWhere(connection, { ids }), settings);
  }

  /** Whether this content is loaded (under any name), before the group or by it. */
  isLoaded(fileId: string): boolean {
    return (
      this.loaded.some((f) => f.fileId === fileId) ||
      this.registrations.some((r) => r.outcome.fileId === fileId)
    );
  }

  /**
   * Forgets the loaded version of this content, which is loaded again (--force): its rows must be
   * deleted (flushed first) by the caller, its registry row goes here.
   */
  async forget(connection: DuckDBConnection, fileId: string): Promise<void> {
    for (let i = this.registrations.length - 1; i >= 0; i--)
      if (this.registrations[i]?.outcome.fileId === fileId) this.registrations.splice(i, 1);
    for (let i = this.loaded.length - 1; i >= 0; i--)
      if (this.loaded[i]?.fileId === fileId) this.loaded.splice(i, 1);
    await forgetLoaded(connection, fileId);
  }

  /** Records a file loaded by the group. */
  addLoaded(outcome: FileOutcome, seconds: number): void {
    this.registrations.push({ outcome, seconds });
  }

  /** Records a file the group quarantined. */
  addQuarantined(outcome: FileOutcome, seconds: number): void {
    this.quarantined.push({ outcome, seconds });
  }

  /** Whether `later` is a new version of `earlier`: the same logical file, or a snapshot's kind. */
  private replaces(later: FileOutcome, earlier: LoadedFile): boolean {
    if (later.logicalKey !== null && later.logicalKey === earlier.logicalKey) return true;
    return later.kind !== null && this.snapshotKinds.has(later.kind) && later.kind === earlier.kind;
  }

  /**
   * Replaces the earlier versions of the group's files (their rows deleted, the replacement told
   * to the file that made it), then writes the group's registry rows; inside the transaction,
   * with the group's appenders flushed.
   */
  async settle(connection: DuckDBConnection): Promise<void> {
    const mine = this.registrations.map((r) => r.outcome);
    const keys = mine.flatMap((o) => (o.logicalKey === null ? [] : [o.logicalKey]));
    const kinds = mine.flatMap((o) =>
      o.kind !== null && this.snapshotKinds.has(o.kind) ? [o.kind] : [],
    );
    const live: Live[] = (await loadedWhere(connection, { keys, kinds })).map((loaded) => ({
      loaded,
    }));
    const retired: Array<{ fileId: string; by: string }> = [];
    for (const registration of this.registrations) {
      const { outcome } = registration;
      for (let i = live.length - 1; i >= 0; i--) {
        const earlier = live[i] as Live;
        if (!this.replaces(outcome, earlier.loaded)) continue;
        live.splice(i, 1);
        const { file, fileId, rows } = earlier.loaded;
        outcome.replaced.unshift({ file, fileId, rows });
        if (earlier.registration === undefined) retired.push({ fileId, by: outcome.fileId });
        else earlier.registration.replacedBy = outcome.fileId;
        // Its rows, flushed from the appenders or committed before, go now.
      }
      const loaded = {
        fileId: outcome.fileId,
        file: outcome.file,
        name: '',
        kind: outcome.kind ?? '',
        logicalKey: outcome.logicalKey,
        rows: outcome.rows,
      };
      live.push({ loaded, registration });
    }
    const gone = [
      ...retired.map((r) => r.fileId),
      ...this.registrations.filter((r) => r.replacedBy !== undefined).map((r) => r.outcome.fileId),
    ];
    if (gone.length > 0) {
      const ids = gone.map(sqlString).join(', ');
      for (const table of this.dataTables)
        await connection.run(`DELETE FROM ${table.name} WHERE file_id IN (${ids})`);
    }
    await markReplaced(connection, retired);
    await register(connection, this.registrations, this.runId);
    await recordQuarantined(connection, this.quarantined, this.runId);
    this.registrations.length = 0;
    this.quarantined.length = 0;
  }
}
