/**
 * Which logical file a file is a version of (raw.ingested_files.logical_key): a file replaces an
 * earlier one only when both have the same key. TAP, RAP and NRTRDE say it in their header: kind
 * (for RAP, return batch or acknowledgement), sender, recipient, sequence number, and test or
 * commercial data. A tabular export says nothing
 * of itself, so its path does: the path from the folder named on the command line, that folder's
 * name included (`roam ingest siteA siteB`: siteA/xdr-2026-10.csv and siteB/xdr-2026-10.csv are two
 * files); a file named directly counts as in its own folder (siteA/xdr-2026-10.csv again).
 */
import path from 'node:path';
import type { LoadResult } from './load-result.ts';

/** The header key of a TAP, RAP or NRTRDE file; null when the header lacks a part of it. */
export function codecKey(kind: string, result: LoadResult): string | null {
  const { sender, recipient, sequence, testData, fileKind } = result;
  if (sender === null || recipient === null || sequence === null) return null;
  const data = testData === null ? '' : testData ? ':test' : ':commercial';
  return `${fileKind ?? kind}:${sender}>${recipient}:${sequence}${data}`;
}

/** The path key of a tabular file, from the folder its key starts at (see `keyFolders`). */
export function pathKey(file: string, folder: string): string {
  return `path:${path.relative(path.dirname(folder), file).split(path.sep).join('/')}`;
}

/**
 * For each input file, the folder its path key starts at: the first input on the command line that
 * holds it, or (for a file named directly, or one no input holds) the file's own folder.
 */
export function keyFolders(
  inputs: readonly string[],
  files: readonly string[],
): Map<string, string> {
  const roots = inputs.map((input) => path.resolve(input));
  const folders = new Map<string, string>();
  for (const file of files) {
    const root = roots.find((r) => file.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
    folders.set(file, root ?? path.dirname(file));
  }
  return folders;
}

/** The inputs that hold none of the files (empty folders). */
export function emptyInputs(inputs: readonly string[], files: readonly string[]): string[] {
  return inputs.filter((input) => {
    const root = path.resolve(input);
    const inside = root.endsWith(path.sep) ? root : root + path.sep;
    return !files.some((file) => file === root || file.startsWith(inside));
  });
}
