/**
 * `--out FILE.parquet`: DuckDB's own Parquet writer, given the user's query by roam, not by the
 * user's SQL. The query, already prepared and found to be a query on the sealed connection, is
 * wrapped as `COPY (query) TO 'temporary file' (FORMAT parquet)`; the connection was opened with
 * that one file as the only path it may reach (pipelines/lib/warehouse.ts), so the COPY can write
 * nothing else. Its parameters are bound, never written into the text.
 */
import { StatementType, type DuckDBConnection } from '@duckdb/node-api';
import { UsageError } from '../lib/errors.ts';
import { sqlString } from '../lib/warehouse.ts';
import { bindParams } from './params.ts';
import type { OutFile } from './out-file.ts';

const single = 'give --out FILE.parquet one query (or end each statement with ;)';

/** Copies the rows of `statement` (the query's last statement's text) into the Parquet file. */
export async function copyParquet(
  connection: DuckDBConnection,
  statement: string | undefined,
  params: ReadonlyMap<string, string>,
  out: OutFile,
): Promise<number> {
  if (statement === undefined)
    throw new UsageError('cannot tell where the last statement starts', { fix: single });
  const copy = `COPY (\n${statement}\n) TO ${sqlString(out.temp)} (FORMAT parquet)`;
  const extracted = await connection.extractStatements(copy).catch(() => undefined);
  if (extracted?.count !== 1)
    throw new UsageError('cannot copy the last statement', { fix: single });
  const prepared = await extracted.prepare(0);
  if (prepared.statementType !== StatementType.COPY)
    throw new UsageError('cannot copy the last statement', { fix: single });
  bindParams(prepared, params);
  const result = await prepared.runAndReadAll();
  return Number(result.getRowsJson()[0]?.[0] ?? 0);
}
