/**
 * The main thread's side of the decode worker: a codec file's row batches, produced in another
 * thread while this one appends the previous batch. One worker, reused file after file; replaced
 * when a file fails so that a half-read file never leaks into the next one.
 */
import { Worker } from 'node:worker_threads';
import { LoadError } from '../lib/errors.ts';
import type { BerKind } from './codec-sources.ts';
import type { WorkerMessage } from './decode-worker.ts';
import type { ColumnBatchSource } from './row-batches.ts';

const entry = new URL('./decode-worker-entry.mjs', import.meta.url);

export class DecodePool {
  private worker: Worker | undefined;

  private spawn(): Worker {
    this.worker ??= new Worker(entry);
    return this.worker;
  }

  private async replace(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  /** The file's batches, decoded in the worker. */
  async *batches(kind: BerKind, file: string, size: number): ColumnBatchSource {
    const worker = this.spawn();
    const queue: WorkerMessage[] = [];
    let wake: (() => void) | undefined;
    let failure: Error | undefined;
    const onMessage = (message: WorkerMessage) => {
      queue.push(message);
      wake?.();
    };
    const onError = (error: Error) => {
      failure = error;
      wake?.();
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.postMessage({ type: 'job', job: { kind, file, size } });
    let finished = false;
    try {
      for (;;) {
        while (queue.length === 0 && failure === undefined)
          await new Promise<void>((resolve) => (wake = resolve));
        if (failure !== undefined) throw failure;
        const message = queue.shift() as WorkerMessage;
        if (message.type === 'error') {
          if (message.known) throw new LoadError(message.message, file);
          const crash = new Error(message.message);
          crash.stack = message.stack;
          throw crash;
        }
        if (message.type === 'done') {
          finished = true;
          return message.summary;
        }
        yield message.batch;
        worker.postMessage({ type: 'ack' });
      }
    } finally {
      worker.off('message', onMessage);
      worker.off('error', onError);
      if (!finished) await this.replace();
    }
  }

  async close(): Promise<void> {
    await this.replace();
  }
}
