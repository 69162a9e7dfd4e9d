/**
 * Tabular files (CSV, Parquet, JSON lines) → raw tables, through DuckDB's own readers: columnar,
 * no row INSERTs. Columns are matched by name, in any order; optional ones may be missing.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { LoadError } from '../lib/errors.ts';
import { fileColumns } from '../columns/raw-table.ts';
import { sqlString } from '../lib/warehouse.ts';
import { byteOffsetOfLine, csvErrorLine, csvErrorSummary } from './csv-error.ts';
import type { RawTable } from '../columns/raw-table.ts';
import type { LoadResult, Loader } from './load-result.ts';

export type TabularFormat = 'csv' | 'parquet' | 'jsonl';

/** The DuckDB table function that reads a file, with types for the columns it names. */
function reader(format: TabularFormat, file: string, types?: Record<string, string>): string {
  const typed =
    types === undefined
      ? ''
      : `, ${format === 'csv' ? 'types' : 'columns'} = {${Object.entries(types)
          .map(([name, type]) => `${sqlString(name)}: ${sqlString(type)}`)
          .join(', ')}}`;
  switch (format) {
    case 'csv':
      return `read_csv(${sqlString(file)}, header = true${types === undefined ? ', all_varchar = true' : typed})`;
    case 'parquet':
      return `read_parquet(${sqlString(file)})`;
    case 'jsonl':
      return `read_json(${sqlString(file)}, format = 'newline_delimited'${typed})`;
  }
}

/** Delimiters a CSV header may use. */
const delimiters = [',', ';', '\t', '|'];

/**
 * A CSV whose sniffed header is one column holding delimiters: a row with another number of
 * fields kept DuckDB's sniffer from taking the header apart. Read it again with the header's
 * delimiter and its fields as columns, so that DuckDB names the row that does not fit.
 */
async function raggedCsv(connection: DuckDBConnection, file: string, header: string) {
  const delim = delimiters.find((d) => header.includes(d));
  if (delim === undefined) return undefined;
  const names = header.split(delim).map((n) => n.trim().replace(/^"(.*)"$/, '$1'));
  const columns = names.map((n) => `${sqlString(n)}: 'VARCHAR'`).join(', ');
  try {
    await connection.run(
      `SELECT count(*) FROM read_csv(${sqlString(file)}, auto_detect = false, header = true,
         delim = ${sqlString(delim)}, quote = '"', columns = {${columns}})`,
    );
  } catch (error) {
    throw await explain(file, error);
  }
  return names;
}

/** The column names a file holds, read by DuckDB without loading it. */
export async function columnNames(
  connection: DuckDBConnection,
  file: string,
  format: TabularFormat,
): Promise<string[]> {
  const result = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${reader(format, file)}`);
  const names = result.getRowObjectsJson().map((r) => String(r.column_name as string));
  const [only] = names;
  if (format === 'csv' && names.length === 1 && only !== undefined)
    return (await raggedCsv(connection, file, only)) ?? names;
  return names;
}

async function explain(file: string, error: unknown): Promise<LoadError> {
  const message = error instanceof Error ? error.message : String(error);
  const line = csvErrorLine(message);
  const offset = line === undefined ? undefined : await byteOffsetOfLine(file, line);
  const where =
    line === undefined ? 'byte 0' : `line ${line}${offset === undefined ? '' : `, byte ${offset}`}`;
  return new LoadError(`${file}: ${csvErrorSummary(message)} at ${where}`, file, { cause: error });
}

/** Loads a tabular file into `table`; `names`: the columns it has; `timeColumn` places its rows. */
export function tabularLoader(
  read: { table: RawTable; timeColumn: string | undefined },
  format: TabularFormat,
  names: readonly string[],
): Loader {
  const { table, timeColumn } = read;
  return async (connection, file, fileId): Promise<LoadResult> => {
    const present = new Set(names);
    const columns = fileColumns(table);
    const types = Object.fromEntries(
      columns.filter((c) => present.has(c.name)).map((c) => [c.name, c.type]),
    );
    const select = columns
      .map((c) => (present.has(c.name) ? `CAST("${c.name}" AS ${c.type})` : `NULL::${c.type}`))
      .join(', ');
    const into = columns.map((c) => c.name).join(', ');
    try {
      await connection.run(
        `INSERT INTO ${table.name} (${into}, file_id)
         SELECT ${select}, ${sqlString(fileId)} FROM ${reader(format, file, format === 'parquet' ? undefined : types)}`,
      );
    } catch (error) {
      throw await explain(file, error);
    }
    const time = timeColumn ?? 'NULL';
    const summary = await connection.runAndReadAll(
      `SELECT count(*) AS n, min(${time})::VARCHAR AS first, max(${time})::VARCHAR AS last
       FROM ${table.name} WHERE file_id = ${sqlString(fileId)}`,
    );
    const [row] = summary.getRowObjectsJson();
    return {
      rowsByTable: { [table.name.replace('raw.', '')]: Number(row?.n ?? 0) },
      firstEventAt: (row?.first as string | null | undefined) ?? null,
      lastEventAt: (row?.last as string | null | undefined) ?? null,
      release: null,
      sender: null,
      recipient: null,
      sequence: null,
      unknownTags: 0,
      fatalFindings: 0,
      testData: null,
    };
  };
}
