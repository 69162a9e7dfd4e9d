/**
 * Rows as an aligned text table for a terminal. Pure. Long cells are cut, a result longer than
 * the rows given shows its first and last rows with a `…` row between, and a table wider than the
 * terminal first narrows its widest columns, then leaves out middle columns (a `…` column); a note
 * at the end says what is not shown.
 */
import { asText } from './text.ts';

/** Cells wider than this are cut, with an ellipsis, so that a row fits a terminal. */
const maxCellWidth = 64;

/** Text columns are not narrowed below this width (or their own, when narrower) to fit a terminal. */
const minColumnWidth = 16;

const gap = 2;

const flat = (text: string) => text.replaceAll(/\s*\n\s*/g, ' ');

const clip = (text: string, width: number) =>
  text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;

const count = (n: number, what = 'row') =>
  `${n.toLocaleString('en')} ${n === 1 ? what : `${what}s`}`;

export interface TableLayout {
  /** Rows in the whole result (default: the rows given). */
  total?: number;
  /**
   * When the result has more rows than given: how many of those given are its first rows; the
   * others are its last rows (default: all are the first rows).
   */
  head?: number;
  /** Fit every line into this many characters (a terminal's width); default: no limit. */
  width?: number;
  /** Cells are cut at this width (default 64). */
  maxCell?: number;
  /** Columns aligned right (numbers). */
  alignRight?: readonly boolean[];
  /** Columns never narrowed to fit (numbers, dates: a cut value would read as another). */
  whole?: readonly boolean[];
  /** Seconds the query took, said with the row count. */
  seconds?: number;
  /** How to see every row, said when some are not shown. */
  moreRows?: string;
  /** How to see every column, said when some are left out. */
  moreColumns?: string;
}

/**
 * Which columns fit `limit` (-1: the `…` column standing for those left out), and their widths.
 * Columns marked `whole` keep their width; the others may narrow down to 16 characters.
 */
export function fitColumns(
  natural: readonly number[],
  limit: number,
  whole: readonly boolean[] = [],
): { shown: number[]; widths: number[] } {
  const widths = [...natural];
  const all = widths.map((_, i) => i);
  const span = (columns: readonly number[]) =>
    columns.reduce((sum, i) => sum + (i < 0 ? 1 : (widths[i] ?? 0)), 0) +
    gap * Math.max(0, columns.length - 1);
  let excess = span(all) - limit;
  while (excess > 0) {
    const floorOf = (i: number) =>
      whole[i] === true ? (natural[i] ?? 0) : Math.min(minColumnWidth, natural[i] ?? 0);
    const narrowable = all.filter((i) => (widths[i] ?? 0) > floorOf(i));
    if (narrowable.length === 0) break;
    let widest = narrowable[0] ?? 0;
    for (const i of narrowable) if ((widths[i] ?? 0) > (widths[widest] ?? 0)) widest = i;
    const width = widths[widest] ?? 0;
    const floor = floorOf(widest);
    const second = Math.max(
      0,
      ...narrowable.filter((i) => i !== widest).map((i) => widths[i] ?? 0),
    );
    const target = Math.max(floor, Math.min(width - 1, Math.max(second, width - excess)));
    excess -= width - target;
    widths[widest] = target;
  }
  if (excess <= 0) return { shown: all, widths };
  // Still too wide: keep columns from both ends, as many as fit beside a `…` column.
  const left: number[] = [];
  const right: number[] = [];
  let used = 1;
  for (let k = 0; k < all.length; k++) {
    const i = k % 2 === 0 ? k / 2 : all.length - 1 - (k - 1) / 2;
    const need = (widths[i] ?? 0) + gap;
    if (used + need > limit) break;
    used += need;
    if (k % 2 === 0) left.push(i);
    else right.unshift(i);
  }
  if (left.length === 0) {
    widths[0] = Math.max(1, limit - 1 - gap);
    left.push(0);
  }
  return { shown: [...left, -1, ...right], widths };
}

export function formatTable(
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  layout: TableLayout = {},
): string {
  const total = layout.total ?? rows.length;
  const cut = layout.maxCell ?? maxCellWidth;
  const header = columns.map((name) => clip(flat(name), cut));
  const cells = rows.map((row) => row.map((value) => clip(flat(asText(value, 'NULL')), cut)));
  const natural = header.map((name) => name.length);
  for (const row of cells)
    for (const [i, text] of row.entries()) natural[i] = Math.max(natural[i] ?? 0, text.length);
  const { shown, widths } =
    layout.width === undefined
      ? { shown: natural.map((_, i) => i), widths: natural }
      : fitColumns(natural, layout.width, layout.whole);
  const line = (values: readonly string[]) =>
    shown
      .map((i) => {
        if (i < 0) return '…';
        const text = clip(values[i] ?? '', widths[i] ?? 0);
        const width = widths[i] ?? 0;
        return layout.alignRight?.[i] === true ? text.padStart(width) : text.padEnd(width);
      })
      .join(' '.repeat(gap))
      .trimEnd();
  const rule = shown.map((i) => (i < 0 ? '…' : '-'.repeat(widths[i] ?? 0))).join(' '.repeat(gap));
  const body = cells.map(line);
  const cutRows = total > rows.length;
  const head = Math.min(layout.head ?? rows.length, rows.length);
  if (cutRows && head < rows.length) body.splice(head, 0, line(columns.map(() => '…')));
  const time = layout.seconds === undefined ? '' : ` in ${layout.seconds.toFixed(3)} s`;
  const which =
    head < rows.length
      ? `the first ${head.toLocaleString('en')} and the last ${(rows.length - head).toLocaleString('en')}`
      : `the first ${rows.length.toLocaleString('en')}`;
  const notes = [
    cutRows
      ? `(${count(total)}${time}, ${which} shown${layout.moreRows === undefined ? '' : `: ${layout.moreRows}`})`
      : `(${count(total)}${time})`,
  ];
  if (shown.includes(-1)) {
    const more = layout.moreColumns === undefined ? '' : `: ${layout.moreColumns}`;
    notes.push(
      `(${count(columns.length, 'column')}, ${count(shown.length - 1, 'column')} shown${more})`,
    );
  }
  return [line(header), rule, ...body, ...notes].join('\n');
}
