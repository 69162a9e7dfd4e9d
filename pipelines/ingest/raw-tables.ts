/** The raw tables ingest writes: every source's (the registry's), and the file registry's own. */
import type { RawTable } from '../columns/raw-table.ts';
import type { Source } from '../sources/source.ts';
import { sources as registry } from '../sources/index.ts';
import {
  buildRunsTable,
  ingestedFilesTable,
  ingestRunsTable,
  quarantinedFilesTable,
} from './registry-tables.ts';

const data = new WeakMap<readonly Source[], readonly RawTable[]>();

/** The raw tables that hold the rows of `sources`' files (each has a file_id column). */
export function dataTablesOf(sources: readonly Source[] = registry): readonly RawTable[] {
  let tables = data.get(sources);
  if (tables === undefined) {
    tables = sources.flatMap((s) => s.tables);
    data.set(sources, tables);
  }
  return tables;
}

/** Every table ingest writes; SQLMesh's external models are generated from the same list. */
export function rawTablesOf(sources: readonly Source[] = registry): readonly RawTable[] {
  return [
    ...dataTablesOf(sources),
    ingestedFilesTable,
    ingestRunsTable,
    quarantinedFilesTable,
    buildRunsTable,
  ];
}

/** The kinds whose files are snapshots (reference data): the latest replaces every earlier one. */
export function snapshotKindsOf(sources: readonly Source[] = registry): ReadonlySet<string> {
  return new Set(sources.filter((s) => s.snapshot === true).map((s) => s.kind));
}
