import { stringOption, wholeNumber, type Command, type OptionValues } from '../lib/command.ts';
import { UsageError } from '../lib/errors.ts';
import { withWarehouse } from '../lib/warehouse.ts';
import { describeTable, listMarts } from '../query/catalog.ts';
import { outFileFor } from '../query/out-file.ts';
import { parseParams } from '../query/params.ts';
import { runSql } from '../query/run.ts';
import { readQuery } from '../query/source.ts';

/** Rows a text table shows unless --max-rows says otherwise: on a terminal, and elsewhere. */
const defaultMaxRows = { terminal: 40, other: 1000 };

function maxRowsOf(value: string | undefined, terminal: boolean): number {
  return (
    wholeNumber('max-rows', value, { min: 1, example: 5000 }) ??
    (terminal ? defaultMaxRows.terminal : defaultMaxRows.other)
  );
}

const list = (values: OptionValues, name: string): string[] => {
  const value = values[name];
  return Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];
};

export const sqlCommand: Command = {
  name: 'sql',
  readsMarts: true,
  summary:
    'query the warehouse: a table, CSV, JSON, Parquet or Arrow (read-only; --write: scratch)',
  help: `Usage: roam sql "SELECT …" [options]
       roam sql --file q.sql [options]        (or the query on standard input)
       roam sql --tables | --describe marts.NAME

Runs the query on a sealed connection to the warehouse and prints each statement's result. The
marts are in the marts schema (roam sql --tables lists them, e.g. marts.fct_partner_kpi_monthly);
docs/marts.md is their data dictionary and sql/analyses/ holds example queries. Numbers, decimals
and timestamps are printed exactly. Short options: -f for --file, -o for --out.

Output:
  on a terminal, an aligned table per statement with its row count and time; a long result shows
  its first and last rows, a wide one leaves out middle columns, and a note says so
  --format csv|tsv|json|jsonl|markdown   the last statement's rows, streamed (any size)
  --out FILE        the last statement's rows into FILE, in the format its extension names:
                    .parquet (DuckDB's writer), .arrow (Arrow IPC, for pandas and polars), .csv,
                    .tsv, .json, .jsonl, .md; written whole or not at all; prints the row count
                    (--format json: as JSON)
  --max-rows N      rows a table shows (default ${defaultMaxRows.terminal} on a terminal, else ${defaultMaxRows.other})

Parameters:
  --param NAME=VALUE   a value for $NAME in the query, bound by DuckDB (never written into the
                       SQL); repeatable. Values are text, cast to the type the query gives them
                       (write $n::INTEGER where DuckDB cannot tell)

Safety: only queries run (SELECT, WITH, FROM, VALUES, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN): a
statement that would write, read or list files, open another database, change a setting or create
anything is refused before any statement runs, one line each, exit 1.
  --write   statements may also create, fill, change and drop tables, views and macros in the
            scratch schema (created when missing, and the default for unqualified names), and
            temporary ones; nothing else: a statement that would change raw, reference, staging,
            intermediate, marts, SQLMesh's schemas or anything outside the warehouse is refused and
            everything is rolled back. The statements run in one transaction, in order.

Catalog (the descriptions are SQLMesh's, from each model's description and column_descriptions):
  --tables            the marts with their descriptions
  --describe NAME     a mart's columns with their types and descriptions (marts.NAME, or
                      schema.NAME for any table or view)

Errors: DuckDB's message with the line and column in the query (and the file), exit 1.`,
  formats: ['text', 'json', 'jsonl', 'csv', 'tsv', 'markdown'],
  options: {
    'max-rows': { type: 'string' },
    file: { type: 'string', short: 'f' },
    param: { type: 'string', multiple: true },
    out: { type: 'string', short: 'o' },
    write: { type: 'boolean' },
    tables: { type: 'boolean' },
    describe: { type: 'string' },
  },
  async run({ values, positionals }, { warehouse, output }) {
    const describe = stringOption(values, 'describe');
    if (values.tables === true || describe !== undefined) {
      if (positionals.length > 0 || values.file !== undefined)
        throw new UsageError('--tables and --describe take no query', {
          fix: 'run the query on its own',
        });
      await withWarehouse(warehouse, 'query', (connection) =>
        describe === undefined
          ? listMarts(connection, output)
          : describeTable(connection, describe, output),
      );
      return 0;
    }
    const outPath = stringOption(values, 'out');
    if (outPath !== undefined && output.format !== 'text' && output.format !== 'json')
      throw new UsageError(
        `--out writes the format its extension names, not --format ${output.format}`,
        {
          fix: 'leave --format out (or --format json for the summary as JSON)',
        },
      );
    const request = {
      query: await readQuery(positionals, stringOption(values, 'file')),
      params: parseParams(list(values, 'param')),
      write: values.write === true,
      out: outPath === undefined ? undefined : outFileFor(outPath),
      maxRows: maxRowsOf(stringOption(values, 'max-rows'), output.terminalWidth !== undefined),
    };
    await runSql(warehouse, request, output);
    return 0;
  },
};
