/** Reads what one partner's SLA report shows, from the marts, through reports/queries/*.sql. */
import type { DuckDBConnection } from '@duckdb/node-api';
import { runQueries, type Row } from './queries.ts';

/** The queries of one partner report, each by its file name under reports/queries. */
const partnerQueries = {
  partner: 'partner',
  scorecard: 'partner-scorecard',
  breaches: 'partner-breaches',
  breachDays: 'partner-breach-days',
  trends: 'partner-trends',
  latency: 'partner-latency',
  procedures: 'partner-procedures',
  ipx: 'partner-ipx',
  iot: 'partner-iot',
  iotRadios: 'partner-iot-rat',
  routing: 'partner-routing',
  billing: 'partner-billing',
  usage: 'partner-usage',
  silentRoamers: 'partner-silent-roamers',
  anomalies: 'partner-anomalies',
  coverage: 'partner-coverage',
  sources: 'partner-sources',
  reconciliation: 'partner-reconciliation',
} as const;

export type PartnerRows = Record<keyof typeof partnerQueries, Row[]>;

export interface PartnerData extends PartnerRows {
  tadig: string;
  month: string;
  /** marts.dim_kpi, whole. */
  definitions: Row[];
}

/** Every row one partner's report needs for one month; nothing of any other partner. */
export async function readPartnerData(
  connection: DuckDBConnection,
  tadig: string,
  month: string,
  definitions: Row[],
): Promise<PartnerData> {
  const rows = await runQueries(connection, partnerQueries, { partner: tadig, month });
  return { tadig, month, definitions, ...rows };
}
