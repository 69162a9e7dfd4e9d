/** Finding input files and fingerprinting them. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../lib/errors.ts';
import { nonRegularKind, notRegularFile, refusalLine } from '../lib/regular-file.ts';

/** Files in a folder that are about the data, not data: dot files, READMEs, a generator manifest. */
const skipped = (name: string) =>
  name.startsWith('.') || name.endsWith('.md') || name === 'manifest.json';

/** An input that is not a regular file, and what it is instead. */
export interface RefusedInput {
  path: string;
  why: string;
}

export interface InputFiles {
  /** Regular files (and links to them), resolved and sorted. */
  files: string[];
  /** Devices, FIFOs, sockets, dangling links and links to folders, which are not read. */
  refused: RefusedInput[];
}

/** A folder's files, recursively; links to regular files are followed, anything else refused. */
async function scanFolder(folder: string, out: InputFiles): Promise<void> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (entry.isDirectory() || skipped(entry.name)) continue;
    const file = path.resolve(entry.parentPath, entry.name);
    if (entry.isFile()) out.files.push(file);
    else if (entry.isSymbolicLink()) {
      const why = await notRegularFile(file);
      if (why === undefined) out.files.push(file);
      else
        out.refused.push({
          path: file,
          why: why === 'a folder' ? 'a link to a folder (name the folder itself instead)' : why,
        });
    } else {
      out.refused.push({ path: file, why: nonRegularKind(await stat(file)) });
    }
  }
}

/**
 * Expands files and folders (recursively) into a sorted list of regular files; hidden files are
 * skipped, and what is not a regular file is listed as refused. A missing input is a usage error.
 */
export async function scanInputs(inputs: readonly string[]): Promise<InputFiles> {
  const out: InputFiles = { files: [], refused: [] };
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (info === undefined) {
      const why = await notRegularFile(input);
      const message =
        why === 'no such file' ? `no such file or folder: ${input}` : `${input}: ${why}`;
      throw new UsageError(message, { fix: 'check the path' });
    }
    if (info.isFile()) out.files.push(path.resolve(input));
    else if (info.isDirectory()) await scanFolder(input, out);
    else out.refused.push({ path: path.resolve(input), why: nonRegularKind(info) });
  }
  return { files: [...new Set(out.files)].sort(), refused: out.refused };
}

/** The regular files of `inputs` (see scanInputs); anything else given or found is a usage error. */
export async function listInputFiles(inputs: readonly string[]): Promise<string[]> {
  const { files, refused } = await scanInputs(inputs);
  const [first] = refused;
  if (first !== undefined) {
    throw new UsageError(refusalLine(first.path, first.why), {
      fix: 'give regular files or folders of them',
    });
  }
  return files;
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
