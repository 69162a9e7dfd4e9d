/**
 * What ingest tells a person: every file when there are few, else a line per kind and status.
 * A replacement (an earlier version's rows deleted) and fatal validation findings are always said.
 */
import path from 'node:path';
import type { FileOutcome } from './registry-store.ts';
import { runCounts } from './runs-store.ts';

/** Up to this many files are listed one by one. */
const listLimit = 30;

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** What a loaded file replaced and the fatal findings it was loaded with, if any. */
function notes(o: FileOutcome, cwd: string): string[] {
  return [
    ...o.replaced.map((r) => `replaced ${plural(r.rows, 'row')} of ${path.relative(cwd, r.file)}`),
    ...(o.fatalFindings > 0
      ? [`loaded with ${plural(o.fatalFindings, 'fatal finding')} (roam decode shows them)`]
      : []),
  ];
}

export function summaryLines(outcomes: readonly FileOutcome[], cwd: string): string[] {
  const line = (o: FileOutcome) => {
    const detail =
      o.status === 'loaded'
        ? [plural(o.rows, 'row'), ...notes(o, cwd)].join(', ')
        : (o.reason ?? '');
    return `${o.status.padEnd(17)} ${path.relative(cwd, o.file)}  ${detail}`;
  };
  if (outcomes.length <= listLimit) return outcomes.map(line);
  const groups = new Map<string, { files: number; rows: number; replaced: number }>();
  for (const o of outcomes) {
    if (o.status === 'quarantined') continue;
    const key = `${o.status.padEnd(17)} ${o.kind ?? 'unknown'}`;
    const group = groups.get(key) ?? { files: 0, rows: 0, replaced: 0 };
    group.files += 1;
    group.rows += o.rows;
    group.replaced += o.replaced.length;
    groups.set(key, group);
  }
  const grouped = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([key, g]) =>
        `${key}  ${plural(g.files, 'file')}, ${plural(g.rows, 'row')}` +
        (g.replaced > 0 ? `, replacing ${plural(g.replaced, 'earlier version')}` : ''),
    );
  // Problems are always shown one by one: quarantined files, and files with fatal findings.
  const problems = outcomes.filter((o) => o.status === 'quarantined' || o.fatalFindings > 0);
  return [...grouped, ...problems.map(line)];
}

/** The run in one line. */
export function totalsLine(outcomes: readonly FileOutcome[]): string {
  const c = runCounts(outcomes);
  const parts = [
    `${c.loaded} loaded (${plural(c.rows, 'row')})`,
    ...(c.replaced > 0 ? [`${c.replaced} replaced`] : []),
    `${c.skipped} skipped`,
    `${c.quarantined} quarantined`,
    ...(c.fatalFindings > 0 ? [`${plural(c.fatalFindings, 'fatal finding')}`] : []),
  ];
  return `ingest: ${parts.join(', ')}`;
}
