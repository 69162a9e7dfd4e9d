/**
 * Writes the warehouse's raw layer into the lake (pipelines/lake/layout.ts), as Parquet, for
 * engines that read files (Spark). Incremental: a source file's part is named by its file id, the
 * sha256 of its content, so a part on disk is never rewritten; the parts of files the warehouse no
 * longer holds (replaced by a newer version) are deleted, and only the new files' rows are read.
 * Every part is written under a hidden staging folder in the lake and renamed into place, so a
 * reader never sees half a part. The registry's own tables are one part each, replaced whole.
 */
import { mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { RawTable } from '../columns/raw-table.ts';
import { dataTablesOf, rawTablesOf } from '../ingest/raw-tables.ts';
import { sqlString, withWarehouse } from '../lib/warehouse.ts';
import {
  isHidden,
  monthColumnOf,
  noMonth,
  partFileId,
  tableFolder,
  wholeTablePart,
} from './layout.ts';

export interface LakeTableResult {
  table: string;
  /** A registry table: one part, rewritten whole every time. */
  whole: boolean;
  /** Parts written (new source files, per month) and deleted (replaced files). */
  written: number;
  removed: number;
  /** Rows in the parts written. */
  rows: number;
}

export interface LakeExportResult {
  lake: string;
  tables: LakeTableResult[];
  seconds: number;
}

/** Every `.parquet` file under `dir` (not in hidden folders), as paths. */
async function partsUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  });
  const found: string[] = [];
  for (const entry of entries) {
    if (isHidden(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await partsUnder(full)));
    else if (entry.name.endsWith('.parquet')) found.push(full);
  }
  return found;
}

async function removeEmptyFolders(dir: string, keep: string): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.isDirectory()) await removeEmptyFolders(path.join(dir, entry.name), keep);
  }
  if (dir !== keep) await rmdir(dir).catch(() => undefined);
}

const list = (values: readonly string[]) => `[${values.map(sqlString).join(', ')}]`;

async function scalar(connection: DuckDBConnection, sql: string): Promise<unknown> {
  const rows = await (await connection.run(sql)).getRows();
  return rows[0]?.[0];
}

/** Brings one data table's parts in line with the warehouse. */
async function exportDataTable(
  connection: DuckDBConnection,
  table: RawTable,
  lake: string,
  staging: string,
): Promise<LakeTableResult> {
  const folder = tableFolder(lake, table);
  const onDisk = await partsUnder(folder);
  const held = new Set(
    (await (await connection.run(`SELECT DISTINCT file_id FROM ${table.name}`)).getRows()).map(
      (row) => String(row[0]),
    ),
  );
  const present = new Set(onDisk.map((part) => partFileId(path.basename(part))));
  const stale = onDisk.filter((part) => !held.has(partFileId(path.basename(part))));
  const wanted = [...held].filter((id) => !present.has(id)).sort();
  let written = 0;
  let rows = 0;
  if (wanted.length > 0) {
    const month = monthColumnOf(table);
    const target = path.join(staging, path.basename(folder));
    const selected = `FROM ${table.name} WHERE file_id IN (SELECT unnest(${list(wanted)}))`;
    const partitions =
      month === undefined
        ? { columns: 'file_id AS roam_part', by: 'roam_part' }
        : {
            columns: `COALESCE(strftime(${month}, '%Y-%m'), '${noMonth}') AS month, file_id AS roam_part`,
            by: 'month, roam_part',
          };
    rows = Number(await scalar(connection, `SELECT count(*) ${selected}`));
    await connection.run(
      `COPY (SELECT *, ${partitions.columns} ${selected}) TO ${sqlString(target)} ` +
        `(FORMAT parquet, PARTITION_BY (${partitions.by}))`,
    );
    // DuckDB writes <month=…/>roam_part=<file_id>/data_N.parquet; each becomes <month=…/><file_id>.parquet.
    for (const file of (await partsUnder(target)).sort()) {
      const partDir = path.dirname(file);
      const fileId = path.basename(partDir).replace(/^roam_part=/, '');
      const monthDir = path.relative(target, path.dirname(partDir));
      const n = /data_(\d+)\.parquet$/.exec(file)?.[1] ?? '0';
      const name = n === '0' ? `${fileId}.parquet` : `${fileId}.${n}.parquet`;
      const destination = path.join(folder, monthDir, name);
      await mkdir(path.dirname(destination), { recursive: true });
      await rename(file, destination);
      written += 1;
    }
  }
  for (const part of stale) await rm(part, { force: true });
  await removeEmptyFolders(folder, folder);
  return { table: table.name, whole: false, written, removed: stale.length, rows };
}

/** Replaces a registry table's one part. */
async function exportWholeTable(
  connection: DuckDBConnection,
  table: RawTable,
  lake: string,
  staging: string,
): Promise<LakeTableResult> {
  const folder = tableFolder(lake, table);
  const temporary = path.join(staging, `${path.basename(folder)}.parquet`);
  const rows = Number(await scalar(connection, `SELECT count(*) FROM ${table.name}`));
  await connection.run(`COPY (FROM ${table.name}) TO ${sqlString(temporary)} (FORMAT parquet)`);
  await mkdir(folder, { recursive: true });
  await rename(temporary, path.join(folder, wholeTablePart));
  return { table: table.name, whole: true, written: 1, removed: 0, rows };
}

/** The tables of the raw layer that ingest has created in the warehouse. */
async function presentTables(connection: DuckDBConnection): Promise<Set<string>> {
  const rows = await (
    await connection.run(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'raw'",
    )
  ).getRows();
  return new Set(rows.map((row) => `raw.${String(row[0])}`));
}

/** Writes the raw layer of `warehouse` into the lake folder `lake` (created when missing). */
export async function exportLake(warehouse: string, lake: string): Promise<LakeExportResult> {
  const started = performance.now();
  const root = path.resolve(lake);
  await mkdir(root, { recursive: true });
  const staging = path.join(root, `.staging-${process.pid}-${Date.now()}`);
  await mkdir(staging);
  try {
    const tables = await withWarehouse(warehouse, 'read', async (connection) => {
      const present = await presentTables(connection);
      const data = new Set(dataTablesOf().map((t) => t.name));
      const done: LakeTableResult[] = [];
      for (const table of rawTablesOf()) {
        if (!present.has(table.name)) continue;
        done.push(
          data.has(table.name)
            ? await exportDataTable(connection, table, root, staging)
            : await exportWholeTable(connection, table, root, staging),
        );
      }
      return done;
    });
    return { lake: root, tables, seconds: (performance.now() - started) / 1000 };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
