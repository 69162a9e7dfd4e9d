/**
 * The partner SLA report's view model: mart rows in, what the templates show out. Pure: every
 * target, status and margin is the mart's; this file only words and formats them.
 */
import type { TopLevelSpec } from 'vega-lite';
import { dailySpec, trendSpec, type TrendPoint } from './charts.ts';
import {
  count,
  daysOfMonth,
  familyLabel,
  kpiMargin,
  kpiValue,
  monthShort,
  monthTitle,
  movementArrow,
  previousMonth,
  statusClass,
  statusLabel,
  utcTime,
} from './format.ts';
import type { PartnerData } from './partner-data.ts';
import {
  anomaliesSection,
  appendixSection,
  billingSection,
  coverageSection,
  ipxSection,
  iotSection,
  latencySection,
  routingSection,
  silentRoamersSection,
  usageSection,
} from './partner-sections.ts';
import type { Row } from './queries.ts';
import { reconciliationSection } from './reconciliation-section.ts';
import { asText } from '../pipelines/lib/text.ts';

export interface Partner {
  tadig: string;
  name: string;
}

/** A chart: its Vega-Lite spec, and its SVG once rendered (empty until then). */
export interface Chart {
  id: string;
  title: string;
  spec: TopLevelSpec;
  svg: string;
}

export const text = (value: unknown): string => asText(value);

const directionWords: Record<string, (partner: string) => string> = {
  outbound: (partner) => `Outbound: our subscribers in ${partner}'s network`,
  inbound: (partner) => `Inbound: ${partner}'s subscribers in our network`,
};

export function directionTitle(direction: unknown, partnerName: string): string {
  const d = text(direction);
  return directionWords[d]?.(partnerName) ?? d;
}

/** Groups rows by a key, keeping the order in which keys first appear. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    groups.set(k, [...(groups.get(k) ?? []), row]);
  }
  return [...groups];
}

function scorecardRow(r: Row) {
  const improved = r.improved === null ? '' : r.improved === true ? 'ok' : 'bad';
  return {
    kpi: text(r.kpi),
    name: text(r.kpi_name),
    value: kpiValue(r.value, r.unit),
    target: kpiValue(r.target, r.unit),
    status: statusLabel(r.status),
    statusClass: statusClass(r.status),
    margin: kpiMargin(r.margin, r.unit),
    sample: count(r.sample_size),
    minSample: count(r.min_sample),
    arrow: movementArrow(r.movement),
    arrowClass: improved,
    previous: kpiValue(r.previous_value, r.unit),
  };
}

function scorecard(data: PartnerData, partnerName: string) {
  const statuses = data.scorecard.map((r) => text(r.status));
  const tally = (s: string) => statuses.filter((x) => x === s).length;
  return {
    empty: data.scorecard.length === 0,
    met: tally('met'),
    breached: tally('breached'),
    insufficient: tally('insufficient-sample'),
    noTarget: tally('no-target'),
    directions: groupBy(data.scorecard, (r) => text(r.direction)).map(([direction, rows]) => ({
      direction,
      title: directionTitle(direction, partnerName),
      families: groupBy(rows, (r) => text(r.family)).map(([family, familyRows]) => ({
        family: familyLabel(family),
        rows: familyRows.map(scorecardRow),
      })),
    })),
  };
}

/** Ratios are drawn in percent, other units as they are. */
const plotted = (value: unknown, unit: unknown): number | null =>
  value === null || value === undefined ? null : Number(value) * (unit === 'ratio' ? 100 : 1);

/** The daily chart of one breach, or null when the KPI has no daily values (not a rate). */
function dailyChart(data: PartnerData, breach: Row, i: number): Chart | null {
  const days = data.breachDays.filter(
    (d) => d.kpi === breach.kpi && d.direction === breach.direction,
  );
  if (days.length === 0) return null;
  return {
    id: `breach${i}`,
    title: `${text(breach.kpi_name)}, daily (${breach.unit === 'ratio' ? '%' : text(breach.unit)})`,
    spec: dailySpec(
      days.map((d) => ({
        day: text(d.event_day),
        value: plotted(d.daily_value, d.unit) ?? 0,
        target: plotted(d.target, d.unit) ?? 0,
        missed: d.missed_target === true,
      })),
      daysOfMonth(data.month),
    ),
    svg: '',
  };
}

