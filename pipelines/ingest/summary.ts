/** What ingest tells a person: every file when there are few, else a line per kind and status. */
import path from 'node:path';
import type { FileOutcome } from './registry-store.ts';

/** Up to this many files are listed one by one. */
const listLimit = 30;

export function summaryLines(outcomes: readonly FileOutcome[], cwd: string): string[] {
  const line = (o: FileOutcome) => {
    const detail = o.status === 'loaded' ? `${o.rows} rows` : (o.reason ?? '');
    return `${o.status.padEnd(17)} ${path.relative(cwd, o.file)}  ${detail}`;
  };
  if (outcomes.length <= listLimit) return outcomes.map(line);
  const groups = new Map<string, { files: number; rows: number }>();
  for (const o of outcomes) {
    if (o.status === 'quarantined') continue;
    const key = `${o.status.padEnd(17)} ${o.kind ?? 'unknown'}`;
    const group = groups.get(key) ?? { files: 0, rows: 0 };
    group.files += 1;
    group.rows += o.rows;
    groups.set(key, group);
  }
  const grouped = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, g]) => `${key}  ${g.files} files, ${g.rows} rows`);
  // Problems are always shown one by one.
  return [...grouped, ...outcomes.filter((o) => o.status === 'quarantined').map(line)];
}
