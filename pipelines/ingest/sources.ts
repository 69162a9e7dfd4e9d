/** The tabular sources roam ingests (CSV, Parquet or JSON lines) and the raw table of each. */
import { activeTestsTable } from '../active/raw-schema.ts';
import { ipxMeasurementsTable } from '../ipx/raw-schema.ts';
import { fileColumns, type RawTable } from '../lib/raw-table.ts';
import { probeXdrTable } from '../probes/raw-schema.ts';

export interface TabularSource {
  kind: 'probe-xdr' | 'ipx-measurements' | 'active-tests';
  table: RawTable;
  /** The column that places a row in time (for restating months). */
  timeColumn: string;
}

export const tabularSources: readonly TabularSource[] = [
  { kind: 'probe-xdr', table: probeXdrTable, timeColumn: 'event_time' },
  { kind: 'ipx-measurements', table: ipxMeasurementsTable, timeColumn: 'interval_start' },
  { kind: 'active-tests', table: activeTestsTable, timeColumn: 'test_time' },
];

/** The columns a file of this source must have. */
export function requiredColumns(source: TabularSource): string[] {
  return fileColumns(source.table)
    .filter((c) => c.optional !== true)
    .map((c) => c.name);
}

/** The source whose required columns a file's header holds, if any. */
export function sourceForColumns(names: readonly string[]): TabularSource | undefined {
  const present = new Set(names.map((n) => n.trim().toLowerCase()));
  return tabularSources.find((s) => requiredColumns(s).every((c) => present.has(c)));
}
