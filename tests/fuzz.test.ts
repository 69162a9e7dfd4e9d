/**
 * The fuzz campaign's small version (bench/fuzz.ts runs the full one): a few thousand mutations of
 * the sample TAP, RAP and NRTRDE files through ingest's decode path, under the same watchdog.
 * Malformed input must end in a RoamError naming the file and a byte offset: no crash, no hang.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus, mutationAt } from '../bench/fuzz/campaign.ts';
import { runCampaign } from '../bench/fuzz/driver.ts';
import { samplesDir } from '../pipelines/lib/paths.ts';

const paths = ['tap', 'rap', 'nrtrde'].map((k) => path.join(samplesDir, k));

describe('fuzz campaign', () => {
  it('the same index gives the same mutation, and the corpus is left as it was', () => {
    const corpus = loadCorpus(paths);
    const before = corpus.map((f) => Buffer.from(f.bytes).toString('hex'));
    const a = mutationAt(7, 123, corpus);
    for (let i = 0; i < 500; i++) mutationAt(7, i, corpus);
    expect(mutationAt(7, 123, corpus)).toEqual(a);
    expect(corpus.map((f) => Buffer.from(f.bytes).toString('hex'))).toEqual(before);
  });

  it('3,000 mutations: no crash, no hang, every clean error names file and byte', async () => {
    const result = await runCampaign({
      seed: 20261,
      mutations: 3000,
      paths,
      workers: 1,
      limitMs: 10_000,
    });
    expect(result.findings).toEqual([]);
    expect(result.hangs).toEqual([]);
    expect(result.deaths).toEqual([]);
    const { done, ok, clean, crash, vague } = result.counts;
    expect({ done, crash, vague }).toEqual({ done: 3000, crash: 0, vague: 0 });
    // The campaign reached both ends: files that still decode, and files refused cleanly.
    expect(ok).toBeGreaterThan(100);
    expect(clean).toBeGreaterThan(1000);
  });
});
