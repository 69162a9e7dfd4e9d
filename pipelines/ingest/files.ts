/** Finding input files and fingerprinting them. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../lib/errors.ts';

/** Files in a folder that are about the data, not data: dot files, READMEs, a generator manifest. */
const skipped = (name: string) =>
  name.startsWith('.') || name.endsWith('.md') || name === 'manifest.json';

/** Expands files and folders (recursively) into a sorted list of files; hidden files are skipped. */
export async function listInputFiles(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (info === undefined) {
      throw new UsageError(`no such file or folder: ${input}`, { fix: 'check the path' });
    }
    if (info.isFile()) files.push(path.resolve(input));
    else if (info.isDirectory()) {
      const entries = await readdir(input, { recursive: true, withFileTypes: true });
      for (const entry of entries) {
        if (entry.isFile() && !skipped(entry.name)) {
          files.push(path.resolve(entry.parentPath, entry.name));
        }
      }
    }
  }
  return [...new Set(files)].sort();
}

/** The total size of files in bytes. */
export async function totalBytes(files: readonly string[]): Promise<number> {
  let total = 0;
  for (const file of files) total += (await stat(file)).size;
  return total;
}

/** sha256 of a file's content, streamed. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
