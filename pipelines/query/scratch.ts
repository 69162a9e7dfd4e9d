/**
 * `roam sql --write`: statements may create, fill, change and drop objects in the warehouse's
 * `scratch` schema (and temporary ones), and nothing else. Two checks, both by DuckDB itself:
 *
 * - After every statement, the warehouse's catalog outside `scratch` (every schema, table, view,
 *   column, index, sequence, macro, type and constraint, with its object id, so that even a table
 *   replaced by an identical one shows) must be as it was before the first. This catches every
 *   CREATE, DROP, ALTER and COMMENT outside `scratch`.
 * - Before a statement that writes rows (INSERT, UPDATE, DELETE, MERGE), it is prepared in a
 *   sandbox: an in-memory copy of the catalog without data, where every table outside `scratch`
 *   is a view, into which DuckDB refuses to write. Only a statement whose target is a table of
 *   `scratch` (or a temporary one) prepares there.
 *
 * Everything runs in one transaction, rolled back when a statement is refused or fails.
 */
import { DuckDBInstance, StatementType, type DuckDBConnection } from '@duckdb/node-api';
import { scratchSchema, warehouseCatalog } from '../lib/warehouse.ts';

/** What --write runs: queries, and what creates, changes or drops, checked as above. */
export const writeKinds: ReadonlySet<StatementType> = new Set([
  StatementType.SELECT,
  StatementType.EXPLAIN,
  StatementType.CREATE,
  StatementType.CREATE_FUNC,
  StatementType.DROP,
  StatementType.ALTER,
  StatementType.INSERT,
  StatementType.UPDATE,
  StatementType.DELETE,
  StatementType.MERGE_INTO,
]);

/** Statements that write rows: their target is checked in the sandbox. */
export const rowWriteKinds: ReadonlySet<StatementType> = new Set([
  StatementType.INSERT,
  StatementType.UPDATE,
  StatementType.DELETE,
  StatementType.MERGE_INTO,
]);

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function rows(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const prepared = await connection.prepare(sql);
  const values: Record<string, string> = { db: warehouseCatalog, scratch: scratchSchema };
  for (let i = 1; i <= prepared.parameterCount; i++)
    prepared.bindVarchar(i, values[prepared.parameterName(i)] ?? '');
  return (await prepared.runAndReadAll()).getRowObjectsJson();
}

/**
 * The catalog, one sorted line per thing it holds: outside `scratch` in the warehouse (what must
 * not change), or everything in the warehouse and the temporary catalogs (what the sandbox copies).
 */
export async function catalogLines(
  connection: DuckDBConnection,
  scope: 'outside scratch' | 'all',
): Promise<string[]> {
  const where =
    scope === 'all'
      ? `database_name IN ($db, 'temp', 'memory')`
      : `database_name = $db AND schema_name <> $scratch`;
  const name = (object: string) =>
    `${scope === 'all' ? "database_name || '.' || " : ''}schema_name || '.' || ${object}`;
  const lines = await rows(
    connection,
    `SELECT concat_ws(' ', 'schema', ${scope === 'all' ? "database_name || '.' || " : ''}schema_name, oid, comment) AS line FROM duckdb_schemas() WHERE ${where}
     UNION ALL SELECT concat_ws(' ', 'table', ${name('table_name')}, table_oid, comment, sql) FROM duckdb_tables() WHERE ${where}
     UNION ALL SELECT concat_ws(' ', 'view', ${name('view_name')}, view_oid, comment, sql) FROM duckdb_views() WHERE ${where}
     UNION ALL SELECT concat_ws(' ', 'column', ${name("table_name || '.' || column_name")}, data_type, column_default, is_nullable, comment) FROM duckdb_columns() WHERE ${where}
     UNION ALL SELECT concat_ws(' ', 'index', ${name('index_name')}, index_oid, sql) FROM duckdb_indexes() WHERE ${where}
     UNION ALL SELECT concat_ws(' ', 'sequence', ${name('sequence_name')}, sequence_oid, last_value) FROM duckdb_sequences() WHERE ${where}
     UNION ALL SELECT concat_ws(' ', 'macro', ${name('function_name')}, function_oid) FROM duckdb_functions() WHERE ${where} AND NOT internal
     UNION ALL SELECT concat_ws(' ', 'type', ${name('type_name')}, type_oid) FROM duckdb_types() WHERE ${where} AND NOT internal
     UNION ALL SELECT concat_ws(' ', 'constraint', ${name('table_name')}, constraint_text) FROM duckdb_constraints() WHERE ${where}
     ORDER BY line`,
  );
  return lines.map((r) => String(r.line));
}

const kinds = [
  'schema',
  'table',
  'view',
  'macro',
  'sequence',
  'type',
  'index',
  'column',
  'constraint',
];

/**
 * What changed between two catalogs, the largest thing first (`view marts.dim_kpi` rather than
 * one of its columns), or undefined when nothing did.
 */
