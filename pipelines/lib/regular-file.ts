/**
 * Inputs are regular files: a device, a FIFO or a socket (or a link to one) would be read forever
 * or block, so it is refused with a line saying what it is. Links to regular files are followed.
 */
import type { Stats } from 'node:fs';
import { lstat, stat } from 'node:fs/promises';

/** What a path that is not a regular file or a folder is, in words. */
export function nonRegularKind(info: Stats): string {
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Why `file` cannot be read as an input file, or undefined when it is a regular file (or a link to one). */
export async function notRegularFile(file: string): Promise<string | undefined> {
  const info = await stat(file).catch(() => undefined);
  if (info === undefined) {
    const link = await lstat(file).catch(() => undefined);
    return link?.isSymbolicLink() === true ? 'a link to nothing' : 'no such file';
  }
  if (info.isFile()) return undefined;
  if (info.isDirectory()) return 'a folder';
  return nonRegularKind(info);
}

/** One line for an input that is not read. */
export const refusalLine = (file: string, why: string) =>
  `${file}: not read: it is ${why}, not a regular file`;
