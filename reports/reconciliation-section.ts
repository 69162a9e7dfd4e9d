/**
 * "Their measurement and ours": the partner's KPI exchange file for the month against our
 * measurement (marts.fct_kpi_reconciliation), disagreements first as the mart orders them. The
 * KPIs only we measured are counted, not listed (the scorecard shows them). Pure.
 */
import { count, kpiMargin, kpiValue, percent, statusLabel } from './format.ts';
import type { PartnerData } from './partner-data.ts';
import { directionTitle, text } from './partner-sla.ts';
import type { Row } from './queries.ts';

const statusClasses: Record<string, string> = { agree: 'ok', disagree: 'bad' };

/** The tolerance as people read it: ± 0.50 pp, ± 10 %. */
function tolerance(r: Row): string {
  if (r.tolerance === null || r.tolerance === undefined) return '—';
  if (r.tolerance_kind === 'relative') return `± ${percent(r.tolerance, 0)}`;
  return `± ${kpiMargin(r.tolerance, r.unit).slice(1)}`;
}

function row(r: Row, partnerName: string) {
  const status = text(r.status);
  return {
    name: text(r.kpi_name),
    direction: directionTitle(r.direction, partnerName).split(':')[0] ?? '',
    breakdown: r.service === 'all' && r.rat === 'all' ? '' : `${text(r.service)} · ${text(r.rat)}`,
    ours: kpiValue(r.our_value, r.unit),
    theirs: kpiValue(r.their_value, r.unit),
    difference: kpiMargin(r.difference, r.unit),
    tolerance: tolerance(r),
    ourTarget: kpiValue(r.our_target, r.unit),
    theirTarget: kpiValue(r.their_target, r.unit),
    source: r.their_source === null ? '—' : text(r.their_source),
    status: statusLabel(status),
    statusClass: statusClasses[status] ?? 'muted',
  };
}

export function reconciliationSection(data: PartnerData, partnerName: string) {
  const rows = data.reconciliation;
  const tally = (s: string) => rows.filter((r) => r.status === s).length;
  const listed = rows.filter((r) => r.status !== 'only-ours');
  return {
    empty: rows.length === 0,
    file: rows.find((r) => r.their_file !== null)?.their_file ?? null,
    agree: count(tally('agree')),
    disagree: count(tally('disagree')),
    targetDiffers: count(tally('target-differs')),
    onlyTheirs: count(tally('only-theirs')),
    onlyOurs: count(tally('only-ours')),
    rows: listed.map((r) => row(r, partnerName)),
  };
}
