import { asText } from './text.ts';

/** Cells wider than this are cut, with an ellipsis, so that a row fits a terminal. */
const maxCellWidth = 64;

const clip = (text: string) => {
  const flat = text.replaceAll(/\s*\n\s*/g, ' ');
  return flat.length <= maxCellWidth ? flat : `${flat.slice(0, maxCellWidth - 1)}…`;
};

const plural = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'row' : 'rows'}`;

/**
 * Rows as an aligned text table for a terminal. Pure. `total` is the result's row count when only
 * its first rows are given: the last line then says how many are shown.
 */
export function formatTable(
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  total = rows.length,
): string {
  const cells = rows.map((row) => row.map((value) => clip(asText(value, 'NULL'))));
  const widths = columns.map((name) => clip(name).length);
  for (const row of cells)
    for (const [i, text] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, text.length);
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const count =
    total > rows.length
      ? `(${plural(total)}, the first ${rows.length.toLocaleString('en')} shown: --max-rows N shows more, --format json all)`
      : `(${plural(total)})`;
  return [line(columns.map(clip)), rule, ...cells.map(line), count].join('\n');
}
