/**
 * kill -9 campaign (not a test): `npx tsx bench/kill9.ts [--kills 10] [--seed 1] [--data DIR]…`.
 * Ingests the files once cleanly (the reference), then ingests them into another warehouse K
 * times, each killed with SIGKILL at a seeded random point (a run that ends first is started
 * again from an empty warehouse); after each kill checks that the
 * warehouse opens and holds every file completely or not at all; then runs the ingest to its end
 * and compares every raw data table with the clean run's (EXCEPT ALL both ways) and the loaded
 * files. Default data: data/reference and data/samples.
 */
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Rng } from '../pipelines/generate/prng.ts';
import { referenceDir, samplesDir } from '../pipelines/lib/paths.ts';
import { checkAfterKill, compareWarehouses, identical } from './kill9/compare.ts';
import { ingestRun } from './kill9/ingest.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    data: { type: 'string', multiple: true },
  },
});
const paths = values.data ?? [referenceDir, samplesDir];
const work = path.join(here, '.work', 'kill9');
const clean = path.join(work, 'clean.duckdb');
const killed = path.join(work, 'killed.duckdb');

function fresh(file: string): void {
  for (const f of [file, `${file}.wal`]) rmSync(f, { force: true });
}

async function main(): Promise<void> {
  fresh(clean);
  fresh(killed);
  const rng = new Rng(Number(values.seed));
  const reference = await ingestRun(paths, clean);
  if (reference.exitCode !== 0) throw new Error(`the clean ingest failed: ${reference.stderr}`);
  const total = (await checkAfterKill(clean, clean)).loaded;
  // What a run costs before it lands anything (start, listing, hashing, skipping): a run over a
  // copy of the clean warehouse, where every file is loaded already.
  const noop = path.join(work, 'noop.duckdb');
  fresh(noop);
  copyFileSync(clean, noop);
  if (existsSync(`${clean}.wal`)) copyFileSync(`${clean}.wal`, `${noop}.wal`);
  const startup = (await ingestRun(paths, noop)).ms;
  console.log(
    `## kill -9: ${paths.join(' ')}, clean ingest ${(reference.ms / 1000).toFixed(1)} s (${(startup / 1000).toFixed(1)} s of it without landing), ${total} files; ${values.kills} kills, seed ${values.seed}`,
  );
  console.log('kill  at (ms)   outcome           opens  loaded  partial files');
  let violations = 0;
  let loaded = 0;
  for (let k = 1; k <= Number(values.kills); k++) {
    // A point in what is left of a run: its start, then the share of files not loaded yet.
    const left = startup + Math.max(0, reference.ms - startup) * (1 - loaded / total);
    const at = Math.round(rng.float() * left);
    const run = await ingestRun(paths, killed, at);
    let opens = 'yes';
    let partial = '-';
    try {
      const check = await checkAfterKill(killed, clean);
      loaded = check.loaded;
      const wrong = Object.entries(check.partial);
      partial = wrong.length === 0 ? '0' : wrong.map(([t, n]) => `${t}:${n}`).join(' ');
      if (wrong.length > 0) violations++;
    } catch (error) {
      opens = `NO (${(error as Error).message.split('\n')[0]})`;
      violations++;
    }
    let outcome = run.killed ? 'killed' : `exit ${run.exitCode}`;
    if (!run.killed && loaded === total && k < Number(values.kills)) {
      // It ended before the kill: start again from an empty warehouse, so that every kill counts.
      fresh(killed);
      loaded = 0;
      outcome += ', anew';
    }
    console.log(
      `${String(k).padStart(4)}  ${String(at).padStart(7)}   ${outcome.padEnd(16)}  ${opens.padEnd(5)}  ${String(loaded).padStart(6)}  ${partial}`,
    );
  }
  const last = await ingestRun(paths, killed);
  console.log(`last run: exit ${last.exitCode} in ${(last.ms / 1000).toFixed(1)} s`);
  const comparison = await compareWarehouses(killed, clean);
  console.log('table                        rows    only here  only in clean');
  for (const [name, t] of Object.entries(comparison.tables))
    console.log(
      `${name.padEnd(26)} ${String(t.rows).padStart(7)}  ${String(t.onlyGot).padStart(10)}  ${String(t.onlyClean).padStart(13)}`,
    );
  const l = comparison.loaded;
  console.log(
    `loaded files: ${l.got} here, ${l.clean} in clean; ${l.onlyGot} only here, ${l.onlyClean} only in clean`,
  );
  const same = identical(comparison);
  console.log(
    `${violations} kill(s) left a warehouse that did not open or held part of a file; final warehouse ${same ? 'identical to' : 'DIFFERENT from'} the clean run's`,
  );
  if (violations > 0 || !same || last.exitCode !== 0) process.exitCode = 1;
}

await main();
