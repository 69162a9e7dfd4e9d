#!/usr/bin/env node
// Compiles roam's TypeScript (pipelines/, reports/) to JavaScript in dist/, which bin/roam.js
// runs: no TypeScript loader at run time. `tsc -p tsconfig.build.json` transpiles only (type
// checking is `npm run typecheck`); the other files beside the sources (schema JSON, templates,
// queries, the Python helper) are linked into dist/ where the compiled code looks for them.
//
// `ensureBuilt()` builds only when a source (or the build's own configuration) is newer than the
// last build, and says so; `node pipelines/setup/build.mjs` (npm run build) always builds.
// Plain JavaScript with no dependencies but TypeScript itself.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist');
const stamp = path.join(dist, '.built');
const lock = path.join(root, 'dist.lock');
/** What is compiled, and what decides how. */
const inputs = ['pipelines', 'reports', 'tsconfig.json', 'tsconfig.build.json'];

/** The newest modification time of `entry` and, for a folder, of everything in it but tests. */
function newest(entry) {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let time = stat.mtimeMs;
  for (const name of readdirSync(entry))
    if (!name.endsWith('.test.ts')) time = Math.max(time, newest(path.join(entry, name)));
  return time;
}

/** Whether dist/ is missing or older than a source (a folder's time covers deleted files). */
export function isStale() {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return inputs.some((input) => newest(path.join(root, input)) > built);
}

/** Links every file beside the sources that is not code into dist/, at the same place. */
function linkAssets(dir) {
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) linkAssets(relative);
    else if (!/\.(ts|mjs|js)$/.test(entry.name)) {
      const target = path.join(dist, relative);
      mkdirSync(path.dirname(target), { recursive: true });
      symlinkSync(path.relative(path.dirname(target), path.join(root, relative)), target);
    }
  }
}

/** Compiles everything anew into dist/ (removed first, so that no deleted source lingers). */
export function build() {
  const started = new Date();
  rmSync(dist, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.error !== undefined) throw result.error;
  if (result.status !== 0) throw new Error(`tsc -p tsconfig.build.json exited ${result.status}`);
  linkAssets('pipelines');
  linkAssets('reports');
  // Stamped with the time the build started: a source saved while it ran is newer.
  writeFileSync(stamp, '');
  utimesSync(stamp, started, started);
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Builds dist/ when it is stale, one process at a time (others wait for it); `say` tells why.
 * A lock left by a build that died more than two minutes ago is taken over.
 */
export function ensureBuilt(say = (message) => process.stderr.write(`roam: ${message}\n`)) {
  if (!isStale()) return false;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 120_000)
        rmSync(lock, { recursive: true, force: true });
      else sleep(100);
    }
  }
  try {
    if (!isStale()) return false;
    say(
      existsSync(stamp)
        ? 'the TypeScript sources changed since the last build: compiling them to dist/…'
        : 'compiling the TypeScript sources to dist/…',
    );
    build();
    return true;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) build();
