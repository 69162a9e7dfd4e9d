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

  it('says how many rows of the result it shows', () => {
    const text = formatTable(['n'], [[1], [2]], 130_000);
    expect(text.split('\n').at(-1)).toBe(
      '(130,000 rows, the first 2 shown: --max-rows N shows more, --format json all)',
    );
  });

  it('cuts long cells and keeps each row on one line', () => {
    const [, , row] = formatTable(['t'], [[`${'x'.repeat(100)}\nsecond line`]]).split('\n');
    expect(row).toBe(`${'x'.repeat(63)}…`);
  });

  it('takes a result far wider than a spread could hold', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [i]);
    expect(formatTable(['range'], rows).split('\n')).toHaveLength(200_003);
  });
});
