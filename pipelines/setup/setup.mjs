#!/usr/bin/env node
// roam's own set-up, idempotent: npm packages, the compiled JavaScript the CLI runs (dist/), the
// Python venv for SQLMesh, Debian's Chromium, and (with --for-tests) poppler-utils for the tests.
// With --spark, and with --for-tests unless ROAM_TEST_SPARK=0 (the equivalence test builds on
// Spark), pyspark goes into the same venv from sql/requirements-spark.txt, and Java 17
// (openjdk-17-jre-headless) when missing.
// Each step re-runs only when its input changed (package-lock.json, the TypeScript sources,
// sql/requirements.txt) or its result is missing.
// Plain JavaScript with no dependencies: it runs before `npm ci` (build.mjs is loaded after it).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const forTests = process.argv.includes('--for-tests');
const spark = process.argv.includes('--spark') || (forTests && process.env.ROAM_TEST_SPARK !== '0');
const quiet = process.argv.includes('--quiet');

function say(message) {
  if (!quiet) process.stderr.write(`setup: ${message}\n`);
}

function fail(message) {
  process.stderr.write(`setup: ${message}\n`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    ...options,
  });
  if (result.error) fail(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0)
    fail(`'${command} ${args.join(' ')}' failed with exit code ${result.status}`);
}

function hashOf(file) {
  return createHash('sha256')
    .update(readFileSync(path.join(root, file)))
    .digest('hex');
}

/** Runs `step` unless the stamp file already holds `hash`; then writes the stamp. */
function unlessStamped(stampFile, hash, step) {
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === hash) return false;
  step();
  writeFileSync(stampFile, `${hash}\n`);
  return true;
}

function npmPackages() {
  const stamp = path.join(root, 'node_modules', '.roam-setup-stamp');
  const done = unlessStamped(stamp, hashOf('package-lock.json'), () => {
    say('installing npm packages (npm ci)…');
    run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error']);
  });
  if (!done) say('npm packages up to date');
}

function pythonVenv() {
  const venv = path.join(root, '.venv');
  const python = path.join(venv, 'bin', 'python');
  if (!existsSync(python)) {
    say('creating the Python virtual environment for SQLMesh in .venv…');
    run('python3', ['-m', 'venv', venv]);
  }
  const stamp = path.join(venv, '.roam-requirements-stamp');
  const done = unlessStamped(stamp, hashOf('sql/requirements.txt'), () => {
    say('installing SQLMesh and duckdb into .venv from sql/requirements.txt (pinned, hashed)…');
    run(python, [
      '-m',
      'pip',
      'install',
      '--quiet',
      '--disable-pip-version-check',
      '--require-hashes',
      '-r',
      'sql/requirements.txt',
    ]);
  });
  if (!done) say('Python venv up to date');
  if (spark) sparkRequirements(python, venv);
}

/** pyspark (Spark itself, ~457 MB) into the same venv; only when asked for. */
function sparkRequirements(python, venv) {
  const stamp = path.join(venv, '.roam-spark-requirements-stamp');
  const done = unlessStamped(stamp, hashOf('sql/requirements-spark.txt'), () => {
    say('installing pyspark into .venv from sql/requirements-spark.txt (pinned, hashed; ~457 MB)…');
    run(python, [
      '-m',
      'pip',
      'install',
      '--quiet',
      '--disable-pip-version-check',
      '--require-hashes',
      '-r',
      'sql/requirements-spark.txt',
    ]);
  });
  if (!done) say('pyspark up to date');
}

/** Spark 4 needs Java 17 or later on the PATH. */
function hasJava17() {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const major = /version "(\d+)/.exec(`${result.stderr ?? ''}`)?.[1];
  return result.status === 0 && major !== undefined && Number(major) >= 17;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
let aptUpdated = false;

/** Installs Debian packages whose command is missing; as non-root, prints the command instead. */
function debianPackages(wanted) {
  const missing = wanted.filter(({ command }) => !existsSync(command));
  if (missing.length === 0) return;
  const names = missing.map((p) => p.pkg);
  const command = `apt-get install -y --no-install-recommends ${names.join(' ')}`;
  if (!isRoot) {
    fail(`missing ${names.join(', ')}: run as root: apt-get update && ${command}`);
  }
  say(`installing Debian packages: ${names.join(', ')} (apt-get)…`);
  if (!aptUpdated) {
    run('apt-get', ['update', '-qq']);
    aptUpdated = true;
  }
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/** dist/: compiled when a TypeScript source is newer than it (build.mjs needs TypeScript). */
async function compiled() {
  const { ensureBuilt } = await import('./build.mjs');
  if (!ensureBuilt(say)) say('compiled JavaScript (dist/) up to date');
}

npmPackages();
await compiled();
pythonVenv();
const chromium = process.env.ROAM_CHROMIUM;
debianPackages([
  ...(chromium === undefined ? [{ pkg: 'chromium', command: '/usr/bin/chromium' }] : []),
  { pkg: 'fonts-dejavu-core', command: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf' },
  ...(forTests ? [{ pkg: 'poppler-utils', command: '/usr/bin/pdftotext' }] : []),
  ...(spark && !hasJava17() ? [{ pkg: 'openjdk-17-jre-headless', command: '/usr/bin/java' }] : []),
]);
say('ready');
