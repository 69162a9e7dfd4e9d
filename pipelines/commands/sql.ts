import type { Command } from '../lib/command.ts';
import { RoamError, UsageError } from '../lib/errors.ts';
import { formatTable } from '../lib/table-text.ts';
import { withWarehouse } from '../lib/warehouse.ts';

/** A query the database rejected (syntax, unknown table…): a known failure, not a crash. */
class QueryError extends RoamError {}

export const sqlCommand: Command = {
  name: 'sql',
  summary: 'run a read-only SQL query against the warehouse and print the result',
  help: `Usage: roam sql "SELECT …"

Runs the query on a read-only connection (the marts are in the marts schema, e.g.
marts.fct_signalling_success_monthly) and prints a table, or JSON rows with --format json.
Numbers, decimals and timestamps are printed exactly.`,
  options: {},
  async run({ positionals }, { warehouse, output }) {
    const query = positionals.join(' ').trim();
    if (query === '') throw new UsageError('no query given', { fix: 'roam sql "SELECT …"' });
    const { columns, rows, objects } = await withWarehouse(
      warehouse,
      'read',
      async (connection) => {
        try {
          const reader = await connection.runAndReadAll(query);
          return {
            columns: reader.columnNames(),
            rows: reader.getRowsJson(),
            objects: output.format === 'json' ? reader.getRowObjectsJson() : [],
          };
        } catch (error) {
          throw new QueryError(`query failed: ${(error as Error).message.split('\n')[0]}`, {
            cause: error,
            fix: 'check the query; list tables with roam sql "SHOW ALL TABLES"',
          });
        }
      },
    );
    if (output.format === 'json') output.json(objects);
    else output.result(formatTable(columns, rows));
    return 0;
  },
};
