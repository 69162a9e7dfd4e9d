/** Our exchange file for one partner and month, from the marts (reports/queries/exchange-*.sql). */
import { readFileSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { runQuery, type Row } from '../../reports/queries.ts';
import { ReportError } from '../lib/errors.ts';
import { projectRoot } from '../lib/paths.ts';
import { asText } from '../lib/text.ts';
import {
  exchangeFormat,
  exchangeVersion,
  type ExchangeContent,
  type ExchangeEntry,
  type ExchangeParty,
} from './document.ts';

/** A decimal (or any value) as its exact text; null stays null. */
const decimalOrNull = (v: unknown): string | null =>
  v === null || v === undefined ? null : asText(v);

/** One mart row as an exchange entry. Pure. */
export function entryOf(row: Row): ExchangeEntry {
  return {
    kpi: asText(row.kpi),
    ir42_parameter: decimalOrNull(row.ir42_parameter),
    direction: row.direction === 'inbound' ? 'inbound' : 'outbound',
    service: asText(row.service),
    rat: asText(row.rat),
    unit: asText(row.unit),
    numerator: decimalOrNull(row.numerator),
    denominator: decimalOrNull(row.denominator),
    excluded: decimalOrNull(row.excluded),
    value: decimalOrNull(row.value),
    p50: decimalOrNull(row.p50),
    p95: decimalOrNull(row.p95),
    sample_size:
      row.sample_size === null || row.sample_size === undefined ? null : Number(row.sample_size),
    source: asText(row.source),
    target: decimalOrNull(row.target),
  };
}

/** The file's content for the rows of one partner and month. Pure. */
export function exchangeContent(
  sender: ExchangeParty,
  recipient: ExchangeParty,
  period: string,
  rows: readonly Row[],
  generatedAt: Date,
  version: string,
): ExchangeContent {
  return {
    format: exchangeFormat,
    version: exchangeVersion,
    sender,
    recipient,
    period,
    generated_at: `${generatedAt.toISOString().slice(0, 19)}Z`,
    generator: { name: 'roam', version },
    entries: rows.map(entryOf),
  };
}

export function roamVersion(): string {
  const manifest = JSON.parse(readFileSync(`${projectRoot}/package.json`, 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

/** Reads our measurement of `partner` in `month` and makes the file's content. */
export async function readExchangeContent(
  connection: DuckDBConnection,
  partner: string,
  month: string,
  generatedAt: Date,
): Promise<ExchangeContent> {
  const [parties] = await runQuery(connection, 'exchange-parties', { partner });
  if (parties === undefined) {
    throw new ReportError(`no partner ${partner} (or no home network) in the marts`, {
      fix: 'check the TADIG against \'roam sql "SELECT partner_tadig FROM marts.dim_partner"\'',
    });
  }
  const rows = await runQuery(connection, 'exchange-entries', { partner, month });
  if (rows.length === 0) {
    throw new ReportError(`no KPIs of ${partner} in ${month}`, {
      fix: "choose a month with KPIs, or run 'roam build' first",
    });
  }
  return exchangeContent(
    { tadig: asText(parties.home_tadig), name: asText(parties.home_name) },
    { tadig: asText(parties.partner_tadig), name: asText(parties.partner_name) },
    month,
    rows,
    generatedAt,
    roamVersion(),
  );
}
