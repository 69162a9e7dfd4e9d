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
  [StatementType.COPY]: 'it writes or reads files (roam sql --out FILE writes a result)',
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

/** Why a statement of this kind is refused. */
export const reasonFor = (type: StatementType): string =>
  why[type] ??
  'it would change the database (temporary objects included; --write: the scratch schema)';

/** Statement `i` of `count`, as refusals name it. */
export const statementLabel = (i: number, count: number): string =>
  count === 1 ? 'the statement' : `statement ${i + 1} of ${count}`;

/** Where a failed statement is: `index` of `count`, or undefined when the whole text failed to parse. */
export type FailurePlace = { index: number; count: number } | undefined;

/** Turns DuckDB's error into the QueryError shown (roam sql places it in the query). */
export type Failure = (error: unknown, at: FailurePlace) => Promise<Error>;

const firstLine = (error: unknown) =>
  ((error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '').replace(
    /^Failed to extract statements: /,
    '',
  );

const plainFailure: Failure = (error, at) => {
  const where = at === undefined ? '' : ` in ${statementLabel(at.index, at.count)}`;
  return Promise.resolve(
    new QueryError(`query failed${where}: ${firstLine(error)}`, {
      cause: error,
      fix: 'check the query; list tables with roam sql "SHOW ALL TABLES"',
    }),
  );
};

/**
 * Prepares every statement of `sql`, in order, and returns them when all of them only read.
 * Nothing has run when it throws. Statements are prepared one after another, so a later one may
 * not refer to what an earlier one would have made (no earlier one may make anything).
 */
export async function prepareReadOnly(
  connection: DuckDBConnection,
  sql: string,
  failure: Failure = plainFailure,
): Promise<DuckDBPreparedStatement[]> {
  let extracted;
  try {
    extracted = await connection.extractStatements(sql);
  } catch (error) {
    throw await failure(error, undefined);
  }
  if (extracted.count === 0) throw new QueryError('no statement in the query');
  const prepared: DuckDBPreparedStatement[] = [];
  const refused: string[] = [];
  const label = (i: number) => statementLabel(i, extracted.count);
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
        throw await failure(error, { index: i, count: extracted.count });
      }
      refused.push(`${label(i)} is refused: it reaches outside the warehouse (${message})`);
    }
  }
  if (refused.length === 1) {
    throw new QueryRefused(refused[0] ?? '', {
      fix: 'roam sql only reads the warehouse (with --write, it writes the scratch schema): nothing was run',
    });
  }
  if (refused.length > 1) {
    const lines = refused.map((line) => `\n  ${line}`).join('');
    throw new QueryRefused(`roam sql only reads the warehouse; nothing was run:${lines}`);
  }
  return prepared;
}
