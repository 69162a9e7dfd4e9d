/** Progress on a terminal (one redrawn line: files, records, rate, ETA); silent in pipes and CI. */
import type { Output } from './output.ts';

export interface Progress {
  fileDone(records: number, bytes: number): void;
  /** Takes back a file counted done whose work was undone (its commit group rolled back). */
  takeBack(records: number, bytes: number): void;
  finish(): void;
}

/** Progress that shows nothing (tests, benchmarks). */
export const quietProgress: Progress = { fileDone() {}, takeBack() {}, finish() {} };

export interface ProgressState {
  label: string;
  files: number;
  totalFiles: number;
  records: number;
  bytes: number;
  totalBytes: number;
  seconds: number;
}

const clock = (seconds: number) => {
  const s = Math.max(0, Math.round(seconds));
  return s >= 3600
    ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
    : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** The progress line for a state. Pure. ETA from the bytes still to read at the rate so far. */
export function progressLine(state: ProgressState): string {
  const rate = state.seconds > 0 ? state.records / state.seconds : 0;
  const byteRate = state.seconds > 0 ? state.bytes / state.seconds : 0;
  const left = state.totalBytes - state.bytes;
  const eta =
    state.files === state.totalFiles
      ? 'done'
      : byteRate > 0
        ? `ETA ${clock(left / byteRate)}`
        : 'ETA –';
  return `${state.label}: ${state.files}/${state.totalFiles} files, ${state.records.toLocaleString('en')} records, ${Math.round(rate).toLocaleString('en')} records/s, ${eta}`;
}

export function createProgress(
  output: Output,
  label: string,
  totalFiles: number,
  totalBytes: number,
): Progress {
  const started = performance.now();
  const state: ProgressState = {
    label,
    files: 0,
    totalFiles,
    records: 0,
    bytes: 0,
    totalBytes,
    seconds: 0,
  };
  const active = output.interactive && output.format === 'text';
  const draw = (end: string) => {
    state.seconds = (performance.now() - started) / 1000;
    process.stderr.write(`\r\x1b[K${progressLine(state)}${end}`);
  };
  return {
    fileDone(records, bytes) {
      state.files += 1;
      state.records += records;
      state.bytes += bytes;
      if (active) draw('');
    },
    takeBack(records, bytes) {
      state.files -= 1;
      state.records -= records;
      state.bytes -= bytes;
    },
    finish() {
      if (active) draw('\n');
    },
  };
}
