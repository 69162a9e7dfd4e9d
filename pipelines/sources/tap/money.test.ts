import { describe, expect, it } from 'vitest';
import { formatAmount } from './money.ts';

describe('formatAmount', () => {
  it.each([
    [1234n, 3, '1.234'],
    [5n, 3, '0.005'],
    [-5n, 2, '-0.05'],
    [0n, 6, '0.000000'],
    [9_007_199_254_740_993n, 6, '9007199254.740993'],
    [42n, 0, '42'],
    [42n, null, '42'],
  ])('%s at scale %s is %s', (value, scale, text) => expect(formatAmount(value, scale)).toBe(text));
});
