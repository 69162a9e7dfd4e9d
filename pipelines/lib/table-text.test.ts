import { describe, expect, it } from 'vitest';
import { fitColumns, formatTable } from './table-text.ts';

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

  it('aligns numbers right and says how long the query took', () => {
    const text = formatTable(
      ['n', 't'],
      [
        ['5', 'a'],
        ['120', 'b'],
      ],
      {
        alignRight: [true, false],
        seconds: 0.0421,
      },
    );
    expect(text).toBe(['  n  t', '---  -', '  5  a', '120  b', '(2 rows in 0.042 s)'].join('\n'));
  });

  it('says how many rows of the result it shows', () => {
    const text = formatTable(['n'], [[1], [2]], { total: 130_000, moreRows: '--max-rows N' });
    expect(text.split('\n').at(-1)).toBe('(130,000 rows, the first 2 shown: --max-rows N)');
  });

  it("shows a long result's first and last rows with a … row between", () => {
    const text = formatTable(['n'], [[1], [2], [9], [10]], { total: 10, head: 2 });
    expect(text.split('\n')).toEqual([
      'n',
      '--',
      '1',
      '2',
      '…',
      '9',
      '10',
      '(10 rows, the first 2 and the last 2 shown)',
    ]);
  });

  it('cuts long cells and keeps each row on one line', () => {
    const [, , row] = formatTable(['t'], [[`${'x'.repeat(100)}\nsecond line`]]).split('\n');
    expect(row).toBe(`${'x'.repeat(63)}…`);
  });

  it('fits a terminal: narrows the widest column, then leaves out middle columns', () => {
    const narrowed = formatTable(['id', 'text'], [['1', 'y'.repeat(60)]], { width: 30 });
    for (const line of narrowed.split('\n').slice(0, -1))
      expect(line.length).toBeLessThanOrEqual(30);
    expect(narrowed.split('\n')[2]).toBe(`1   ${'y'.repeat(25)}…`);

    const columns = Array.from({ length: 20 }, (_, i) => `column_${i}`);
    const wide = formatTable(columns, [columns.map((c) => `${c}_value`)], {
      width: 80,
      moreColumns: '--format csv shows all',
    });
    const lines = wide.split('\n');
    for (const line of lines.slice(0, 3)) expect(line.length).toBeLessThanOrEqual(80);
    expect(lines[0]).toMatch(/^column_0 .* … .* column_19$/);
    expect(lines.at(-1)).toMatch(/^\(20 columns, \d columns shown: --format csv shows all\)$/);
  });

  it('takes a result far wider than a spread could hold', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [i]);
    expect(formatTable(['range'], rows).split('\n')).toHaveLength(200_003);
  });
});

describe('fitColumns', () => {
  it('keeps every column when they fit, and never narrows text below 16 characters', () => {
    expect(fitColumns([5, 5], 12)).toEqual({ shown: [0, 1], widths: [5, 5] });
    expect(fitColumns([40, 40], 50)).toEqual({ shown: [0, 1], widths: [24, 24] });
    expect(fitColumns([30, 30, 30, 30], 40)).toEqual({
      shown: [0, -1, 3],
      widths: [16, 16, 16, 16],
    });
  });

  it('never narrows a whole column (numbers, dates): it leaves columns out instead', () => {
    expect(fitColumns([40, 12], 30, [false, true])).toEqual({ shown: [0, 1], widths: [16, 12] });
    expect(fitColumns([20, 20, 20], 30, [true, true, true]).shown).toEqual([0, -1]);
  });
});
