/**
 * The main thread's side of the decode workers. Codec files are queued in input order as ingest
 * plans them (`enqueue`); each free worker takes the next one, so several files are decoded ahead
 * while the only writer appends them one by one. How far ahead is bounded by the batches decoded
 * and not yet appended (`budget`), and each file by `batchesAhead`. A file that is asked for
 * (`batches`) before a worker took it is decoded in this thread instead of waiting. A worker whose
 * file fails or is abandoned is replaced, so that a half-read file never leaks into the next one.
 */
import { Worker } from 'node:worker_threads';
import { LoadError } from '../lib/errors.ts';
import { codecSources, type BerKind } from './codec-sources.ts';
import type { DecodeJob, WorkerMessage } from './decode-worker.ts';
import type { ColumnBatchSource } from './row-batches.ts';

const entry = new URL('./decode-worker-entry.mjs', import.meta.url);

/** Worker threads: with the writer, one per core of a two-core machine, and one more. */
const workerCount = 2;

/** Batches a worker may post for one file before the writer has taken them. */
const batchesAhead = 32;

/** No new file is started while this many decoded batches wait to be appended. */
const budget = 64;

interface Queued {
  kind: BerKind;
  file: string;
  seq: number;
}

let jobIds = 0;

/** One file being (or having been) decoded by one worker. */
class Job {
  readonly id = ++jobIds;
  readonly queue: WorkerMessage[] = [];
  failure: Error | undefined;
  /** The worker, while it is still reading this file. */
  worker: Worker | undefined;
  private wake: (() => void) | undefined;

  constructor(
    readonly item: Queued,
    batchSize: number,
    worker: Worker,
    private readonly released: (worker: Worker, healthy: boolean) => void,
  ) {
    this.worker = worker;
    worker.on('message', this.onMessage);
    worker.on('error', this.onError);
    const { kind, file } = item;
    const job: DecodeJob = { id: this.id, kind, file, batchSize, ahead: batchesAhead };
    worker.postMessage({ type: 'job', job });
  }

  private onMessage = (message: WorkerMessage) => {
    this.queue.push(message);
    // The file is read: the worker can take the next one while its batches wait here.
    if (message.type !== 'batch') this.release(true);
    this.wake?.();
  };

  private onError = (error: Error) => {
    this.failure = error;
    this.release(false);
    this.wake?.();
  };

  /** Lets go of the worker: back to the pool when healthy, else it is ended. */
  release(healthy: boolean): void {
    const worker = this.worker;
    if (worker === undefined) return;
    this.worker = undefined;
    worker.off('message', this.onMessage);
    worker.off('error', this.onError);
    this.released(worker, healthy);
  }

  /** The writer took a batch: the worker may post one more. */
  ack(): void {
    this.worker?.postMessage({ type: 'ack', id: this.id });
  }

  async next(): Promise<WorkerMessage> {
    while (this.queue.length === 0 && this.failure === undefined)
      await new Promise<void>((resolve) => (this.wake = resolve));
    const message = this.queue.shift();
    if (message !== undefined) return message;
    throw this.failure as Error;
  }
}

export class DecodePool {
  private readonly idle: Worker[] = [];
  private spawned = 0;
  private readonly waiting: Queued[] = [];
  private readonly jobs = new Map<string, Job>();
  private seq = 0;

  /** `batchSize`: records per batch. */
  constructor(private readonly batchSize: number) {}

  /** Queues a codec file to be decoded ahead, in input order. */
  enqueue(kind: BerKind, file: string): void {
    this.waiting.push({ kind, file, seq: this.seq++ });
    this.fill();
  }

  private buffered(): number {
    let n = 0;
    for (const job of this.jobs.values()) n += job.queue.length;
    return n;
  }

  private take(): Worker | undefined {
    const worker = this.idle.pop();
    if (worker !== undefined || this.spawned >= workerCount) return worker;
    this.spawned += 1;
    return new Worker(entry);
  }

  private released = (worker: Worker, healthy: boolean): void => {
    if (healthy) this.idle.push(worker);
    else {
      this.spawned -= 1;
      void worker.terminate();
    }
    this.fill();
  };

  /** Starts queued files on free workers while the decoded-ahead budget allows. */
  private fill(): void {
    while (this.waiting.length > 0 && this.buffered() < budget) {
      const worker = this.take();
      if (worker === undefined) return;
      const item = this.waiting.shift() as Queued;
      this.jobs.set(item.file, new Job(item, this.batchSize, worker, this.released));
    }
  }

  /** Forgets a job: its worker, if still reading, is ended (it may be mid-file). */
  private drop(job: Job): void {
    this.jobs.delete(job.item.file);
    job.release(false);
  }

  /** The file's batches: decoded ahead by a worker, or here when no worker has taken it. */
  async *batches(kind: BerKind, file: string): ColumnBatchSource {
    const job = this.jobs.get(file);
    const seq = job?.item.seq ?? this.waiting.find((q) => q.file === file)?.seq;
    // Files queued before this one and not asked for were skipped: drop their work.
    if (seq !== undefined) {
      for (const other of [...this.jobs.values()]) if (other.item.seq < seq) this.drop(other);
      while ((this.waiting[0]?.seq ?? Infinity) <= seq) this.waiting.shift();
    }
    if (job === undefined || job.item.kind !== kind) {
      if (job !== undefined) this.drop(job);
      this.fill();
      return yield* codecSources[kind].batches(file, this.batchSize);
    }
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
        job.ack();
        this.fill();
        yield message.batch;
      }
    } finally {
      if (finished) this.jobs.delete(file);
      else this.drop(job);
      this.fill();
    }
  }

  async close(): Promise<void> {
    this.waiting.length = 0;
    for (const job of [...this.jobs.values()]) this.drop(job);
    const idle = this.idle.splice(0);
    this.spawned -= idle.length;
    await Promise.all(idle.map((worker) => worker.terminate()));
  }
}
