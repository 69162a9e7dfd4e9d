/**
 * Probe xDR CSV → raw.probe_xdr through DuckDB's own CSV reader (columnar, no row INSERTs).
 * The only file for probes that touches DuckDB.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { fileColumns } from '../lib/raw-table.ts';
import { sqlString } from '../lib/warehouse.ts';
import { probeXdrTable } from './raw-schema.ts';

const csvColumns = fileColumns(probeXdrTable);

/** The columns a probe CSV must have (the optional ones may be absent). */
export const probeCsvHeader = csvColumns.filter((c) => c.optional !== true).map((c) => c.name);

export interface LoadedRange {
  rows: number;
  firstEventAt: string | null;
  lastEventAt: string | null;
}

/** Appends one probe CSV's rows, tagged with its file id; runs inside the caller's transaction. */
export async function loadProbeCsv(
  connection: DuckDBConnection,
  file: string,
  fileId: string,
): Promise<LoadedRange> {
  const columns = csvColumns.map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`).join(', ');
  const names = csvColumns.map((c) => c.name).join(', ');
  await connection.run(
    `INSERT INTO ${probeXdrTable.name} (${names}, file_id)
     SELECT ${names}, ${sqlString(fileId)}
     FROM read_csv(${sqlString(file)}, header = true, columns = {${columns}}, auto_detect = false)`,
  );
  const reader = await connection.runAndReadAll(
    `SELECT count(*) AS n, min(event_time)::VARCHAR AS first, max(event_time)::VARCHAR AS last
     FROM ${probeXdrTable.name} WHERE file_id = ${sqlString(fileId)}`,
  );
  const [row] = reader.getRowObjectsJson();
  return {
    rows: Number(row?.n ?? 0),
    firstEventAt: (row?.first as string | null | undefined) ?? null,
    lastEventAt: (row?.last as string | null | undefined) ?? null,
  };
}
