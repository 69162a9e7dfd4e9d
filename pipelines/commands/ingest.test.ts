import { describe, expect, it } from 'vitest';
import { UsageError } from '../lib/errors.ts';
import { defaultWorkerCount } from '../ingest/decode-pool.ts';
import { parseWorkers } from './ingest.ts';

describe('roam ingest --workers', () => {
  it('takes a whole number, 0 for decoding in the main thread; by default one per core', () => {
    expect(parseWorkers('0')).toBe(0);
    expect(parseWorkers('3')).toBe(3);
    expect(parseWorkers(undefined)).toBe(defaultWorkerCount());
    for (const bad of ['-1', '1.5', 'two', '', '65'])
      expect(() => parseWorkers(bad), bad).toThrow(UsageError);
  });

  it('defaults to the cores there are, at least one and at most eight', () => {
    expect([1, 2, 6, 64].map((cores) => defaultWorkerCount(cores))).toEqual([1, 2, 6, 8]);
  });
});