function breaches(data: PartnerData) {
  return {
    empty: data.breaches.length === 0,
    rows: data.breaches.map((r, i) => ({
      chart: dailyChart(data, r, i),
      name: text(r.kpi_name),
      direction: text(r.direction),
      value: kpiValue(r.value, r.unit),
      target: kpiValue(r.target, r.unit),
      margin: kpiMargin(r.margin, r.unit),
      previous: kpiValue(r.previous_value, r.unit),
      sample: count(r.sample_size),
      counted:
        r.numerator === null || r.denominator === null || r.unit !== 'ratio'
          ? null
          : `${count(r.numerator)} of ${count(r.denominator)}`,
      excluded: r.excluded === null || Number(r.excluded) === 0 ? null : count(r.excluded),
      failures: r.failures === null ? null : count(r.failures),
      causes: r.top_causes === null ? [] : text(r.top_causes).split('; '),
      days:
        r.days_affected === null
          ? null
          : `${count(r.days_affected)} of ${count(r.days_measured)} days measured`,
      firstDay: r.first_day_affected === null ? null : text(r.first_day_affected),
      lastDay: r.last_day_affected === null ? null : text(r.last_day_affected),
    })),
  };
}

/** The 12 months up to `month`, oldest first. */
function lastTwelve(month: string): string[] {
  const months = [month];
  while (months.length < 12) months.unshift(previousMonth(months[0] ?? month));
  return months;
}

function trends(data: PartnerData, partnerName: string) {
  const shown = lastTwelve(data.month).filter((m) => data.trends.some((r) => r.month === m));
  const charts: Chart[] = groupBy(data.trends, (r) => `${text(r.direction)}|${text(r.family)}`).map(
    ([key, rows], i) => {
      const [direction, family] = key.split('|') as [string, string];
      const points: TrendPoint[] = rows.map((r) => ({
        panel: `${text(r.kpi_name)} (${r.unit === 'ratio' ? '%' : text(r.unit)})`,
        month: text(r.month),
        value: plotted(r.value, r.unit),
        target: plotted(r.target, r.unit),
        bandLow: plotted(r.band_low, r.unit),
        bandHigh: plotted(r.band_high, r.unit),
      }));
      return {
        id: `trend${i}`,
        title: `${directionTitle(direction, partnerName)} · ${familyLabel(family)}`,
        spec: trendSpec(points, shown),
        svg: '',
      };
    },
  );
  return {
    empty: charts.length === 0,
    from: shown[0] === undefined ? '' : monthShort(shown[0]),
    to: monthShort(data.month),
    months: shown.length,
    charts,
  };
}

/** The partner as the report names it, from its dim_partner row. */
export function partnerOf(data: PartnerData) {
  const [info] = data.partner;
  return {
    tadig: data.tadig,
    name: text(info?.partner_name ?? data.tadig),
    country: text(info?.country),
    operatorGroup: text(info?.operator_group),
    ipxProvider: text(info?.ipx_provider),
    tapCurrency: text(info?.tap_currency),
    homeNetwork: text(info?.home_name),
  };
}

export function partnerSlaModel(data: PartnerData, generatedAt: Date) {
  const partner = partnerOf(data);
  const title = monthTitle(data.month);
  const scorecardModel = scorecard(data, partner.name);
  const shownKpis = new Set(data.scorecard.map((r) => text(r.kpi)));
  return {
    partner,
    month: data.month,
    monthTitle: title,
    generatedAt: utcTime(generatedAt),
    coverage: coverageSection(data),
    scorecard: scorecardModel,
    breaches: breaches(data),
    trends: trends(data, partner.name),
    latency: latencySection(data, partner.name),
    ipx: ipxSection(data),
    iot: iotSection(data, partner.name),
    routing: routingSection(data, partner.name),
    billing: billingSection(data),
    usage: usageSection(data, partner.name),
    silentRoamers: silentRoamersSection(data),
    anomalies: anomaliesSection(data),
    reconciliation: reconciliationSection(data, partner.name),
    appendix: appendixSection(data, shownKpis),
  };
}

export type PartnerSlaModel = ReturnType<typeof partnerSlaModel>;

/** Every chart of a model, to be rendered to SVG in place. */
export function chartsOf(model: PartnerSlaModel): Chart[] {
  return [
    ...model.breaches.rows.flatMap((row) => (row.chart === null ? [] : [row.chart])),
    ...model.trends.charts,
    ...(model.silentRoamers.chart === null ? [] : [model.silentRoamers.chart]),
    ...(model.anomalies.chart === null ? [] : [model.anomalies.chart]),
  ];
}
