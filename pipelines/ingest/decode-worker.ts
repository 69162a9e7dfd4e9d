/**
 * Worker thread: decodes files with their source's decoder (sources/index.ts), one at a time in
 * the order they were given, and posts each file's row batches, as columns, to the main thread, at
 * most `ahead` batches ahead of what the main thread has appended. The pool gives a worker its
 * next files before it is done with the current one, so that it never waits for the main thread
 * between files.
 */
import { parentPort } from 'node:worker_threads';
import { transferables, type ColumnBatch } from '../columns/column-batch.ts';
import { sources } from '../sources/index.ts';
import type { FileSummary } from '../sources/source.ts';
import { toWorkerError, type WorkerError } from './worker-errors.ts';

export interface DecodeJob {
  /** Every message about the job carries it, and so do the acknowledgements. */
  id: number;
  /** The kind of the source (sources/index.ts) that decodes the file. */
  kind: string;
  file: string;
  /** Records per batch. */
  batchSize: number;
  /** Batches posted and not yet acknowledged, at most. */
  ahead: number;
}

export type WorkerMessage = { id: number } & (
  | { type: 'batch'; batch: ColumnBatch }
  | { type: 'done'; summary: FileSummary }
  | { type: 'error'; error: WorkerError }
);

export type PoolMessage = { type: 'job'; job: DecodeJob } | { type: 'ack'; id: number };

const port = parentPort;
if (port === null) throw new Error('decode-worker runs in a worker thread');

const jobs: DecodeJob[] = [];
let running = false;
let current = 0;
let acked = 0;
let posted = 0;
let wake: (() => void) | undefined;

const post = (message: WorkerMessage, transfer?: ArrayBuffer[]) =>
  port.postMessage(message, transfer);

async function run(job: DecodeJob): Promise<void> {
  const { id } = job;
  const read = sources.find((s) => s.kind === job.kind)?.read;
  if (read === undefined || !('decode' in read)) throw new Error(`no source decodes ${job.kind}`);
  const source = read.decode(job.file, job.batchSize);
  let step = await source.next();
  while (step.done !== true) {
    post({ id, type: 'batch', batch: step.value }, transferables(step.value));
    posted += 1;
    while (posted - acked >= job.ahead) await new Promise<void>((resolve) => (wake = resolve));
    step = await source.next();
  }
  post({ id, type: 'done', summary: step.value });
}

/** Runs the jobs given, in order, until there is none left. */
async function work(): Promise<void> {
  running = true;
  for (let job = jobs.shift(); job !== undefined; job = jobs.shift()) {
    current = job.id;
    acked = 0;
    posted = 0;
    await run(job).catch((error: unknown) => {
      post({ id: current, type: 'error', error: toWorkerError(error) });
    });
  }
  running = false;
}

port.on('message', (message: PoolMessage) => {
  if (message.type === 'ack') {
    if (message.id === current) acked += 1;
    wake?.();
    return;
  }
  jobs.push(message.job);
  if (!running) void work();
});
