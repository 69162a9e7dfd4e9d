/**
 * A result streamed into a text table: only the rows a table shows are kept (its first and its
 * last rows, the others counted), so a table of any result takes the same memory.
 */
import type { DuckDBDataChunk, DuckDBResult } from '@duckdb/node-api';
import { formatTable, type TableLayout } from '../lib/table-text.ts';
import { isNumeric, isWhole } from './types.ts';
import { textConverter } from './values.ts';

export interface TableOptions {
  /** Rows shown at most: half from the start of the result, half from its end. */
  maxRows: number;
  /** The terminal's width, when there is one. */
  width: number | undefined;
  /** When the query started (performance.now()), for the time said under the table. */
  started: number;
  /** Cells are cut at this width (default: the table's own, 64). */
  maxCell?: number;
}

/** Reads `result` to its end and returns it as a table of at most `maxRows` rows. */
export async function tableOf(result: DuckDBResult, options: TableOptions): Promise<string> {
  const headSize = Math.ceil(options.maxRows / 2);
  const tailSize = options.maxRows - headSize;
  const head: (string | null)[][] = [];
  // The last chunks, unconverted, holding at least the last `tailSize` rows seen after the head.
  const tail: { chunk: DuckDBDataChunk; from: number }[] = [];
  let tailRows = 0;
  let total = 0;
  for (let chunk = await result.fetchChunk(); chunk !== null; chunk = await result.fetchChunk()) {
    if (chunk.rowCount === 0) break;
    let from = 0;
    if (head.length < headSize) {
      const rows = chunk.convertRows(textConverter);
      from = Math.min(rows.length, headSize - head.length);
      head.push(...rows.slice(0, from));
    }
    if (from < chunk.rowCount && tailSize > 0) {
      tail.push({ chunk, from });
      tailRows += chunk.rowCount - from;
      while (tail.length > 1) {
        const first = tail[0] as { chunk: DuckDBDataChunk; from: number };
        const rows = first.chunk.rowCount - first.from;
        if (tailRows - rows < tailSize) break;
        tail.shift();
        tailRows -= rows;
      }
    }
    total += chunk.rowCount;
  }
  const last = tail.flatMap(({ chunk, from }) => chunk.convertRows(textConverter).slice(from));
  const shown = total <= options.maxRows ? [...head, ...last] : [...head, ...last.slice(-tailSize)];
  const layout: TableLayout = {
    total,
    head: headSize,
    width: options.width,
    ...(options.maxCell === undefined ? {} : { maxCell: options.maxCell }),
    alignRight: result.columnTypes().map((t) => isNumeric(t.typeId)),
    whole: result.columnTypes().map((t) => isWhole(t.typeId)),
    seconds: (performance.now() - options.started) / 1000,
    moreRows: '--max-rows N shows more, --format csv or --out FILE every row',
    moreColumns: 'a wider terminal or --format csv shows them all',
  };
  return formatTable(result.columnNames(), shown, layout);
}
