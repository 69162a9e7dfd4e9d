/** Buffered, synchronous file writing for generated text and binary files: bounded memory. */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';

const FLUSH_AT = 1 << 20;

export class FileSink {
  private fd: number;
  private parts: string[] = [];
  private size = 0;
  /** Bytes written so far (text counted as UTF-8 when flushed). */
  bytes = 0;

  constructor(readonly file: string) {
    mkdirSync(path.dirname(file), { recursive: true });
    this.fd = openSync(file, 'w');
  }

  /** Appends text; flushed in blocks of about 1 MiB. */
  text(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= FLUSH_AT) this.flush();
  }

  binary(chunk: Uint8Array): void {
    this.flush();
    this.bytes += writeSync(this.fd, chunk);
  }

  flush(): void {
    if (this.parts.length === 0) return;
    this.bytes += writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** A CSV field: quoted when it holds a comma, quote or newline. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** A CSV file with a header, written row by row. */
export class CsvSink {
  private readonly sink: FileSink;
  rows = 0;

  constructor(file: string, columns: readonly string[]) {
    this.sink = new FileSink(file);
    this.sink.text(`${columns.join(',')}\n`);
  }

  /** A row already joined (fields escaped by the caller), without the newline. */
  line(row: string): void {
    this.sink.text(`${row}\n`);
    this.rows += 1;
  }

  row(fields: readonly (string | number | boolean | null | undefined)[]): void {
    this.line(fields.map(csvField).join(','));
  }

  close(): void {
    this.sink.close();
  }
}