export function firstChange(
  before: readonly string[],
  after: readonly string[],
): string | undefined {
  const was = new Set(before);
  const is = new Set(after);
  const changed = [...after.filter((l) => !was.has(l)), ...before.filter((l) => !is.has(l))];
  const rank = (line: string) => kinds.indexOf(line.split(' ')[0] ?? '');
  const [first] = changed.sort((a, b) => rank(a) - rank(b));
  return first?.split(' ').slice(0, 2).join(' ');
}

interface Relation {
  database_name: string;
  schema_name: string;
  name: string;
  sql: string | null;
  is_table: boolean;
  columns: string[];
}

/** Every table and view of the warehouse and the temporary catalogs, with its columns. */
async function relations(connection: DuckDBConnection): Promise<Relation[]> {
  const found = await rows(
    connection,
    `WITH objects AS (
       SELECT database_name, schema_name, table_name AS name, sql, true AS is_table FROM duckdb_tables()
       UNION ALL SELECT database_name, schema_name, view_name, NULL, false FROM duckdb_views() WHERE NOT internal),
     cols AS (
       SELECT database_name, schema_name, table_name AS name,
         list('"' || replace(column_name, '"', '""') || '" ' || data_type ORDER BY column_index) AS columns
       FROM duckdb_columns() GROUP BY ALL)
     SELECT o.*, coalesce(c.columns, []) AS columns FROM objects o LEFT JOIN cols c USING (database_name, schema_name, name)
     WHERE o.database_name IN ($db, 'temp', 'memory')`,
  );
  return found as unknown as Relation[];
}

/** The catalog in memory, without data, where only scratch and temporary tables are tables. */
export class Sandbox {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  static async of(real: DuckDBConnection): Promise<Sandbox> {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const sandbox = new Sandbox(instance, connection);
    try {
      await connection.run(`ATTACH ':memory:' AS ${warehouseCatalog}`);
      for (const { schema_name } of await rows(
        real,
        `SELECT schema_name FROM duckdb_schemas() WHERE database_name = $db`,
      ))
        await connection.run(
          `CREATE SCHEMA IF NOT EXISTS ${warehouseCatalog}.${quote(String(schema_name))}`,
        );
      const writable = (r: { database_name: string; schema_name: string }) =>
        r.database_name !== warehouseCatalog || r.schema_name === scratchSchema;
      const sequences = await rows(
        real,
        `SELECT database_name, schema_name, sql FROM duckdb_sequences() WHERE database_name IN ($db, 'temp', 'memory')`,
      );
      for (const s of sequences as unknown as Relation[])
        if (writable(s)) await sandbox.runIn(s, s.sql ?? '');
      for (const r of await relations(real)) {
        const target = `${quote(r.database_name)}.${quote(r.schema_name)}.${quote(r.name)}`;
        const temporary = r.database_name === 'temp' ? 'TEMP ' : '';
        if (r.is_table && writable(r)) {
          const made = r.sql !== null && (await sandbox.runIn(r, r.sql));
          if (!made)
            await connection.run(`CREATE ${temporary}TABLE ${target} (${r.columns.join(', ')})`);
        } else {
          const columns = r.columns.map((c) => {
            const [, name = '', type = ''] = /^("(?:[^"]|"")*") (.*)$/s.exec(c) ?? [];
            return `CAST(NULL AS ${type}) AS ${name}`;
          });
          await connection.run(
            `CREATE ${temporary}VIEW ${target} AS SELECT ${columns.join(', ') || '1 AS "?"'} WHERE false`,
          );
        }
      }
      const macros = await rows(
        real,
        `SELECT database_name, schema_name, function_name, function_type, parameters, macro_definition
         FROM duckdb_functions() WHERE database_name IN ($db, 'temp', 'memory') AND NOT internal`,
      );
      for (const m of macros) {
        const place = m as unknown as Relation;
        const table = m.function_type === 'table_macro' ? 'TABLE ' : '';
        const temporary = place.database_name === 'temp' ? 'TEMP ' : '';
        const parameters = (m.parameters as string[]).join(', ');
        await sandbox.runIn(
          place,
          `CREATE ${temporary}MACRO ${quote(String(m.function_name))}(${parameters}) AS ${table}${String(m.macro_definition)}`,
        );
      }
      await connection.run(`USE ${warehouseCatalog}.${scratchSchema}`);
      await connection.run('SET enable_external_access = false');
      await connection.run('SET lock_configuration = true');
      return sandbox;
    } catch (error) {
      sandbox.close();
      throw error;
    }
  }

  /** Runs `sql` with the object's catalog and schema current; false when DuckDB refuses it. */
  private async runIn(place: { database_name: string; schema_name: string }, sql: string) {
    try {
      // Temporary objects say TEMP in their own SQL; the temp catalog cannot be made current.
      if (place.database_name !== 'temp')
        await this.connection.run(`USE ${quote(place.database_name)}.${quote(place.schema_name)}`);
      await this.connection.run(sql);
      return true;
    } catch {
      return false;
    }
  }

  /** Why statement `index` of `query` cannot be prepared here (undefined: it can). */
  async refusal(query: string, index: number): Promise<string | undefined> {
    try {
      const extracted = await this.connection.extractStatements(query);
      (await extracted.prepare(index)).destroySync();
      return undefined;
    } catch (error) {
      return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    }
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
