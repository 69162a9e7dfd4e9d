/**
 * One row as a line of CSV, TSV, Markdown or JSON lines. Pure; the values come from
 * values.ts (text formats) or DuckDB's exact JSON converter (JSON formats).
 */
import { jsonReplacer } from '../lib/output.ts';

/** RFC 4180: quoted when it holds the separator, a quote or a line break; "" is the empty text. */
export function csvField(value: string | null, separator = ','): string {
  if (value === null) return '';
  if (value === '' || value.includes(separator) || /["\r\n]/.test(value)) {
    return `"${value.replaceAll('"', '""')}"`;
  }
  return value;
}

export const csvLine = (values: readonly (string | null)[]): string =>
  values.map((v) => csvField(v)).join(',');

/** TSV: tab, line breaks and backslash escaped as \t, \n, \r and \\; NULL is empty. */
export function tsvField(value: string | null): string {
  if (value === null) return '';
  return value.replaceAll(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

export const tsvLine = (values: readonly (string | null)[]): string =>
  values.map(tsvField).join('\t');

/** A Markdown table cell: pipes escaped, line breaks as <br>, NULL empty. */
export function markdownCell(value: string | null): string {
  if (value === null) return '';
  return value.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll(/\r?\n/g, '<br>');
}

export const markdownLine = (values: readonly (string | null)[]): string =>
  `| ${values.map(markdownCell).join(' | ')} |`;

/** The header and alignment rows of a Markdown table; numeric columns align right. */
export function markdownHeader(columns: readonly string[], numeric: readonly boolean[]): string {
  const rule = columns.map((_, i) => (numeric[i] === true ? '---:' : '---'));
  return `${markdownLine(columns)}\n| ${rule.join(' | ')} |`;
}

/** A row object as one line of JSON (BIGINT and DECIMAL are exact strings already). */
export const jsonLine = (row: Record<string, unknown>): string => JSON.stringify(row, jsonReplacer);
