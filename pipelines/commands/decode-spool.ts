/**
 * The findings section of `roam decode`'s text output, held until the file is read: the text
 * prints its findings after the audit, so they wait somewhere. Up to `memoryLines` lines wait in
 * memory; past that they go to a temporary file, read back line by line, so memory does not grow
 * with the number of findings.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

export class LineSpool {
  private pending: string[] = [];
  private dir: string | undefined;
  private fd: number | undefined;
  count = 0;

  constructor(private readonly memoryLines = 10_000) {}

  add(line: string): void {
    this.pending.push(line);
    this.count += 1;
    if (this.pending.length >= this.memoryLines) this.flush();
  }

  /** Every line added, in order; then the spool is empty and its file removed. */
  async *drain(): AsyncGenerator<string> {
    try {
      if (this.fd === undefined) {
        yield* this.pending;
        return;
      }
      this.flush();
      closeSync(this.fd);
      this.fd = undefined;
      const input = createReadStream(this.file(), { encoding: 'utf8' });
      for await (const line of createInterface({ input, crlfDelay: Infinity })) yield line;
    } finally {
      this.close();
    }
  }

  /** Removes the temporary file, if any. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    if (this.dir !== undefined) rmSync(this.dir, { recursive: true, force: true });
    this.fd = undefined;
    this.dir = undefined;
    this.pending = [];
    this.count = 0;
  }

  private file(): string {
    this.dir ??= mkdtempSync(path.join(os.tmpdir(), 'roam-decode-'));
    return path.join(this.dir, 'findings.txt');
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.fd ??= openSync(this.file(), 'w');
    writeSync(this.fd, `${this.pending.join('\n')}\n`);
    this.pending = [];
  }
}
