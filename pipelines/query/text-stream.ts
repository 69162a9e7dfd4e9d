/**
 * A result streamed as CSV, TSV, JSON, JSON lines or Markdown: one DuckDB chunk (2,048 rows) at a
 * time, each written before the next is fetched, so memory does not grow with the result.
 */
import {
  JsonDuckDBValueConverter,
  type DuckDBDataChunk,
  type DuckDBResult,
} from '@duckdb/node-api';
import { csvLine, jsonLine, markdownHeader, markdownLine, tsvLine } from './row-text.ts';
import { isNumeric } from './types.ts';
import { textConverter } from './values.ts';

/** Where streamed text goes: stdout or a file; resolves when it can take more. */
export interface Sink {
  write(text: string): Promise<void>;
}

export type TextFormat = 'csv' | 'tsv' | 'json' | 'jsonl' | 'markdown';

interface Shape {
  header(columns: string[], result: DuckDBResult): string;
  rows(chunk: DuckDBDataChunk, columns: string[], first: boolean): string;
  footer(rows: number): string;
}

const lines = (rows: string[]) => (rows.length === 0 ? '' : `${rows.join('\n')}\n`);

const textShape = (line: (values: (string | null)[]) => string): Shape => ({
  header: (columns) => `${line(columns)}\n`,
  rows: (chunk) => lines(chunk.convertRows(textConverter).map(line)),
  footer: () => '',
});

const objects = (chunk: DuckDBDataChunk, columns: string[]) =>
  chunk
    .convertRows(JsonDuckDBValueConverter)
    .map((row) => Object.fromEntries(columns.map((name, i) => [name, row[i]])));

const shapes: Record<TextFormat, Shape> = {
  csv: textShape(csvLine),
  tsv: textShape(tsvLine),
  markdown: {
    header: (columns, result) =>
      `${markdownHeader(
        columns,
        result.columnTypes().map((t) => isNumeric(t.typeId)),
      )}\n`,
    rows: (chunk) => lines(chunk.convertRows(textConverter).map(markdownLine)),
    footer: () => '',
  },
  jsonl: {
    header: () => '',
    rows: (chunk, columns) => lines(objects(chunk, columns).map(jsonLine)),
    footer: () => '',
  },
  // One array, a row object per line.
  json: {
    header: () => '[',
    rows: (chunk, columns, first) =>
      objects(chunk, columns)
        .map((row, i) => `${first && i === 0 ? '\n' : ',\n'}  ${jsonLine(row)}`)
        .join(''),
    footer: (rows) => (rows === 0 ? ']\n' : '\n]\n'),
  },
};

/** Writes `result` to `sink` in `format`; resolves to the number of rows written. */
export async function streamText(
  result: DuckDBResult,
  format: TextFormat,
  sink: Sink,
): Promise<number> {
  const shape = shapes[format];
  const columns =
    format === 'json' || format === 'jsonl'
      ? result.deduplicatedColumnNames()
      : result.columnNames();
  await sink.write(shape.header(columns, result));
  let rows = 0;
  for (let chunk = await result.fetchChunk(); chunk !== null; chunk = await result.fetchChunk()) {
    if (chunk.rowCount === 0) break;
    await sink.write(shape.rows(chunk, columns, rows === 0));
    rows += chunk.rowCount;
  }
  await sink.write(shape.footer(rows));
  return rows;
}
