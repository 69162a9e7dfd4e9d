/**
 * The one way to open the DuckDB warehouse: open, use, always close. Only one process may hold
 * the file for writing, so commands open it as late and close it as early as they can, and
 * never while SQLMesh runs.
 *
 * The file is attached under one fixed catalog name, `roam`, whatever it is called and wherever it
 * lies: SQLMesh's gateway attaches it under the same name (sql/config.yaml), so the views it writes
 * (which name their catalog) resolve in a copied or renamed warehouse too.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { WarehouseError } from './errors.ts';

/** The catalog name the warehouse file is attached under, here and in SQLMesh's gateway. */
export const warehouseCatalog = 'roam';

/**
 * `read` and `write` are roam's own work; `query` is for SQL a user typed: read-only, and sealed
 * (no file, no other database, no setting can be reached once it is open). `scratch` is `roam sql
 * --write`: sealed the same way, but writable, with the `scratch` schema created when missing and
 * current (what else it may change is checked statement by statement, pipelines/query/scratch.ts).
 */
export type AccessMode = 'read' | 'write' | 'query' | 'scratch';

/** The schema `roam sql --write` writes into; nothing of roam's own ever lives there. */
export const scratchSchema = 'scratch';

export interface OpenOptions {
  /**
   * A file a sealed connection may still write (and read): where roam itself, not the user's SQL,
   * copies a result (roam sql --out FILE.parquet).
   */
  writableFile?: string;
}

/** Turns DuckDB's open errors into a one-line WarehouseError naming the cause and the fix. */
function openError(file: string, error: unknown): WarehouseError {
  const text = error instanceof Error ? error.message : String(error);
  const lock = /Conflicting lock is held in (.*?)(?: \(PID (\d+)\))?[.,]/.exec(text);
  if (lock !== null || text.includes('Could not set lock')) {
    const holder = lock?.[2] === undefined ? 'another process' : `process ${lock[2]} (${lock[1]})`;
    return new WarehouseError(`warehouse ${file} is locked by ${holder}`, {
      cause: error,
      fix: 'wait for it to finish or stop it, then run the command again',
    });
  }
  const cause = (text.split('\n')[0] ?? text).replace(/^IO Error: /, '');
  return new WarehouseError(`cannot open warehouse ${file}: ${cause}`, {
    cause: error,
    fix: 'check the path given by --warehouse or ROAM_WAREHOUSE',
  });
}

/** Statements that seal a `query` connection: run last, once the warehouse is attached. */
const sealing = ['SET enable_external_access = false', 'SET lock_configuration = true'];

async function open(
  file: string,
  mode: AccessMode,
  options: OpenOptions,
): Promise<{ instance: DuckDBInstance; connection: DuckDBConnection }> {
  const writes = mode === 'write' || mode === 'scratch';
  if (mode !== 'write' && !existsSync(file)) {
    throw new WarehouseError(`warehouse ${file} does not exist`, {
      fix: "run 'roam ingest' (or 'roam demo') first, or point --warehouse at an existing file",
    });
  }
  if (mode === 'write') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const instance = await DuckDBInstance.create(':memory:');
  try {
    const connection = await instance.connect();
    try {
      const readOnly = writes ? '' : ' (READ_ONLY)';
      await connection
        .run(`ATTACH ${sqlString(path.resolve(file))} AS ${warehouseCatalog}${readOnly}`)
        .catch((error: unknown) => {
          throw openError(file, error);
        });
      await connection.run(`USE ${warehouseCatalog}`);
      // Timestamps are UTC everywhere; icu is built in but only loads after open.
      await connection.run("SET TimeZone = 'UTC'");
      if (mode === 'scratch') {
        await connection.run(`CREATE SCHEMA IF NOT EXISTS ${scratchSchema}`);
        await connection.run(`USE ${warehouseCatalog}.${scratchSchema}`);
      }
      if (options.writableFile !== undefined)
        await connection.run(
          `SET allowed_paths = [${sqlString(path.resolve(options.writableFile))}]`,
        );
      if (mode === 'query' || mode === 'scratch')
        for (const statement of sealing) await connection.run(statement);
      return { instance, connection };
    } catch (error) {
      connection.closeSync();
      throw error;
    }
  } catch (error) {
    instance.closeSync();
    throw error;
  }
}

/** Opens the warehouse, runs `work` with a connection, and closes everything, whatever happens. */
export async function withWarehouse<T>(
  file: string,
  mode: AccessMode,
  work: (connection: DuckDBConnection) => Promise<T>,
  options: OpenOptions = {},
): Promise<T> {
  const { instance, connection } = await open(file, mode, options);
  try {
    return await work(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Quotes a string as a SQL literal. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
