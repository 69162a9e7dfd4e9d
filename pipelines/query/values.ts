/**
 * Values as the text formats print them (table, CSV, TSV, Markdown): DuckDB's own spelling
 * (`12.3400`, `2026-10-01 12:00:00`, `[1, 2]`, `3 days`), exact for BIGINT, DECIMAL and
 * timestamps; NULL as null, for each format to spell.
 */
import { DuckDBTypeId, type DuckDBValueConverter } from '@duckdb/node-api';

/** The shortest decimal that reads back as the same 32-bit float (DuckDB prints FLOAT so). */
export function floatText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  for (let digits = 1; digits < 9; digits++) {
    const text = value.toPrecision(digits);
    if (Math.fround(Number(text)) === value) return String(Number(text));
  }
  return String(value);
}

export const textConverter: DuckDBValueConverter<string> = (value, type) => {
  if (value === null) return null;
  if (type.typeId === DuckDBTypeId.FLOAT && typeof value === 'number') return floatText(value);
  return String(value);
};
