/**
 * The file registry as a commit group sees it: what was loaded before the group (read in one
 * query) and what the group has done since. Its rows are written in one statement before the
 * group commits: a statement per file cost more than decoding a small file.
 */
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  loadedIdsOfKind,
  loadedMatching,
  markReplaced,
  register,
  type FileOutcome,
  type LoadedFile,
  type Registration,
} from './registry-store.ts';

export class GroupRegistry {
  private readonly pending: Registration[] = [];

  private constructor(private readonly loaded: LoadedFile[]) {}

  /** The registry for a group of files (by content hash and path). */
  static async open(
    connection: DuckDBConnection,
    files: ReadonlyArray<{ fileId: string; file: string }>,
  ): Promise<GroupRegistry> {
    const ids = [...new Set(files.map((f) => f.fileId))];
    const names = [...new Set(files.map((f) => path.basename(f.file)))];
    return new GroupRegistry(await loadedMatching(connection, ids, names));
  }

  /** Whether this content is loaded (under any name), and the loaded file of this name. */
  lookUp(fileId: string, name: string): { sameContent: boolean; previous: string | undefined } {
    return {
      sameContent: this.loaded.some((f) => f.fileId === fileId),
      previous: this.loaded.find((f) => f.name === name)?.fileId,
    };
  }

  /** The loaded files of a kind (reference snapshots replace them all). */
  async idsOfKind(connection: DuckDBConnection, kind: string): Promise<string[]> {
    const ours = this.loaded.filter((f) => f.kind === kind).map((f) => f.fileId);
    return [...new Set([...(await loadedIdsOfKind(connection, kind)), ...ours])];
  }

  /** A loaded file is replaced by a new version: in the group's rows, or in the table. */
  async replace(connection: DuckDBConnection, fileId: string): Promise<void> {
    for (let i = this.loaded.length - 1; i >= 0; i--)
      if (this.loaded[i]?.fileId === fileId) this.loaded.splice(i, 1);
    let pending = false;
    for (const r of this.pending)
      if (r.outcome.fileId === fileId && r.outcome.status === 'loaded') {
        r.outcome = { ...r.outcome, status: 'replaced' };
        pending = true;
      }
    if (!pending) await markReplaced(connection, fileId);
  }

  /** Records what became of a file (written by `write`). */
  add(outcome: FileOutcome, seconds: number): void {
    this.pending.push({ outcome, seconds });
    if (outcome.status === 'loaded')
      this.loaded.push({
        fileId: outcome.fileId,
        name: path.basename(outcome.file),
        kind: outcome.kind ?? '',
      });
  }

  /** Writes the group's registry rows, inside its transaction. */
  async write(connection: DuckDBConnection): Promise<void> {
    await register(connection, this.pending);
    this.pending.length = 0;
  }
}
