/**
 * An Arrow IPC file (what pandas' read_feather, polars' read_ipc and pyarrow read) written batch
 * by batch. apache-arrow's writer queues the bytes of each batch for an async reader; here every
 * batch's bytes are written out before the next batch is made, so the queue never holds more
 * than one batch.
 */
import type { FileHandle } from 'node:fs/promises';
import { RecordBatchFileWriter, type RecordBatch, type Schema } from 'apache-arrow';

const queueEmpty = Symbol('queue empty');

export class ArrowFileOut {
  private readonly writer = new RecordBatchFileWriter();
  private readonly bytes = this.writer[Symbol.asyncIterator]();
  /** The writer's next bytes, asked for and not yet come (the queue was empty). */
  private pending: Promise<IteratorResult<Uint8Array>> | undefined;

  constructor(
    private readonly file: FileHandle,
    schema: Schema,
  ) {
    // Starts the file with its schema, so that a result without rows is a valid file too.
    this.writer.reset(undefined, schema);
  }

  async write(batch: RecordBatch): Promise<void> {
    this.writer.write(batch);
    await this.drain(false);
  }

  /** Writes the footer and every byte left; the file handle stays open. */
  async finish(): Promise<void> {
    this.writer.finish();
    await this.drain(true);
  }

  /**
   * Writes what the writer has queued: until the queue is empty, or (at the end) closed. A part
   * already queued comes as a settled promise, which wins a race against an already-settled
   * marker; an empty queue gives an unsettled one, kept for the next drain.
   */
  private async drain(toEnd: boolean): Promise<void> {
    const parts: Uint8Array[] = [];
    for (;;) {
      this.pending ??= this.bytes.next();
      const next = toEnd
        ? await this.pending
        : await Promise.race([this.pending, Promise.resolve(queueEmpty)]);
      if (typeof next === 'symbol') break;
      this.pending = undefined;
      if (next.done === true) break;
      parts.push(next.value);
    }
    if (parts.length > 0) await this.file.write(Buffer.concat(parts));
  }
}
