/** The raw tables ingest writes. */
import type { RawTable } from '../lib/raw-table.ts';
import {
  buildRunsTable,
  ingestedFilesTable,
  ingestRunsTable,
  quarantinedFilesTable,
} from '../lib/registry.ts';
import { codecSources } from './codec-sources.ts';
import { tabularSources } from './sources.ts';

/** The raw tables that hold a file's rows (each has a file_id column). */
export const dataTables: readonly RawTable[] = [
  ...tabularSources.map((s) => s.table),
  ...Object.values(codecSources).flatMap((s) => s.tables),
];

/** Every table ingest writes; SQLMesh's external models are generated from the same list. */
export const rawTables: readonly RawTable[] = [
  ...dataTables,
  ingestedFilesTable,
  ingestRunsTable,
  quarantinedFilesTable,
  buildRunsTable,
];
