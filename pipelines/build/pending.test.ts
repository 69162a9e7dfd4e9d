import { describe, expect, it } from 'vitest';
import { monthBounds } from './pending.ts';

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
