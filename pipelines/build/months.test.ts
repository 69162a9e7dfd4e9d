import { describe, expect, it } from 'vitest';
import { UsageError } from '../lib/errors.ts';
import { lastCompleteMonth, monthRuns, monthsOf, parseRestateMonths } from './months.ts';

const now = new Date('2026-12-01T08:00:00Z');

describe('parseRestateMonths', () => {
  it('takes months repeated or comma-separated, sorted and once each', () => {
    expect(parseRestateMonths(['2026-10', '2026-08, 2026-10', '2025-12'], now)).toEqual([
      '2025-12',
      '2026-08',
      '2026-10',
    ]);
    expect(parseRestateMonths([], now)).toEqual([]);
  });

  it('refuses what is not a month, and months not complete yet, naming the value', () => {
    for (const bad of ['2026-13', '2026-8', '2026/08', 'august', '2026-08-01', '']) {
      expect(() => parseRestateMonths([bad], now)).toThrow(UsageError);
      expect(() => parseRestateMonths([bad], now)).toThrow(`not '${bad}'`);
    }
    expect(() => parseRestateMonths(['2026-12'], now)).toThrow(
      /2026-12: that month is not complete yet.*up to 2026-11/,
    );
    expect(lastCompleteMonth(new Date('2027-01-01T00:00:00Z'))).toBe('2026-12');
  });
});

describe('month ranges', () => {
  it('lists the months of a range and joins consecutive months into one range', () => {
    expect(monthsOf({ start: '2025-11-01', end: '2026-02-28' })).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(monthRuns(['2026-02', '2025-12', '2026-01', '2026-05', '2026-02'])).toEqual([
      { start: '2025-12-01', end: '2026-02-28' },
      { start: '2026-05-01', end: '2026-05-31' },
    ]);
    expect(monthRuns([])).toEqual([]);
  });
});
