import { asText } from './text.ts';

/** Rows as an aligned text table for a terminal. Pure. */
export function formatTable(
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): string {
  const cell = (value: unknown) => asText(value, 'NULL');
  const cells = rows.map((row) => row.map(cell));
  const widths = columns.map((name, i) =>
    Math.max(name.length, ...cells.map((r) => (r[i] ?? '').length)),
  );
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const count = `(${rows.length} ${rows.length === 1 ? 'row' : 'rows'})`;
  return [line(columns), rule, ...cells.map(line), count].join('\n');
}
