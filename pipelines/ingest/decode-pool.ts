/**
 * The main thread's side of the decode workers. Decoded files (of the sources of the registry,
 * sources/index.ts, that a worker imports too) are queued in input order as ingest
 * plans them (`enqueue`) and handed to the workers, the least busy first, each worker holding up to
 * `filesPerWorker` of them: the one it reads and the next, so that it goes from file to file without
 * waiting for this thread (which may be busy in a long append) to send it one. How far ahead the
 * workers decode is bounded by the batches decoded and not yet appended (`budget`), and each file
 * by `batchesAhead`; the file the writer asks for (`batches`) is given out whatever the budget. A file
 * that was not queued is decoded in this thread. A worker whose file fails or is abandoned is
 * replaced, so that a half-read file never leaks into the next one; the files it still held go back
 * to the queue.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { sources } from '../sources/index.ts';
import type { ColumnBatchSource, Source } from '../sources/source.ts';
import type { DecodeJob, PoolMessage, WorkerMessage } from './decode-worker.ts';
import { fromWorkerError } from './worker-errors.ts';

/**
 * The worker's entry: compiled JavaScript runs the compiled worker as it is; TypeScript run
 * directly (tests, benchmarks) registers the TypeScript loader in the thread first.
 */
const entry = import.meta.url.endsWith('.ts')
  ? new URL('./decode-worker-entry.mjs', import.meta.url)
  : new URL('./decode-worker.js', import.meta.url);

/**
 * Decode workers by default: one per core, with the writer's thread besides them (on the two-core
 * machine measured, two workers and the writer kept both cores busy). At most 8: the one writer
 * takes what a few decoders make (more has not been measured).
 */
export function defaultWorkerCount(cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, 8));
}

/**
 * Files a worker holds at once. Between files, a worker with one file waited ~25 ms on average
 * for this thread to send the next (a month of TAP: ~3 s per worker).
 */
const filesPerWorker = 3;

/** Batches a worker may post for one file before the writer has taken them. */
const batchesAhead = 32;

/** No new file is started while this many decoded batches wait to be appended. */
const budget = 64;

interface Queued {
  kind: string;
  file: string;
  seq: number;
}

let jobIds = 0;

/** One queued file: what its worker has posted of it and the writer has not taken yet. */
class Job {
  readonly id = ++jobIds;
  readonly queue: WorkerMessage[] = [];
  failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(readonly item: Queued) {}

  receive(message: WorkerMessage): void {
    this.queue.push(message);
    this.wake?.();
  }

  fail(error: Error): void {
    this.failure = error;
    this.wake?.();
  }

  async next(): Promise<WorkerMessage> {
    while (this.queue.length === 0 && this.failure === undefined)
      await new Promise<void>((resolve) => (this.wake = resolve));
    const message = this.queue.shift();
    if (message !== undefined) return message;
    throw this.failure as Error;
  }
}

/** A worker and the files it holds, in the order it reads them. */
class Holder {
  readonly jobs: Job[] = [];
  private readonly worker = new Worker(entry);
  /** Settles once the worker has stopped, after `end`. */
  stopped: Promise<unknown> = Promise.resolve();

  constructor(
    /** A job's file is read (done or failed): the worker may take another. */
    private readonly finished: (holder: Holder) => void,
    /** The worker died: its jobs are the pool's again. */
    private readonly crashed: (holder: Holder, error: Error) => void,
  ) {
    this.worker.on('message', this.onMessage);
    this.worker.on('error', this.onError);
  }

  send(message: PoolMessage): void {
    this.worker.postMessage(message);
  }

  give(job: Job, batchSize: number): void {
    this.jobs.push(job);
    const { kind, file } = job.item;
    const decode: DecodeJob = { id: job.id, kind, file, batchSize, ahead: batchesAhead };
    this.send({ type: 'job', job: decode });
  }

  private onMessage = (message: WorkerMessage) => {
    const at = this.jobs.findIndex((job) => job.id === message.id);
    const job = this.jobs[at];
    if (job === undefined) return;
    job.receive(message);
    if (message.type !== 'batch') {
      this.jobs.splice(at, 1);
      this.finished(this);
    }
  };

  private onError = (error: Error) => this.crashed(this, error);

  /** Ends the worker; the jobs it held are let go (the caller decides what becomes of them). */
  end(): Job[] {
    this.worker.off('message', this.onMessage);
    this.worker.off('error', this.onError);
    this.stopped = this.worker.terminate();
    return this.jobs.splice(0);
  }
}

export class DecodePool {
  private readonly holders: Holder[] = [];
  /** Queued files no worker holds yet, in input order. */
  private readonly waiting: Job[] = [];
  /** Every queued file not yet taken by the writer (or dropped), by path. */
  private readonly jobs = new Map<string, Job>();
  /** The file the writer waits for: given out whatever the budget. */
  private wanted: Job | undefined;
  private seq = 0;
  /** Files decoded in this thread because no worker had them (not queued, or dropped). */
  decodedHere = 0;
  /** Worker threads started so far (a worker whose file failed is replaced by a new one). */
  workersStarted = 0;

