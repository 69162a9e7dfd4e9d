/** Formatting for people: pure functions used by the report templates. */

/** '2026-10' → 'October 2026'. */
export function monthTitle(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m - 1, 1)).toLocaleString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** A fraction as a percentage with one decimal ('0.9667' → '96.7 %'); '–' when absent. */
export function percent(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  return `${(Number(value) * 100).toFixed(1)} %`;
}

/** A whole number with thousands separators. */
export function count(value: unknown): string {
  if (value === null || value === undefined) return '–';
  return Number(value).toLocaleString('en-GB');
}

/** Milliseconds with no decimals. */
export function milliseconds(value: unknown): string {
  if (value === null || value === undefined) return '–';
  return `${Math.round(Number(value)).toLocaleString('en-GB')} ms`;
}
