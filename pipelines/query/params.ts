/**
 * Named parameters (`--param month=2026-10`): bound to the prepared statements as text values
 * (DuckDB casts them to the type the query gives the parameter), never written into the SQL.
 */
import type { DuckDBPreparedStatement } from '@duckdb/node-api';
import { UsageError } from '../lib/errors.ts';

const fix = 'give each as --param NAME=VALUE, NAME as the query writes it after $ ($month)';

/** `NAME=VALUE` options as a map; a name given twice, or no `=`, is a usage error. */
export function parseParams(options: readonly string[]): Map<string, string> {
  const params = new Map<string, string>();
  for (const option of options) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*|\d+)=(.*)$/s.exec(option);
    if (match === null) throw new UsageError(`--param '${option}' is not NAME=VALUE`, { fix });
    const [, name = '', value = ''] = match;
    if (params.has(name)) throw new UsageError(`--param ${name} is given twice`, { fix });
    params.set(name, value);
  }
  return params;
}

/** Refuses a parameter the query never names (a typo would otherwise go unnoticed). */
export function checkParamsUsed(query: string, params: ReadonlyMap<string, string>): void {
  for (const name of params.keys()) {
    const used = /^\d+$/.test(name)
      ? new RegExp(`\\$${name}(?!\\d)|\\?`).test(query)
      : new RegExp(`\\$${name}(?![A-Za-z0-9_])`).test(query);
    if (!used) {
      throw new UsageError(`--param ${name} is not used: the query has no $${name}`, {
        fix: 'name it in the query as $' + name + ', or leave the --param out',
      });
    }
  }
}

/** Binds every parameter of `statement`; one it names but no --param gives is a usage error. */
export function bindParams(
  statement: DuckDBPreparedStatement,
  params: ReadonlyMap<string, string>,
): void {
  const missing: string[] = [];
  for (let i = 1; i <= statement.parameterCount; i++) {
    const name = statement.parameterName(i);
    const value = params.get(name);
    if (value === undefined) missing.push(name);
    else statement.bindVarchar(i, value);
  }
  if (missing.length > 0) {
    const names = missing.map((n) => `$${n}`).join(', ');
    throw new UsageError(`the query uses ${names} but no value was given`, {
      fix: missing.map((n) => `--param ${n}=VALUE`).join(' '),
    });
  }
}
