import { JsonDuckDBValueConverter, type DuckDBPreparedStatement } from '@duckdb/node-api';
import { stringOption, wholeNumber, type Command } from '../lib/command.ts';
import { UsageError } from '../lib/errors.ts';
import { jsonReplacer, type Output } from '../lib/output.ts';
import { prepareReadOnly, QueryError } from '../lib/sql-guard.ts';
import { formatTable } from '../lib/table-text.ts';
import { withWarehouse } from '../lib/warehouse.ts';

/** Rows a text table shows unless --max-rows says otherwise; the rest are counted, not kept. */
const defaultMaxRows = 1000;

function maxRowsOf(value: string | undefined): number {
  return wholeNumber('max-rows', value, { min: 1, example: 5000 }) ?? defaultMaxRows;
}

const failed = (error: unknown) =>
  new QueryError(`query failed: ${(error as Error).message.split('\n')[0] ?? ''}`, {
    cause: error,
    fix: 'check the query; list tables with roam sql "SHOW ALL TABLES"',
  });

/** Streams a statement's result as a text table: the first `maxRows` rows, the others counted. */
async function printTable(
  statement: DuckDBPreparedStatement,
  maxRows: number,
  output: Output,
): Promise<void> {
  const result = await statement.stream();
  const rows: unknown[][] = [];
  let total = 0;
  for (let chunk = await result.fetchChunk(); chunk !== null; chunk = await result.fetchChunk()) {
    if (chunk.rowCount === 0) break;
    const room = maxRows - rows.length;
    if (room > 0) {
      const json = chunk.convertRows(JsonDuckDBValueConverter);
      for (const row of json.slice(0, room)) rows.push(row);
    }
    total += chunk.rowCount;
  }
  output.result(formatTable(result.columnNames(), rows, total));
}

/** Streams a statement's result as one JSON array of row objects, a row per line. */
async function printJson(statement: DuckDBPreparedStatement, output: Output): Promise<void> {
  const result = await statement.stream();
  let previous: string | undefined;
  output.result('[');
  for await (const objects of result.yieldRowObjectJson()) {
    for (const object of objects) {
      if (previous !== undefined) output.result(`  ${previous},`);
      previous = JSON.stringify(object, jsonReplacer);
    }
  }
  if (previous !== undefined) output.result(`  ${previous}`);
  output.result(']');
}

export const sqlCommand: Command = {
  name: 'sql',
  summary: 'run a read-only SQL query against the warehouse and print the result',
  help: `Usage: roam sql "SELECT …" [--max-rows N]

Runs the query on a read-only connection (the marts are in the marts schema, e.g.
marts.fct_signalling_success_monthly) and prints a table, or JSON rows with --format json.
Numbers, decimals and timestamps are printed exactly. Several statements separated by ';' run in
turn: a table each, or in JSON the last one's rows.

Only queries run (SELECT, WITH, FROM, VALUES, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN): a statement that
would write, read or list files, open another database, change a setting or create anything, even
a temporary table, is refused before any statement runs, one line each, exit 1.

Options:
  --max-rows N   rows a table shows (default ${defaultMaxRows}); the others are counted. JSON has
                 every row, streamed`,
  options: { 'max-rows': { type: 'string' } },
  async run({ values, positionals }, { warehouse, output }) {
    const query = positionals.join(' ').trim();
    if (query === '') throw new UsageError('no query given', { fix: 'roam sql "SELECT …"' });
    const maxRows = maxRowsOf(stringOption(values, 'max-rows'));
    await withWarehouse(warehouse, 'query', async (connection) => {
      const statements = await prepareReadOnly(connection, query);
      const last = statements.length - 1;
      for (const [i, statement] of statements.entries()) {
        try {
          if (output.format === 'json') {
            if (i === last) await printJson(statement, output);
            else await statement.run();
          } else {
            if (i > 0) output.result('');
            await printTable(statement, maxRows, output);
          }
        } catch (error) {
          throw failed(error);
        }
      }
    });
    return 0;
  },
};
