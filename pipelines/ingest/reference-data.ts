/**
 * The reference data a source's `admit` reads (sources/source.ts): the rows of a snapshot
 * source's raw table as the warehouse holds them, read inside the landing file's transaction.
 * A file whose source admits files lands alone, after the run's other files (land-group.ts,
 * landsAlone), so the run's reference files are settled (earlier versions gone) when it is checked.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { sources as registry } from '../sources/index.ts';
import type { ReferenceData, Source } from '../sources/source.ts';

export function referenceData(
  connection: DuckDBConnection,
  sources: readonly Source[] = registry,
): ReferenceData {
  const tables = new Set(
    sources.filter((s) => s.snapshot === true).flatMap((s) => s.tables.map((t) => t.name)),
  );
  return {
    async rows(table) {
      if (!tables.has(table)) throw new Error(`${table} is not a reference table`);
      const reader = await connection.runAndReadAll(`SELECT * FROM ${table}`);
      return reader
        .getRowObjectsJson()
        .map((row) =>
          Object.fromEntries(
            Object.entries(row).map(([k, v]) => [
              k,
              v === null ? null : typeof v === 'object' ? JSON.stringify(v) : String(v),
            ]),
          ),
        );
    },
  };
}
