/**
 * The one way to open the DuckDB warehouse: open, use, always close. Only one process may hold
 * the file for writing, so commands open it as late and close it as early as they can, and
 * never while SQLMesh runs.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { WarehouseError } from './errors.ts';

export type AccessMode = 'read' | 'write';

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
  return new WarehouseError(`cannot open warehouse ${file}: ${text.split('\n')[0] ?? text}`, {
    cause: error,
    fix: 'check the path given by --warehouse or ROAM_WAREHOUSE',
  });
}

async function open(file: string, mode: AccessMode): Promise<DuckDBInstance> {
  if (mode === 'read' && !existsSync(file)) {
    throw new WarehouseError(`warehouse ${file} does not exist`, {
      fix: "run 'roam ingest' (or 'roam demo') first, or point --warehouse at an existing file",
    });
  }
  if (mode === 'write') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  try {
    return await DuckDBInstance.create(file, {
      access_mode: mode === 'read' ? 'READ_ONLY' : 'READ_WRITE',
    });
  } catch (error) {
    throw openError(file, error);
  }
}

/** Opens the warehouse, runs `work` with a connection, and closes everything, whatever happens. */
export async function withWarehouse<T>(
  file: string,
  mode: AccessMode,
  work: (connection: DuckDBConnection) => Promise<T>,
): Promise<T> {
  const instance = await open(file, mode);
  try {
    const connection = await instance.connect();
    try {
      // Timestamps are UTC everywhere; icu is built in but only loads after open.
      await connection.run("SET TimeZone = 'UTC'");
      return await work(connection);
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

/** Quotes a string as a SQL literal. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
