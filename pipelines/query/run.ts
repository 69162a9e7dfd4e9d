/**
 * Runs a `roam sql` query: reading (every statement prepared and checked before any runs,
 * lib/sql-guard.ts) or, with --write, writing the scratch schema (scratch.ts); each statement's
 * result as a table, or the last one's in the chosen format or --out file.
 */
import {
  StatementType,
  type DuckDBConnection,
  type DuckDBPreparedStatement,
} from '@duckdb/node-api';
import { RoamError } from '../lib/errors.ts';
import type { Output } from '../lib/output.ts';
import { prepareReadOnly, QueryRefused, reasonFor, statementLabel } from '../lib/sql-guard.ts';
import { withWarehouse } from '../lib/warehouse.ts';
import { discardOut, keepOut, writeOut, type OutFile } from './out-file.ts';
import { bindParams, checkParamsUsed } from './params.ts';
import { copyParquet } from './parquet.ts';
import type { QueryText } from './query-text.ts';
import { catalogLines, firstChange, rowWriteKinds, Sandbox, writeKinds } from './scratch.ts';
import { tableOf } from './table-stream.ts';
import { streamText, type TextFormat } from './text-stream.ts';

export interface SqlRequest {
  query: QueryText;
  params: ReadonlyMap<string, string>;
  /** Statements may write the scratch schema. */
  write: boolean;
  out: OutFile | undefined;
  /** Rows a text table shows at most. */
  maxRows: number;
}

const kindName = (type: StatementType) => StatementType[type] ?? 'unknown';

const seconds = (started: number) => `${((performance.now() - started) / 1000).toFixed(3)} s`;

const rowCount = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'row' : 'rows'}`;

/** Runs a statement whose rows are not shown, reading them chunk by chunk (none kept). */
async function drain(statement: DuckDBPreparedStatement): Promise<void> {
  const result = await statement.stream();
  for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0;) {
    chunk = await result.fetchChunk();
  }
}

/** Rows written to --out, once written. */
interface Written {
  rows?: number;
  started: number;
}

/** Shows or writes what statement `index` of `count` returns. */
async function emit(
  connection: DuckDBConnection,
  statement: DuckDBPreparedStatement,
  at: { index: number; count: number },
  request: SqlRequest,
  output: Output,
  written: Written,
): Promise<void> {
  const last = at.index === at.count - 1;
  const started = performance.now();
  const { out } = request;
  if (out !== undefined || output.format !== 'text') {
    if (!last) return drain(statement);
    if (out === undefined) {
      await streamText(await statement.stream(), output.format as TextFormat, output);
      return;
    }
    written.started = started;
    if (out.format === 'parquet') {
      if (statement.statementType !== StatementType.SELECT)
        throw new QueryRefused(
          `--out ${out.file} writes a query's rows; the last statement is ${kindName(statement.statementType)}`,
        );
      written.rows = await copyParquet(
        connection,
        request.query.statementText(at.index, at.count),
        request.params,
        out,
      );
    } else written.rows = await writeOut(await statement.stream(), out);
    return;
  }
  if (at.index > 0) output.result('');
  const kind = statement.statementType;
  if (kind === StatementType.SELECT) {
    const width = output.terminalWidth;
    output.result(
      await tableOf(await statement.stream(), { maxRows: request.maxRows, width, started }),
    );
  } else if (kind === StatementType.EXPLAIN) {
    const plan = (await statement.runAndReadAll()).getRowsJson();
    for (const row of plan) output.result(typeof row[1] === 'string' ? row[1] : '');
  } else {
    const changed = (await statement.run()).rowsChanged;
    const what = changed > 0 ? `${rowCount(changed)} changed` : 'done';
    output.result(`(${kindName(kind)}: ${what} in ${seconds(started)})`);
  }
}

/** Runs every statement once all have been prepared and found to only read. */
async function runReading(
  connection: DuckDBConnection,
  request: SqlRequest,
  output: Output,
  written: Written,
) {
  const { query } = request;
  const failure = (error: unknown, at?: { index: number; count: number }) =>
    query.failure(error, at === undefined ? undefined : { ...at, connection });
  const statements = await prepareReadOnly(connection, query.text, failure);
  for (const statement of statements) bindParams(statement, request.params);
  const count = statements.length;
  for (const [index, statement] of statements.entries()) {
    try {
      await emit(connection, statement, { index, count }, request, output, written);
    } catch (error) {
      if (error instanceof RoamError) throw error;
      throw await failure(error, { index, count });
    }
  }
}

