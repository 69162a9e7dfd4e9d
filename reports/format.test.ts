import { describe, expect, it } from 'vitest';
import {
  count,
  kpiMargin,
  kpiValue,
  milliseconds,
  money,
  monthTitle,
  movementArrow,
  percent,
  previousMonth,
  statusLabel,
} from './format.ts';

describe('report formatting', () => {
  it('formats months, rates, counts and latencies for people', () => {
    expect(monthTitle('2026-10')).toBe('October 2026');
    expect(monthTitle('2025-01')).toBe('January 2025');
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(percent('0.9667')).toBe('96.7 %');
    expect(percent(null)).toBe('–');
    expect(count('1234567')).toBe('1,234,567');
    expect(milliseconds(285.4)).toBe('285 ms');
  });

  it('formats KPI values and margins in their unit', () => {
    expect(kpiValue('0.777778', 'ratio')).toBe('77.78 %');
    expect(kpiValue('190.99', 'ms')).toBe('191.0 ms');
    expect(kpiValue('3.806087', 'MOS')).toBe('3.81');
    expect(kpiValue('0.0499', 'percent')).toBe('0.050 %');
    expect(kpiMargin('-0.143222', 'ratio')).toBe('−14.32 pp');
    expect(kpiMargin('313.55', 'ms')).toBe('+313.6 ms');
    expect(statusLabel('insufficient-sample')).toBe('insufficient sample');
    expect(movementArrow('down')).toBe('↓');
    expect(movementArrow(null)).toBe('–');
  });

  it('keeps money exact, digit for digit, with its currency', () => {
    expect(money('33.348000', 'EUR', 3)).toBe('33.348 EUR');
    expect(money('1234567.000010', 'XDR', 6)).toBe('1,234,567.000010 SDR');
    expect(money('0.000000', 'EUR')).toBe('0.00 EUR');
    expect(money('90071992547409931.123456', 'EUR')).toBe('90,071,992,547,409,931.123456 EUR');
    expect(() => money(1e21, 'EUR')).toThrow(/not an exact amount/);
  });
});
