import { describe, expect, it } from 'vitest';
import { progressLine } from './progress.ts';

describe('progressLine', () => {
  const base = {
    label: 'ingest',
    files: 1,
    totalFiles: 4,
    records: 50_000,
    bytes: 25,
    totalBytes: 100,
    seconds: 10,
  };

  it('shows files, records, rate and an ETA from the bytes left', () => {
    expect(progressLine(base)).toBe('ingest: 1/4 files, 50,000 records, 5,000 records/s, ETA 0:30');
    expect(progressLine({ ...base, bytes: 1, totalBytes: 1000, seconds: 10 })).toBe(
      'ingest: 1/4 files, 50,000 records, 5,000 records/s, ETA 2h46m',
    );
  });

  it('says done at the end and copes with no time elapsed', () => {
    expect(progressLine({ ...base, files: 4, bytes: 100 })).toMatch(/, done$/);
    expect(progressLine({ ...base, seconds: 0 })).toBe(
      'ingest: 1/4 files, 50,000 records, 0 records/s, ETA –',
    );
  });
});
