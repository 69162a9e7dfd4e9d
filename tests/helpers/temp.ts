import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { projectRoot } from '../../pipelines/lib/paths.ts';

/** A fresh folder for one test file's warehouse and outputs. */
export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `roam-${prefix}-`));
}

/** sha256 of a file, or 'absent'. */
export function fingerprint(file: string): string {
  return existsSync(file)
    ? createHash('sha256').update(readFileSync(file)).digest('hex')
    : 'absent';
}

/**
 * Runs the real CLI as a user would, never throwing; returns exit code and output. It runs the
 * compiled JavaScript (dist/), which vitest's global setup (pipelines/setup/vitest-build.mjs) and
 * bin/roam.js itself build again whenever a TypeScript source is newer: never a stale build.
 */
export async function roam(args: string[], env: Record<string, string> = {}) {
  const result = await execa('node', [path.join(projectRoot, 'bin', 'roam.js'), ...args], {
    reject: false,
    stdin: 'ignore',
    env: { ...env, CI: 'true' },
  });
  return { code: result.exitCode, stdout: result.stdout, stderr: result.stderr };
}
