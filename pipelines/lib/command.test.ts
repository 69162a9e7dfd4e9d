import { describe, expect, it } from 'vitest';
import { wholeNumber, type WholeNumberRange } from './command.ts';
import { describeError, UsageError } from './errors.ts';

const months: WholeNumberRange = { min: 1, max: 24, example: 2 };

function refusal(text: string, range: WholeNumberRange = months): string {
  try {
    wholeNumber('months', text, range);
  } catch (error) {
    if (error instanceof UsageError) return describeError(error);
    throw error;
  }
  throw new Error(`'${text}' was taken`);
}

describe('wholeNumber', () => {
  it('takes digits within the range, and nothing when the option is absent', () => {
    expect(wholeNumber('months', '1', months)).toBe(1);
    expect(wholeNumber('months', '24', months)).toBe(24);
    expect(wholeNumber('months', undefined, months)).toBeUndefined();
    expect(wholeNumber('events', '0', { min: 0, example: 10 })).toBe(0);
  });

  it('refuses signs, points, exponents, hex and values out of range in one line naming the option', () => {
    for (const bad of ['-1', '0', '25', '1.5', '1e1', '0x10', ' 2', '', 'two']) {
      expect(refusal(bad), bad).toBe(
        `--months takes a whole number from 1 to 24, not '${bad}' — fix: e.g. --months 2`,
      );
    }
    expect(refusal('99999999999999999999', { min: 1, example: 5 })).toBe(
      "--months takes a whole number of at least 1, not '99999999999999999999' — fix: e.g. --months 5",
    );
  });
});
