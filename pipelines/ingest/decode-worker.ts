/**
 * Worker thread: decodes, normalises and validates one codec file at a time and posts its row
 * batches, as columns, to the main thread, at most `ahead` batches ahead of what the main thread has appended.
 */
import { parentPort } from 'node:worker_threads';
import { RoamError } from '../lib/errors.ts';
import { codecSources, type BerKind } from './codec-sources.ts';
import { transferables, type ColumnBatch } from '../lib/column-batch.ts';
import type { BatchSummary } from './row-batches.ts';

export interface DecodeJob {
  /** Acknowledgements carry it: a late one for an earlier file is not counted. */
  id: number;
  kind: BerKind;
  file: string;
  /** Records per batch. */
  batchSize: number;
  /** Batches posted and not yet acknowledged, at most. */
  ahead: number;
}

export type WorkerMessage =
  | { type: 'batch'; batch: ColumnBatch }
  | { type: 'done'; summary: BatchSummary }
  | { type: 'error'; known: boolean; message: string; stack: string | undefined };

const port = parentPort;
if (port === null) throw new Error('decode-worker runs in a worker thread');

let current = 0;
let acked = 0;
let posted = 0;
let wake: (() => void) | undefined;

async function run(job: DecodeJob): Promise<void> {
  const source = codecSources[job.kind].batches(job.file, job.batchSize);
  let step = await source.next();
  while (step.done !== true) {
    const message: WorkerMessage = { type: 'batch', batch: step.value };
    port?.postMessage(message, transferables(step.value));
    posted += 1;
    while (posted - acked >= job.ahead) await new Promise<void>((resolve) => (wake = resolve));
    step = await source.next();
  }
  port?.postMessage({ type: 'done', summary: step.value } satisfies WorkerMessage);
}

port.on('message', (message: { type: 'job'; job: DecodeJob } | { type: 'ack'; id: number }) => {
  if (message.type === 'ack') {
    if (message.id === current) acked += 1;
    wake?.();
    return;
  }
  current = message.job.id;
  acked = 0;
  posted = 0;
  run(message.job).catch((error: unknown) => {
    const known = error instanceof RoamError;
    const text = error instanceof Error ? error.message : String(error);
    port.postMessage({
      type: 'error',
      known,
      message: text,
      stack: error instanceof Error ? error.stack : undefined,
    } satisfies WorkerMessage);
  });
});
