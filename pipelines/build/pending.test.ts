import { describe, expect, it } from 'vitest';
import { clampToCompleteMonths, monthBounds } from './pending.ts';

describe('monthBounds', () => {
  it('widens an event range to whole months, leap years included', () => {
    expect(monthBounds('2026-10-15 10:00:00', '2026-10-15 11:00:00')).toEqual({
      start: '2026-10-01',
      end: '2026-10-31',
    });
    expect(monthBounds('2023-12-31 23:59:59', '2024-02-01 00:00:00')).toEqual({
      start: '2023-12-01',
      end: '2024-02-29',
    });
    expect(monthBounds('2026-11-01', '2026-11-30')).toEqual({
      start: '2026-11-01',
      end: '2026-11-30',
    });
  });
});

describe('clampToCompleteMonths', () => {
  const now = new Date('2026-11-25T06:40:00Z');

  it('ends a restatement with the last complete month', () => {
    expect(clampToCompleteMonths({ start: '2026-09-01', end: '2026-11-30' }, now)).toEqual({
      start: '2026-09-01',
      end: '2026-10-31',
    });
    expect(clampToCompleteMonths({ start: '2026-09-01', end: '2026-09-30' }, now)).toEqual({
      start: '2026-09-01',
      end: '2026-09-30',
    });
  });

  it('has nothing to restate when only the current month changed', () => {
    expect(clampToCompleteMonths({ start: '2026-11-01', end: '2026-11-30' }, now)).toBeUndefined();
    expect(
      clampToCompleteMonths(
        { start: '2026-01-01', end: '2026-01-31' },
        new Date('2026-01-05T00:00:00Z'),
      ),
    ).toBeUndefined();
  });
});
