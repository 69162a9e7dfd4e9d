/** A file that cannot be loaded is copied aside with a `.reason` file naming what went wrong. */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function quarantine(
  file: string,
  quarantineDir: string,
  reason: string,
): Promise<string> {
  await mkdir(quarantineDir, { recursive: true });
  const target = path.join(quarantineDir, path.basename(file));
  await copyFile(file, target);
  await writeFile(`${target}.reason`, `${file}\n${reason}\n`);
  return target;
}
