/** Reads what the executive KPI report shows, from the marts, through reports/queries/exec-*.sql. */
import type { DuckDBConnection } from '@duckdb/node-api';
import { runQueries, type Row } from './queries.ts';

/** The queries of the executive report, each by its file name under reports/queries. */
const execQueries = {
  home: 'home-network',
  summary: 'exec-summary',
  heatmap: 'exec-heatmap',
  breaches: 'exec-breaches',
  trends: 'exec-trends',
  usage: 'exec-usage',
  regions: 'exec-usage-regions',
  billing: 'exec-billing',
  returns: 'exec-returns',
  ipx: 'exec-ipx',
  anomalies: 'exec-anomalies',
  iot: 'exec-iot',
  routing: 'exec-routing',
  reconciliation: 'exec-reconciliation',
} as const;

export type ExecData = Record<keyof typeof execQueries, Row[]> & { month: string };

/** Every row the executive report needs for one month, every partner's. */
export async function readExecData(connection: DuckDBConnection, month: string): Promise<ExecData> {
  return { month, ...(await runQueries(connection, execQueries, { month })) };
}
