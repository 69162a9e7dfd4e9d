/**
 * A warehouse written before the registry kept one row per file version: raw.ingested_files had a
 * row per run and file (skipped and quarantined ones too) and no logical key. Brought to today's
 * shape once, in one transaction: the missing columns added, the logical keys of loaded and
 * replaced versions filled in (header keys from the file rows; a tabular file's key from its folder
 * and name, which is today's key when it sat directly in the folder given), the quarantined rows
 * moved to raw.quarantined_files (without a run) and the skipped ones dropped.
 * Later, RAP's logical keys gained the kind of RAP file (a return batch and an acknowledgement
 * may share sender, recipient and sequence number): keys written before are renamed on each
 * ingest until none is left (a cheap UPDATE over the few RAP files).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { ingestedFilesTable, quarantinedFilesTable } from './registry-tables.ts';

const table = ingestedFilesTable.name;

async function columnsOf(connection: DuckDBConnection): Promise<Set<string>> {
  const reader = await connection.runAndReadAll(
    `SELECT column_name FROM duckdb_columns()
     WHERE schema_name = 'raw' AND table_name = 'ingested_files'`,
  );
  return new Set(reader.getRowObjectsJson().map((r) => String(r.column_name as string)));
}

/** Whether a TAP or RAP file's own row says it is test data. */
const testData = `(
  EXISTS (SELECT 1 FROM raw.tap_files t WHERE t.file_id = f.file_id AND t.file_type_indicator IS NOT NULL)
  OR EXISTS (SELECT 1 FROM raw.rap_files r WHERE r.file_id = f.file_id AND r.file_type_indicator IS NOT NULL))`;

export async function migrateRegistry(connection: DuckDBConnection): Promise<void> {
  const present = await columnsOf(connection);
  if (!present.has('logical_key')) await addLogicalKeys(connection, present);
  await connection.run(
    `UPDATE ${table} AS f SET logical_key = r.kind || substr(f.logical_key, 4)
     FROM raw.rap_files AS r
     WHERE r.file_id = f.file_id AND f.logical_key LIKE 'rap:%'`,
  );
}

async function addLogicalKeys(connection: DuckDBConnection, present: Set<string>): Promise<void> {
  await connection.run('BEGIN TRANSACTION');
  try {
    for (const column of ingestedFilesTable.columns)
      if (!present.has(column.name))
        await connection.run(`ALTER TABLE ${table} ADD COLUMN ${column.name} ${column.type}`);
    if (present.has('reason')) {
      await connection.run(
        `INSERT INTO ${quarantinedFilesTable.name}
         SELECT NULL, file_id, path, file_name, size_bytes, kind, format, reason, seconds, ingested_at
         FROM ${table} WHERE status = 'quarantined'`,
      );
      await connection.run(`ALTER TABLE ${table} DROP COLUMN reason`);
    }
    await connection.run(`DELETE FROM ${table} WHERE status NOT IN ('loaded', 'replaced')`);
    await connection.run(
      `UPDATE ${table} AS f SET
         test_data = CASE WHEN f.kind IN ('tap', 'rap') THEN ${testData} END,
         fatal_findings = (SELECT count(*) FROM raw.tap_validation v
                           WHERE v.file_id = f.file_id AND v.severity = 'fatal')`,
    );
    await connection.run(
      `UPDATE ${table} SET logical_key = CASE
         WHEN format <> 'ber' THEN 'path:' || regexp_extract(replace(path, '\\', '/'), '[^/]*/?[^/]+$')
         WHEN sender IS NULL OR recipient IS NULL OR sequence_number IS NULL THEN NULL
         ELSE kind || ':' || sender || '>' || recipient || ':' || sequence_number ||
           CASE WHEN test_data IS NULL THEN '' WHEN test_data THEN ':test' ELSE ':commercial' END
       END`,
    );
    await connection.run('COMMIT');
  } catch (error) {
    await connection.run('ROLLBACK');
    throw error;
  }
}
