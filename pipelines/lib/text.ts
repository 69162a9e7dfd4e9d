/** A value read from DuckDB's JSON form (string, number, boolean, null, list, struct) as text. */
export function asText(value: unknown, empty = ''): string {
  if (value === null || value === undefined) return empty;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  return JSON.stringify(value);
}
