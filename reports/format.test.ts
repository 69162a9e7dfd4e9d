import { describe, expect, it } from 'vitest';
import { count, milliseconds, monthTitle, percent } from './format.ts';

describe('report formatting', () => {
  it('formats months, rates, counts and latencies for people', () => {
    expect(monthTitle('2026-10')).toBe('October 2026');
    expect(monthTitle('2025-01')).toBe('January 2025');
    expect(percent('0.9667')).toBe('96.7 %');
    expect(percent(null)).toBe('–');
    expect(count('1234567')).toBe('1,234,567');
    expect(milliseconds(285.4)).toBe('285 ms');
  });
});
