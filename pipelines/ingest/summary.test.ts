import { describe, expect, it } from 'vitest';
import type { FileOutcome } from './registry-store.ts';
import { summaryLines, totalsLine } from './summary.ts';

const outcome = (
  i: number,
  kind: string,
  status: FileOutcome['status'],
  rows: number,
): FileOutcome => ({
  file: `/in/f${i}`,
  fileId: String(i),
  kind,
  format: 'ber',
  status,
  rows,
  reason: status === 'quarantined' ? `/in/f${i}: truncated at byte 9` : null,
  sizeBytes: 10,
  logicalKey: null,
  replaced: [],
  fatalFindings: 0,
});

describe('summaryLines', () => {
  it('lists every file when there are few', () => {
    const lines = summaryLines(
      [outcome(1, 'tap', 'loaded', 5), outcome(2, 'tap', 'quarantined', 0)],
      '/in',
    );
    expect(lines).toEqual([
      'loaded            f1  5 rows',
      'quarantined       f2  /in/f2: truncated at byte 9',
    ]);
  });

  it('groups many files by status and kind, and still lists each quarantined one', () => {
    const many = [
      ...Array.from({ length: 40 }, (_, i) => outcome(i, 'tap', 'loaded', 2)),
      outcome(40, 'rap', 'loaded', 3),
      outcome(41, 'tap', 'skipped-duplicate', 0),
      outcome(42, 'nrtrde', 'quarantined', 0),
    ];
    expect(summaryLines(many, '/in')).toEqual([
      'loaded            rap  1 file, 3 rows',
      'loaded            tap  40 files, 80 rows',
      'skipped-duplicate tap  1 file, 0 rows',
      'quarantined       f42  /in/f42: truncated at byte 9',
    ]);
  });

  it('says what a file replaced and the fatal findings it was loaded with, listed or grouped', () => {
    const replacing = {
      ...outcome(1, 'probe-xdr', 'loaded', 50),
      replaced: [{ file: '/in/old/f1', fileId: 'x', rows: 100 }],
    };
    const flawed = { ...outcome(2, 'tap', 'loaded', 7), fatalFindings: 2 };
    expect(summaryLines([replacing, flawed], '/in')).toEqual([
      'loaded            f1  50 rows, replaced 100 rows of old/f1',
      'loaded            f2  7 rows, loaded with 2 fatal findings (roam decode shows them)',
    ]);
    const many = [
      replacing,
      flawed,
      ...Array.from({ length: 30 }, (_, i) => outcome(i + 3, 'tap', 'loaded', 1)),
    ];
    expect(summaryLines(many, '/in')).toEqual([
      'loaded            probe-xdr  1 file, 50 rows, replacing 1 earlier version',
      'loaded            tap  31 files, 37 rows',
      'loaded            f2  7 rows, loaded with 2 fatal findings (roam decode shows them)',
    ]);
    expect(totalsLine(many)).toBe(
      'ingest: 32 loaded (87 rows), 1 replaced, 0 skipped, 0 quarantined, 2 fatal findings',
    );
  });
});