  /** `batchSize`: records per batch; `workers`: worker threads at most, at least one. */
  constructor(
    private readonly batchSize: number,
    private readonly workers = defaultWorkerCount(),
  ) {}

  /**
   * Queues a file to be decoded ahead, in input order. A source the workers do not know (not in
   * the registry) is left to be decoded here when it is asked for.
   */
  enqueue(source: Source, file: string): void {
    if (!sources.includes(source)) return;
    const job = new Job({ kind: source.kind, file, seq: this.seq++ });
    this.jobs.set(file, job);
    this.waiting.push(job);
    this.fill();
  }

  private buffered(): number {
    let n = 0;
    for (const job of this.jobs.values()) n += job.queue.length;
    return n;
  }

  /** The worker with the fewest files that has room for one more, started if need be. */
  private leastBusy(): Holder | undefined {
    let best: Holder | undefined;
    for (const holder of this.holders)
      if (holder.jobs.length < (best?.jobs.length ?? filesPerWorker)) best = holder;
    if (best !== undefined && best.jobs.length === 0) return best;
    if (this.holders.length < this.workers) {
      const holder = new Holder(() => this.fill(), this.crashed);
      this.holders.push(holder);
      this.workersStarted += 1;
      return holder;
    }
    return best;
  }

  /** Gives queued files to workers while they have room and the decoded-ahead budget allows. */
  private fill(): void {
    while (
      this.waiting.length > 0 &&
      (this.buffered() < budget || this.waiting[0] === this.wanted)
    ) {
      const holder = this.leastBusy();
      if (holder === undefined) return;
      holder.give(this.waiting.shift() as Job, this.batchSize);
    }
  }

  /** Ends a worker; the files it held besides `failed` go back to the queue, in order. */
  private retire(holder: Holder, failed: Job | undefined): void {
    this.holders.splice(this.holders.indexOf(holder), 1);
    for (const job of holder.end()) {
      if (job === failed) continue;
      // Decoded again from its start by the next worker: nothing of it has been taken yet (the
      // writer takes only the file it asked for, which is never handed back here).
      job.queue.length = 0;
      this.waiting.push(job);
    }
    this.waiting.sort((a, b) => a.item.seq - b.item.seq);
  }

  /** The worker died: the file it was reading fails, the others are given out again. */
  private crashed = (holder: Holder, error: Error): void => {
    const [reading] = holder.jobs;
    this.retire(holder, reading);
    reading?.fail(error);
    this.fill();
  };

  /** The worker holding a job (to read, or reading it), if any. */
  private holderOf(job: Job): Holder | undefined {
    return this.holders.find((holder) => holder.jobs.includes(job));
  }

  /** Forgets a job; the worker holding it, if any, is ended (it may be mid-file). */
  private drop(job: Job): void {
    this.jobs.delete(job.item.file);
    const at = this.waiting.indexOf(job);
    if (at >= 0) this.waiting.splice(at, 1);
    const holder = this.holderOf(job);
    if (holder !== undefined) this.retire(holder, job);
  }

  /** The file's batches: decoded by a worker when it was queued, else here. */
  async *batches(source: Source, file: string): ColumnBatchSource {
    const { kind, read } = source;
    if (!('decode' in read)) throw new Error(`${kind} files are not decoded`);
    const job = this.jobs.get(file);
    // Files queued before this one and not asked for were skipped: drop their work.
    if (job !== undefined)
      for (const other of [...this.jobs.values()])
        if (other.item.seq < job.item.seq) this.drop(other);
    if (job === undefined || job.item.kind !== kind) {
      if (job !== undefined) this.drop(job);
      this.fill();
      this.decodedHere += 1;
      return yield* read.decode(file, this.batchSize);
    }
    this.wanted = job;
    this.fill();
    let finished = false;
    try {
      for (;;) {
        const message = await job.next();
        // An input error keeps its class and fields; anything else stays a crash.
        if (message.type === 'error') throw fromWorkerError(message.error);
        if (message.type === 'done') {
          finished = true;
          return message.summary;
        }
        // The writer took a batch: the worker may post one more.
        this.holderOf(job)?.send({ type: 'ack', id: job.id });
        this.fill();
        yield message.batch;
      }
    } finally {
      if (finished) this.jobs.delete(file);
      else this.drop(job);
      this.wanted = undefined;
      this.fill();
    }
  }

  async close(): Promise<void> {
    this.waiting.length = 0;
    this.jobs.clear();
    const holders = this.holders.splice(0);
    for (const holder of holders) holder.end();
    await Promise.all(holders.map((holder) => holder.stopped));
  }
}
