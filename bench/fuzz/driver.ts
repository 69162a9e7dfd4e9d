/**
 * Runs a fuzz campaign in worker threads under a watchdog: a worker whose current mutation has not
 * finished within the time limit is terminated, the mutation counted as a hang, and a new worker
 * goes on from the next one. A worker that dies (out of memory, an error outside the decode) counts
 * its current mutation as a crash the same way.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Slot, slotCount, type Finding } from './campaign.ts';
import type { WorkerInput, WorkerReport } from './worker.ts';

export interface CampaignOptions {
  seed: number;
  mutations: number;
  paths: string[];
  workers: number;
  /** A mutation running longer than this is a hang. */
  limitMs: number;
  /** Heap limit of each worker: a mutation that needs more is a crash. */
  heapMb?: number;
  onProgress?: (done: number) => void;
}

export interface CampaignResult {
  counts: Record<keyof typeof Slot, number>;
  findings: Finding[];
  hangs: number[];
  /** Mutations whose worker died. */
  deaths: { index: number; error: string }[];
}

const workerUrl = new URL('./worker.ts', import.meta.url).href;
/** tsx's loader API, as an ES module (its CommonJS build cannot load it from an eval'd worker). */
const tsxApi = pathToFileURL(
  createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs'),
).href;
/** The worker's TypeScript loader, then the worker (as the decode pool's entry does it). */
const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl)}); });`;

/** Runs mutations [from, to) in one worker after another until the range is done. */
async function runShare(
  options: CampaignOptions,
  from: number,
  to: number,
  totals: Int32Array,
  result: CampaignResult,
  live: Set<Int32Array>,
): Promise<void> {
  let start = from;
  while (start < to) {
    const counters = new Int32Array(new SharedArrayBuffer(slotCount * 4));
    live.add(counters);
    const input: WorkerInput = {
      seed: options.seed,
      from: start,
      to,
      paths: options.paths,
      counters: counters.buffer,
    };
    const worker = new Worker(bootstrap, {
      eval: true,
      workerData: input,
      resourceLimits: { maxOldGenerationSizeMb: options.heapMb ?? 512 },
    });
    let ready = false;
    const stopped = await new Promise<
      { how: 'done' } | { how: 'hang' } | { how: 'died'; error: string }
    >((resolve) => {
      let seen = -1;
      let since = performance.now();
      const watch = setInterval(
        () => {
          const done = Atomics.load(counters, Slot.done);
          if (done !== seen) {
            seen = done;
            since = performance.now();
          } else if (performance.now() - since > options.limitMs) {
            clearInterval(watch);
            resolve({ how: 'hang' });
          }
        },
        Math.min(250, options.limitMs / 4),
      );
      worker.on('message', (report: WorkerReport) => {
        if (report.type === 'ready') ready = true;
        else if (report.type === 'finding') result.findings.push(report.finding);
        else {
          clearInterval(watch);
          resolve({ how: 'done' });
        }
      });
      worker.on('error', (error) => {
        clearInterval(watch);
        resolve({ how: 'died', error: `${error.name}: ${error.message}` });
      });
      worker.on('exit', () => {
        clearInterval(watch);
        resolve({ how: 'died', error: 'worker exited before its range was done' });
      });
    });
    await worker.terminate();
    live.delete(counters);
    for (let s = 0; s < slotCount; s++) totals[s] = totals[s]! + Atomics.load(counters, s);
    const current = start + Atomics.load(counters, Slot.done);
    if (stopped.how === 'done') return;
    if (!ready)
      throw new Error(
        `the fuzz worker did not start: ${stopped.how === 'died' ? stopped.error : 'timed out'}`,
      );
    if (stopped.how === 'hang') result.hangs.push(current);
    else {
      result.deaths.push({ index: current, error: stopped.error });
      totals[Slot.crash] = totals[Slot.crash]! + 1;
    }
    totals[Slot.done] = totals[Slot.done]! + 1;
    start = current + 1;
  }
}

/** The counts so far: finished workers' totals plus the live workers' counters. */
function countsOf(totals: Int32Array, live: ReadonlySet<Int32Array>): CampaignResult['counts'] {
  const sum = (slot: number) =>
    totals[slot]! + [...live].reduce((n, c) => n + Atomics.load(c, slot), 0);
  return Object.fromEntries(
    Object.entries(Slot).map(([name, slot]) => [name, sum(slot)]),
  ) as CampaignResult['counts'];
}

export async function runCampaign(options: CampaignOptions): Promise<CampaignResult> {
  const totals = new Int32Array(slotCount);
  const live = new Set<Int32Array>();
  const result: CampaignResult = {
    counts: countsOf(totals, live),
    findings: [],
    hangs: [],
    deaths: [],
  };
  const workers = Math.max(1, Math.min(options.workers, options.mutations));
  const share = Math.ceil(options.mutations / workers);
  const progress =
    options.onProgress === undefined
      ? undefined
      : setInterval(() => options.onProgress?.(countsOf(totals, live).done), 2000);
  try {
    await Promise.all(
      Array.from({ length: workers }, (_, w) =>
        runShare(
          options,
          w * share,
          Math.min(options.mutations, (w + 1) * share),
          totals,
          result,
          live,
        ),
      ),
    );
  } finally {
    if (progress !== undefined) clearInterval(progress);
  }
  result.counts = countsOf(totals, live);
  result.findings.sort((a, b) => a.index - b.index);
  result.hangs.sort((a, b) => a - b);
  return result;
}
