/**
 * What a user's SQL may do on a `query` connection (lib/warehouse.ts): read. The connection is
 * already sealed (read-only, no file access, settings locked); this refuses, before anything runs,
 * every statement that is not a query, with one line each saying why.
 */
import {
  StatementType,
  type DuckDBConnection,
  type DuckDBPreparedStatement,
} from '@duckdb/node-api';
import { RoamError } from './errors.ts';

/** A query the database rejected (syntax, unknown table…): a known failure, not a crash. */
export class QueryError extends RoamError {}

/** Statements roam sql will not run: one line per statement refused. */
export class QueryRefused extends RoamError {}

/** SELECT, WITH, FROM, VALUES, DESCRIBE, SHOW, SUMMARIZE and PRAGMA reads all prepare as SELECT. */
const reading: ReadonlySet<StatementType> = new Set([StatementType.SELECT, StatementType.EXPLAIN]);

const why: Partial<Record<StatementType, string>> = {
  [StatementType.COPY]: 'it writes or reads files',
  [StatementType.EXPORT]: 'it writes files',
  [StatementType.COPY_DATABASE]: 'it copies a database',
  [StatementType.ATTACH]: 'it opens another database',
  [StatementType.DETACH]: 'it closes the warehouse',
  [StatementType.SET]: 'it changes a setting',
  [StatementType.VARIABLE_SET]: 'it sets a variable',
  [StatementType.PRAGMA]: 'it changes a setting',
  [StatementType.CALL]: 'it calls a procedure (CHECKPOINT is one)',
  [StatementType.LOAD]: 'it loads an extension',
  [StatementType.EXTENSION]: 'it installs an extension',
  [StatementType.UPDATE_EXTENSIONS]: 'it updates extensions',
  [StatementType.TRANSACTION]: 'it controls a transaction',
  [StatementType.VACUUM]: 'it rewrites storage',
};

const reasonFor = (type: StatementType) =>
  why[type] ?? 'it would change the database (temporary objects included)';

const firstLine = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

/**
 * Prepares every statement of `sql`, in order, and returns them when all of them only read.
 * Nothing has run when it throws. Statements are prepared one after another, so a later one may
 * not refer to what an earlier one would have made (no earlier one may make anything).
 */
export async function prepareReadOnly(
  connection: DuckDBConnection,
  sql: string,
): Promise<DuckDBPreparedStatement[]> {
  const extracted = await connection.extractStatements(sql).catch((error: unknown) => {
    const message = firstLine(error).replace(/^Failed to extract statements: /, '');
    throw new QueryError(`query failed: ${message}`, { cause: error });
  });
  if (extracted.count === 0) throw new QueryError('no statement in the query');
  const prepared: DuckDBPreparedStatement[] = [];
  const refused: string[] = [];
  const label = (i: number) =>
    extracted.count === 1 ? 'the statement' : `statement ${i + 1} of ${extracted.count}`;
  for (let i = 0; i < extracted.count; i++) {
    try {
      const statement = await extracted.prepare(i);
      if (reading.has(statement.statementType)) prepared.push(statement);
      else {
        const type = StatementType[statement.statementType] ?? 'unknown';
        refused.push(`${label(i)} (${type}) is refused: ${reasonFor(statement.statementType)}`);
      }
    } catch (error) {
      const message = firstLine(error);
      if (!message.startsWith('Permission Error')) {
        throw new QueryError(`query failed in ${label(i)}: ${message}`, {
          cause: error,
          fix: 'check the query; list tables with roam sql "SHOW ALL TABLES"',
        });
      }
      refused.push(`${label(i)} is refused: it reaches outside the warehouse (${message})`);
    }
  }
  if (refused.length === 1) {
    throw new QueryRefused(refused[0] ?? '', {
      fix: 'roam sql only reads the warehouse: nothing was run',
    });
  }
  if (refused.length > 1) {
    const lines = refused.map((line) => `\n  ${line}`).join('');
    throw new QueryRefused(`roam sql only reads the warehouse; nothing was run:${lines}`);
  }
  return prepared;
}
