/** Progress on a terminal (one redrawn line: files, records, rate); silent in pipes and CI. */
import type { Output } from './output.ts';

export interface Progress {
  fileDone(records: number): void;
  finish(): void;
}

export function createProgress(output: Output, label: string, totalFiles: number): Progress {
  const started = performance.now();
  let files = 0;
  let records = 0;
  const draw = (end: string) => {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(records / seconds) : 0;
    process.stderr.write(
      `\r${label}: ${files}/${totalFiles} files, ${records.toLocaleString('en')} records, ${rate.toLocaleString('en')} records/s${end}`,
    );
  };
  const active = output.interactive && output.format === 'text';
  return {
    fileDone(count) {
      files += 1;
      records += count;
      if (active) draw('');
    },
    finish() {
      if (active) draw('\n');
    },
  };
}