/** Runs the statements one by one in a transaction, each checked against the scratch rules. */
async function runWriting(
  connection: DuckDBConnection,
  request: SqlRequest,
  output: Output,
  written: Written,
) {
  const { query } = request;
  const before = await catalogLines(connection, 'outside scratch');
  let sandbox: { catalog: string; sandbox: Sandbox } | undefined;
  const refuse = (i: number, count: number, kind: StatementType | undefined, why: string) =>
    new QueryRefused(
      `${statementLabel(i, count)}${kind === undefined ? '' : ` (${kindName(kind)})`} is refused: ${why}`,
      { fix: '--write writes only the scratch schema (scratch.NAME): nothing was changed' },
    );
  await connection.run('BEGIN TRANSACTION');
  try {
    let extracted;
    try {
      extracted = await connection.extractStatements(query.text);
    } catch (error) {
      throw await query.failure(error);
    }
    const count = extracted.count;
    for (let index = 0; index < count; index++) {
      const at = { index, count, connection };
      let statement: DuckDBPreparedStatement;
      try {
        statement = await extracted.prepare(index);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (message.startsWith('Permission Error'))
          throw refuse(
            index,
            count,
            undefined,
            `it reaches outside the warehouse (${message.split('\n')[0] ?? ''})`,
          );
        throw await query.failure(error, at);
      }
      const kind = statement.statementType;
      if (!writeKinds.has(kind)) throw refuse(index, count, kind, reasonFor(kind));
      if (rowWriteKinds.has(kind)) {
        // The sandbox is made again only when the catalog has changed since it was made.
        const catalog = (await catalogLines(connection, 'all')).join('\n');
        if (sandbox === undefined || catalog !== sandbox.catalog) {
          sandbox?.sandbox.close();
          const made = await Sandbox.of(connection).catch((error: unknown) => {
            const why = (error instanceof Error ? error.message : String(error)).split('\n')[0];
            throw refuse(index, count, kind, `roam cannot check where it writes rows (${why})`);
          });
          sandbox = { catalog, sandbox: made };
        }
        const why = await sandbox.sandbox.refusal(query.text, index);
        if (why !== undefined)
          throw refuse(index, count, kind, `it writes rows outside the scratch schema (${why})`);
      }
      bindParams(statement, request.params);
      try {
        await emit(connection, statement, at, request, output, written);
      } catch (error) {
        if (error instanceof RoamError) throw error;
        throw await query.failure(error, at);
      }
      const change = firstChange(before, await catalogLines(connection, 'outside scratch'));
      if (change !== undefined)
        throw refuse(index, count, kind, `it changes ${change}, outside the scratch schema`);
    }
    await connection.run('COMMIT');
  } catch (error) {
    // Whatever failed is what the user sees; a transaction DuckDB already aborted rolls back too.
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    sandbox?.sandbox.close();
  }
}

export async function runSql(
  warehouse: string,
  request: SqlRequest,
  output: Output,
): Promise<void> {
  checkParamsUsed(request.query.text, request.params);
  const { out } = request;
  const writableFile = out?.format === 'parquet' ? out.temp : undefined;
  const written: Written = { started: performance.now() };
  try {
    await withWarehouse(
      warehouse,
      request.write ? 'scratch' : 'query',
      (connection) =>
        request.write
          ? runWriting(connection, request, output, written)
          : runReading(connection, request, output, written),
      { writableFile },
    );
    if (out !== undefined && written.rows !== undefined) {
      await keepOut(out);
      const rows = written.rows;
      if (output.format === 'json') output.json({ file: out.file, format: out.format, rows });
      else
        output.result(`(${rowCount(rows)} written to ${out.file} in ${seconds(written.started)})`);
    }
  } finally {
    if (out !== undefined) await discardOut(out);
  }
}
