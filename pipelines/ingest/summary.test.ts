import { describe, expect, it } from 'vitest';
import type { FileOutcome } from './registry-store.ts';
import { summaryLines } from './summary.ts';

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
      'loaded            rap  1 files, 3 rows',
      'loaded            tap  40 files, 80 rows',
      'skipped-duplicate tap  1 files, 0 rows',
      'quarantined       f42  /in/f42: truncated at byte 9',
    ]);
  });
});
