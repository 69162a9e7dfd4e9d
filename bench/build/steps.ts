/** The measured steps of bench/build.ts: each a fresh child process, timed, its peak RSS read. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const roam = path.join(root, 'bin', 'roam.js');
const timeBin = '/usr/bin/time';

export interface Step {
  label: string;
  seconds: number;
  /** Peak RSS of the process tree's largest process (GNU time), 0 when unknown. */
  maxRssMb: number;
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `command args` with GNU time (when present), failing on a non-zero exit unless `allow`. */
export function measure(
  label: string,
  command: string,
  args: string[],
  env: Record<string, string> = {},
  allow: readonly number[] = [0],
): Step {
  const timed = existsSync(timeBin);
  const started = performance.now();
  const result = spawnSync(timed ? timeBin : command, timed ? ['-v', command, ...args] : args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, ...env },
  });
  const seconds = (performance.now() - started) / 1000;
  const status = result.status ?? -1;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  if (!allow.includes(status))
    throw new Error(`${label} failed (exit ${status}):\n${result.stderr.slice(-4000)}`);
  return {
    label,
    seconds,
    maxRssMb: rss === null ? 0 : Number(rss[1]) / 1024,
    status,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

/** `node bin/roam.js …` as a measured step. */
export const roamStep = (
  label: string,
  args: string[],
  env: Record<string, string> = {},
  allow: readonly number[] = [0],
) => measure(label, process.execPath, [roam, ...args], env, allow);

export function bytesUnder(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    const s = statSync(file);
    total += s.isDirectory() ? bytesUnder(file) : s.size;
  }
  return total;
}

/** The size of a DuckDB file with its WAL. */
export const duckdbBytes = (file: string) =>
  [file, `${file}.wal`].reduce((sum, f) => sum + (existsSync(f) ? statSync(f).size : 0), 0);
