/** Worker thread of the fuzz campaign: runs its range of mutations and posts what it finds. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadCorpus, runRange, type Finding } from './campaign.ts';

export interface WorkerInput {
  seed: number;
  from: number;
  to: number;
  paths: string[];
  counters: SharedArrayBuffer;
}

export type WorkerReport =
  { type: 'ready' } | { type: 'finding'; finding: Finding } | { type: 'done' };

const port = parentPort;
if (port === null) throw new Error('bench/fuzz/worker runs in a worker thread');
const input = workerData as WorkerInput;
const post = (report: WorkerReport) => port.postMessage(report);
const corpus = loadCorpus(input.paths);
post({ type: 'ready' });
await runRange(
  input.seed,
  input.from,
  input.to,
  corpus,
  new Int32Array(input.counters),
  (finding) => post({ type: 'finding', finding }),
);
post({ type: 'done' });
