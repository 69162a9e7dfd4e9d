/**
 * The main thread's side of the decode workers: a codec file's row batches, as columns, produced
 * in another thread while this one appends. Two workers: one decodes the file being appended, the
 * other the next large codec file of the input list, so that files are decoded in parallel while
 * the only writer still appends them one by one, in input order, one transaction each. A worker
 * is replaced when its file fails or is not taken, so that a half-read file never leaks into the
 * next one.
 */
import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { LoadError } from '../lib/errors.ts';
import type { BerKind } from './codec-sources.ts';
import type { WorkerMessage } from './decode-worker.ts';
import { berKindOf, formatOf, readHead } from './detect.ts';
import type { ColumnBatchSource } from './row-batches.ts';

const entry = new URL('./decode-worker-entry.mjs', import.meta.url);

/** Workers in the pool: the file being appended and the next one. */
const workerCount = 2;

/** Batches a worker may run ahead of the writer (a look-ahead file is decoded into these). */
const batchesAhead = 32;

/** One file being decoded by one worker. */
class Job {
  readonly queue: WorkerMessage[] = [];
  failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(
    readonly worker: Worker,
    readonly kind: BerKind,
    readonly file: string,
    size: number,
  ) {
    worker.on('message', this.onMessage);
    worker.on('error', this.onError);
    worker.postMessage({ type: 'job', job: { kind, file, size, ahead: batchesAhead } });
  }

  private onMessage = (message: WorkerMessage) => {
    this.queue.push(message);
    this.wake?.();
  };

  private onError = (error: Error) => {
    this.failure = error;
    this.wake?.();
  };

  async next(): Promise<WorkerMessage> {
    while (this.queue.length === 0 && this.failure === undefined)
      await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.failure !== undefined) throw this.failure;
    return this.queue.shift() as WorkerMessage;
  }

  detach(): void {
    this.worker.off('message', this.onMessage);
    this.worker.off('error', this.onError);
  }
}

export class DecodePool {
  private readonly idle: Worker[] = [];
  private spawned = 0;
  private readonly jobs = new Map<string, Job>();

  /**
   * `upcoming`: the input files in the order they will be asked for; large codec files among them
   * (at least `minSize` bytes) are decoded ahead.
   */
  constructor(
    private readonly upcoming: readonly string[] = [],
    private readonly minSize = Infinity,
  ) {}

  private take(): Worker | undefined {
    const worker = this.idle.pop();
    if (worker !== undefined || this.spawned >= workerCount) return worker;
    this.spawned += 1;
    return new Worker(entry);
  }

  /** Ends a job: its worker goes back to the pool when the file was read to the end. */
  private async end(job: Job, finished: boolean): Promise<void> {
    job.detach();
    this.jobs.delete(job.file);
    if (finished) this.idle.push(job.worker);
    else {
      this.spawned -= 1;
      await job.worker.terminate();
    }
  }

  private start(kind: BerKind, file: string, size: number): Job {
    const worker = this.take();
    if (worker === undefined) throw new Error('no decode worker free');
    const job = new Job(worker, kind, file, size);
    this.jobs.set(file, job);
    return job;
  }

  /** Starts decoding the next large codec file after `file`, if a worker is free. */
  private async lookAhead(file: string, size: number): Promise<void> {
    const next = this.upcoming[this.upcoming.indexOf(file) + 1];
    if (next === undefined || this.jobs.has(next) || this.jobs.size >= workerCount) return;
    const info = await stat(next).catch(() => undefined);
    if (info === undefined || info.size < this.minSize) return;
    const head = await readHead(next).catch(() => new Uint8Array());
    const kind = formatOf(head) === 'ber' ? berKindOf(head) : undefined;
    if (kind !== undefined && !this.jobs.has(next) && this.jobs.size < workerCount)
      this.start(kind, next, size);
  }

  /** The file's batches, decoded in a worker (or already being decoded ahead). */
  async *batches(kind: BerKind, file: string, size: number): ColumnBatchSource {
    // Files decoded ahead but skipped (same content, refused kind…) are dropped.
    for (const job of [...this.jobs.values()])
      if (job.file !== file || job.kind !== kind) await this.end(job, false);
    const job = this.jobs.get(file) ?? this.start(kind, file, size);
    await this.lookAhead(file, size);
    let finished = false;
    try {
      for (;;) {
        const message = await job.next();
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
        job.worker.postMessage({ type: 'ack' });
      }
    } finally {
      await this.end(job, finished);
    }
  }

  async close(): Promise<void> {
    for (const job of [...this.jobs.values()]) await this.end(job, false);
    const idle = this.idle.splice(0);
    this.spawned -= idle.length;
    await Promise.all(idle.map((worker) => worker.terminate()));
  }
}
