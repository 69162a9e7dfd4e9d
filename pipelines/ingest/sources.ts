/** The tabular sources roam ingests (CSV, Parquet or JSON lines) and the raw table of each. */
import { activeTestsTable } from '../active/raw-schema.ts';
import { ipxMeasurementsTable } from '../ipx/raw-schema.ts';
import { fileColumns, type RawTable } from '../lib/raw-table.ts';
import { probeXdrTable } from '../probes/raw-schema.ts';
import {
  causeCodesTable,
  homeNetworkTable,
  iotApnsTable,
  kpiCatalogueTable,
  mccMncTable,
  partnersTable,
  slaAgreementsTable,
} from '../reference/raw-schema.ts';

export type TabularKind =
  | 'probe-xdr'
  | 'ipx-measurements'
  | 'active-tests'
  | 'reference-home-network'
  | 'reference-partners'
  | 'reference-kpi-catalogue'
  | 'reference-sla-agreements'
  | 'reference-mcc-mnc'
  | 'reference-cause-codes'
  | 'reference-iot-apns';

export interface TabularSource {
  kind: TabularKind;
  table: RawTable;
  /** The column that places a row in time (for restating months); none for reference data. */
  timeColumn: string | undefined;
  /** Reference data: the latest file of the kind replaces every earlier one. */
  snapshot: boolean;
}

const measured = (kind: TabularKind, table: RawTable, timeColumn: string): TabularSource => ({
  kind,
  table,
  timeColumn,
  snapshot: false,
});
const reference = (kind: TabularKind, table: RawTable): TabularSource => ({
  kind,
  table,
  timeColumn: undefined,
  snapshot: true,
});

export const tabularSources: readonly TabularSource[] = [
  measured('probe-xdr', probeXdrTable, 'event_time'),
  measured('ipx-measurements', ipxMeasurementsTable, 'interval_start'),
  measured('active-tests', activeTestsTable, 'test_time'),
  reference('reference-home-network', homeNetworkTable),
  reference('reference-partners', partnersTable),
  reference('reference-kpi-catalogue', kpiCatalogueTable),
  reference('reference-sla-agreements', slaAgreementsTable),
  reference('reference-mcc-mnc', mccMncTable),
  reference('reference-cause-codes', causeCodesTable),
  reference('reference-iot-apns', iotApnsTable),
];

/** The kinds whose files are snapshots (reference data). */
export const snapshotKinds: ReadonlySet<string> = new Set(
  tabularSources.filter((s) => s.snapshot).map((s) => s.kind),
);

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
