/**
 * Where output goes: results on stdout, logs and progress on stderr. Pretty on a terminal,
 * plain otherwise; `--format json` makes stdout one JSON document.
 */
import { once } from 'node:events';

/**
 * `jsonl` (one JSON document per line) is offered only by commands that stream items; `html` only
 * by `roam report` (the report as HTML files, their paths on stdout as text); `csv`, `tsv` and
 * `markdown` by `roam sql`, and `csv` by `roam exchange export` (the file as CSV, its path on stdout).
 */
export type Format = 'text' | 'json' | 'jsonl' | 'html' | 'csv' | 'tsv' | 'markdown';

export interface Output {
  readonly format: Format;
  /** True when stderr is a terminal and not in CI: progress lines may redraw. */
  readonly interactive: boolean;
  /** The terminal's width when stdout is a terminal, else undefined (no width to fit). */
  readonly terminalWidth: number | undefined;
  /** A result line (stdout). */
  result(text: string): void;
  /**
   * Result text as it is (stdout), for results streamed in parts: resolves once the stream can
   * take more, so that a large result is never held in memory waiting to be written.
   */
  write(text: string): Promise<void>;
  /** A JSON result document (stdout). */
  json(value: unknown): void;
  /** A log line for people (stderr); silenced with --format json. */
  info(text: string): void;
  /** A warning (stderr), shown whatever the format. */
  warn(text: string): void;
  /** A failure that does not stop the command, e.g. one bad file among several (stderr). */
  error(text: string): void;
}

export function createOutput(
  format: Format,
  streams: { out: NodeJS.WriteStream; err: NodeJS.WriteStream } = {
    out: process.stdout,
    err: process.stderr,
  },
): Output {
  const interactive = Boolean(streams.err.isTTY) && !process.env.CI;
  return {
    format,
    interactive,
    terminalWidth: streams.out.isTTY ? streams.out.columns : undefined,
    result: (text) => void streams.out.write(`${text}\n`),
    write: async (text) => {
      if (!streams.out.write(text)) await once(streams.out, 'drain');
    },
    json: (value) => void streams.out.write(`${JSON.stringify(value, jsonReplacer, 2)}\n`),
    info: (text) => {
      if (format === 'text' || format === 'html') streams.err.write(`${text}\n`);
    },
    warn: (text) => void streams.err.write(`warning: ${text}\n`),
    error: (text) => void streams.err.write(`error: ${text}\n`),
  };
}

/** JSON has no bigint: write it as a number when exact, else as a string. */
export function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  return value;
}
