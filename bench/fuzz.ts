/**
 * Fuzz campaign (not a test): `npx tsx bench/fuzz.ts [--mutations 1000000] [--seed 1]
 * [--files PATH]… [--workers 1] [--limit-ms 5000] [--replay INDEX]`.
 * Mutates the sample TAP, RAP and NRTRDE files (bit flips, byte overwrites, truncations,
 * insertions, deletions, changed length octets) and runs each mutation through ingest's decode
 * path in memory: detection, decoding, normalising, validating, column batches. Counts what came
 * out (decoded, not taken for BER, a clean RoamError, a crash, a hang), prints mutations/s and peak
 * RSS, and each crash with the index that `--replay` runs again alone (its bytes written to
 * bench/.work/fuzz/).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { samplesDir } from '../pipelines/lib/paths.ts';
import { loadCorpus, mutationAt, type Finding } from './fuzz/campaign.ts';
import { runCampaign } from './fuzz/driver.ts';
import { decodeOutcome } from './fuzz/outcome.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    mutations: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '1' },
    files: { type: 'string', multiple: true },
    workers: { type: 'string', default: '1' },
    'limit-ms': { type: 'string', default: '5000' },
    replay: { type: 'string' },
  },
});
const seed = Number(values.seed);
const paths = values.files ?? ['tap', 'rap', 'nrtrde'].map((k) => path.join(samplesDir, k));

async function replay(index: number): Promise<void> {
  const m = mutationAt(seed, index, loadCorpus(paths));
  const dir = path.join(here, '.work', 'fuzz');
  mkdirSync(dir, { recursive: true });
  const out = path.join(dir, `seed${seed}-${index}-${m.file}`);
  writeFileSync(out, m.bytes);
  console.log(`mutation ${index} of seed ${seed}: ${m.file} ${m.steps.join(' ')} → ${out}`);
  const outcome = await decodeOutcome(m.file, m.bytes, m.chunk);
  if (outcome.type === 'ok') console.log(`decoded: ${outcome.rows} rows`);
  else if (outcome.type === 'other') console.log('not taken for a TAP, RAP or NRTRDE file');
  else console.log(outcome.type, outcome.error);
}

/** Findings grouped by error and first stack frame: one line per class, with its first index. */
function classes(findings: readonly Finding[]): string[] {
  const byClass = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.kind} ${f.error.replace(/\d+/g, 'N')} ${f.where.split(' < ')[0] ?? ''}`;
    byClass.set(key, [...(byClass.get(key) ?? []), f]);
  }
  return [...byClass.values()].map((list) => {
    const f = list[0]!;
    return `${f.kind} ×${list.length}: ${f.error}\n    at ${f.where}\n    replay: --seed ${seed} --replay ${f.index}  (${f.file} ${f.steps.join(' ')})`;
  });
}

async function main(): Promise<void> {
  if (values.replay !== undefined) return replay(Number(values.replay));
  const mutations = Number(values.mutations);
  const corpus = loadCorpus(paths);
  const bytes = corpus.reduce((n, f) => n + f.bytes.length, 0);
  console.log(
    `## fuzz: ${mutations.toLocaleString('en')} mutations of ${corpus.length} files (${(bytes / 1024).toFixed(0)} KiB), seed ${seed}, ${values.workers} worker(s), ${values['limit-ms']} ms limit`,
  );
  const started = performance.now();
  const result = await runCampaign({
    seed,
    mutations,
    paths,
    workers: Number(values.workers),
    limitMs: Number(values['limit-ms']),
    onProgress: (done) => {
      const rate = done / ((performance.now() - started) / 1000);
      process.stderr.write(`  ${done.toLocaleString('en')} done, ${rate.toFixed(0)}/s\r`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const c = result.counts;
  const line = (label: string, n: number) =>
    console.log(
      `${label.padEnd(34)} ${n.toLocaleString('en').padStart(10)}  ${((100 * n) / c.done).toFixed(2).padStart(6)} %`,
    );
  line('decoded (exit 0)', c.ok);
  line('not taken for BER', c.other);
  line('clean error (RoamError)', c.clean);
  line('  of which without file or byte', c.vague);
  line('crash', c.crash);
  line('hang', result.hangs.length);
  console.log(
    `${c.done.toLocaleString('en')} mutations in ${seconds.toFixed(1)} s: ${(c.done / seconds).toFixed(0)} mutations/s; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
  for (const text of classes(result.findings)) console.log(text);
  for (const index of result.hangs) console.log(`hang: --seed ${seed} --replay ${index}`);
  for (const d of result.deaths)
    console.log(`worker died: ${d.error}: --seed ${seed} --replay ${d.index}`);
  if (c.crash > 0 || result.hangs.length > 0) process.exitCode = 1;
}

await main();
