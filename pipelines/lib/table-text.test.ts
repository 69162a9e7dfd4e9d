import { describe, expect, it } from 'vitest';
import { formatTable } from './table-text.ts';

describe('formatTable', () => {
  it('aligns columns, shows NULL and counts rows', () => {
    expect(
      formatTable(
        ['a', 'long'],
        [
          ['1', null],
          ['22', 'x'],
        ],
      ),
    ).toBe(['a   long', '--  ----', '1   NULL', '22  x', '(2 rows)'].join('\n'));
  });
});
