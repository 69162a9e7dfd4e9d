/**
 * The query as the user gave it (argument, file or standard input), and its failures as one
 * line saying where: `query failed at line 3, column 8 of q.sql: Binder Error: …`.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { QueryError } from '../lib/sql-guard.ts';
import { messageLine, placeText, pointedOffset } from './error-place.ts';
import { splitStatements, type Segment } from './statements.ts';

const fix =
  'check the query; roam sql --tables lists the marts, --describe marts.NAME their columns';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class QueryText {
  /** Where each statement starts, by the text's semicolons (used only to place errors). */
  readonly segments: Segment[];

  constructor(
    readonly text: string,
    /** The file it was read from, when it was. */
    readonly file?: string,
  ) {
    this.segments = splitStatements(text);
  }

  /** The text of statement `index` as DuckDB cut it, when the semicolons agree with its count. */
  statementText(index: number, count: number): string | undefined {
    if (this.segments.length !== count) return undefined;
    const segment = this.segments[index];
    return segment === undefined ? undefined : this.text.slice(segment.start, segment.end);
  }

  /**
   * A QueryError for `error`, raised by statement `index` of `count` (undefined: by parsing the
   * whole text). Where DuckDB gives no place for a later statement, that statement alone is
   * prepared again on `connection` to find it.
   */
  async failure(
    error: unknown,
    at?: { index: number; count: number; connection?: DuckDBConnection },
  ): Promise<QueryError> {
    const message = messageOf(error);
    let offset: number | undefined;
    if (at === undefined || at.index === 0) offset = pointedOffset(message, this.text);
    else {
      const own = this.statementText(at.index, at.count);
      const start = this.segments[at.index]?.start ?? 0;
      if (own !== undefined) {
        offset = pointedOffset(message, own);
        if (offset === undefined && at.connection !== undefined) {
          const again = await reprepare(at.connection, own);
          const relative = again === undefined ? undefined : pointedOffset(again, own);
          if (relative !== undefined && messageLine(again ?? '') === messageLine(message))
            offset = start + relative;
        }
      }
    }
    const statement =
      at === undefined || at.count === 1 ? '' : `statement ${at.index + 1} of ${at.count}`;
    let place = '';
    if (offset !== undefined) {
      place = ` at ${placeText(this.text, offset)}${this.file === undefined ? '' : ` of ${this.file}`}`;
      if (statement !== '') place += ` (${statement})`;
    } else if (this.file !== undefined) {
      place = ` in ${this.file}${statement === '' ? '' : ` (${statement})`}`;
    } else if (statement !== '') place = ` in ${statement}`;
    return new QueryError(`query failed${place}: ${messageLine(message)}`, { cause: error, fix });
  }
}

/** The error preparing `statement` alone gives, if any. */
async function reprepare(
  connection: DuckDBConnection,
  statement: string,
): Promise<string | undefined> {
  try {
    const extracted = await connection.extractStatements(statement);
    if (extracted.count !== 1) return undefined;
    const prepared = await extracted.prepare(0);
    prepared.destroySync();
    return undefined;
  } catch (error) {
    return messageOf(error);
  }
}
