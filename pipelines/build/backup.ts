/**
 * A build either completes or leaves the warehouse and SQLMesh's state as they were: both files are
 * copied aside first and put back if SQLMesh fails (a failed audit during a prod restatement would
 * otherwise leave bad rows behind).
 */
import { existsSync } from 'node:fs';
import { copyFile, rename, rm } from 'node:fs/promises';

export interface Backup {
  restore(): Promise<void>;
  discard(): Promise<void>;
}

export async function backupFiles(files: readonly string[]): Promise<Backup> {
  const saved: Array<{ file: string; copy: string | undefined }> = [];
  for (const file of files) {
    if (existsSync(file)) {
      const copy = `${file}.roam-backup`;
      await copyFile(file, copy);
      saved.push({ file, copy });
    } else saved.push({ file, copy: undefined });
  }
  return {
    async restore() {
      for (const { file, copy } of saved) {
        if (copy === undefined) await rm(file, { force: true });
        else await rename(copy, file);
      }
    },
    async discard() {
      for (const { copy } of saved) if (copy !== undefined) await rm(copy, { force: true });
    },
  };
}
