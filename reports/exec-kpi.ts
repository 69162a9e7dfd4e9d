/**
 * The executive KPI report's view model: the portfolio's mart rows in, what the templates show
 * out. Pure: every status, trend and breach is the marts'; this file only words, orders and cuts
 * them to the pages.
 */
import { groupedBarsSpec, heatmapSpec, type HeatCell } from './charts.ts';
import {
  count,
  currencyName,
  decimal,
  familyLabel,
  kpiMargin,
  kpiValue,
  milliseconds,
  money,
  monthShort,
  monthTitle,
  percent,
  signedPercent,
  statusClass,
  statusLabel,
  utcTime,
} from './format.ts';
import type { ExecData } from './exec-data.ts';
import { groupBy, text, type Chart } from './partner-sla.ts';
import type { Row } from './queries.ts';

/** Partners per heatmap chart: one chart fits an A4 page. */
export const heatmapRows = 48;
/** Rows of the longer lists (breaches, movers, usage, anomalies, IoT) before "and N more". */
export const listRows = 20;

const partnerLabel = (r: Row) => `${text(r.partner_name)} (${text(r.partner_tadig)})`;

/** The first `n` items and a note of how many were left out. */
function firstOf<T>(items: readonly T[], n: number, what: string) {
  return {
    rows: items.slice(0, n),
    more: items.length > n ? `and ${count(items.length - n)} more ${what}` : null,
  };
}

function heatmap(data: ExecData) {
  const families = [...new Set(data.heatmap.map((r) => text(r.family)))].sort();
  const labels = families.map(familyLabel);
  const partners = [...new Set(data.heatmap.map(partnerLabel))];
  const cells: HeatCell[] = data.heatmap.map((r) => ({
    partner: partnerLabel(r),
    family: familyLabel(r.family),
    status: statusLabel(r.status),
    label: Number(r.breached) > 0 ? `${count(r.breached)} of ${count(r.kpis)}` : '',
  }));
  const charts: Chart[] = [];
  for (let i = 0; i < partners.length; i += heatmapRows) {
    const chunk = partners.slice(i, i + heatmapRows);
    const inChunk = new Set(chunk);
    charts.push({
      id: `heatmap${charts.length}`,
      title:
        partners.length > heatmapRows
          ? `Partners ${i + 1}–${i + chunk.length} of ${partners.length}`
          : `All ${partners.length} partners`,
      spec: heatmapSpec(
        cells.filter((c) => inChunk.has(c.partner)),
        chunk,
        labels,
      ),
      svg: '',
    });
  }
  return { empty: partners.length === 0, partners: partners.length, charts };
}

function breaches(data: ExecData) {
  const rows = data.breaches.map((r) => ({
    partner: partnerLabel(r),
    direction: text(r.direction),
    kpi: text(r.kpi_name),
    value: kpiValue(r.value, r.unit),
    target: kpiValue(r.target, r.unit),
    margin: kpiMargin(r.margin, r.unit),
    days: r.days_affected === null ? '–' : `${count(r.days_affected)} of ${count(r.days_measured)}`,
    since: monthShort(text(r.since)),
    months: count(r.months),
  }));
  return { empty: rows.length === 0, total: rows.length, ...firstOf(rows, listRows, 'breaches') };
}

/** The KPIs of a ';'-joined list, the first three named and the rest counted. */
function someKpis(list: unknown): string {
  if (list === null || list === undefined) return '';
  const kpis = text(list).split('; ');
  return kpis.length <= 3 ? kpis.join('; ') : `${kpis.slice(0, 3).join('; ')}; +${kpis.length - 3}`;
}

function movers(data: ExecData) {
  const side = (key: 'improving' | 'worsening') => {
    const rows = data.trends
      .filter((r) => Number(r[key]) > 0)
      .sort((a, b) => Number(b[key]) - Number(a[key]))
      .map((r) => ({
        partner: partnerLabel(r),
        kpis: count(r[key]),
        which: someKpis(r[`${key}_kpis`]),
      }));
    return firstOf(rows, listRows / 2, 'partners');
  };
  return {
    empty: data.trends.length === 0,
    improving: side('improving'),
    worsening: side('worsening'),
  };
}

function usage(data: ExecData) {
  const regions = data.regions.map((r) => ({
    region: text(r.region),
    direction: text(r.direction),
    partners: count(r.partners),
    events: count(r.events),
    charge: money(r.charge, r.currency, r.scale),
    previous: money(r.previous_charge, r.currency, r.scale),
    change: signedPercent(r.change),
  }));
  const bars = groupBy(data.regions, (r) => `${text(r.region)}|${text(r.direction)}`).map(
    ([key, rows]) => {
      const [region, direction] = key.split('|') as [string, string];
      return {
        group: region,
        series: direction,
        value: rows.reduce((n, r) => n + Number(r.events), 0),
      };
    },
  );
  const chart: Chart | null =
    bars.length === 0
      ? null
      : {
          id: 'regions',
          title: 'Billed events by region',
          spec: groupedBarsSpec(bars, ['outbound', 'inbound'], 'events billed in the month'),
          svg: '',
        };
  const partners = groupBy(data.usage, (r) => text(r.direction)).map(([direction, rows]) => ({
    direction,
    ...firstOf(
      [...rows]
        .sort((a, b) => Number(b.events) - Number(a.events))
        .map((r) => ({
          partner: partnerLabel(r),
          region: text(r.region),
          events: count(r.events),
          mb: decimal(r.data_volume_mb, 1),
          charge: money(r.charge, r.currency, r.scale),
          change: signedPercent(r.change),
        })),
      listRows,
      'partners',
    ),
  }));
  return { empty: data.usage.length === 0, regions, chart, partners };
}

function billing(data: ExecData) {
  const line = (label: string, field: string, format: (v: unknown) => string = count) => ({
    label,
    cells: data.billing.map((r) => format(r[field])),
  });
  return {
    empty: data.billing.length === 0,
    columns: data.billing.map((r) => text(r.direction)),
    lines: [
      line('Partners', 'partners'),
      line('Partners with a billing issue', 'partners_with_issues'),
      line('TAP files', 'tap_files'),
      line('TAP call events', 'tap_events'),
      line('Late events', 'tap_late_events'),
      line('Late share', 'tap_late_share', (v) => percent(v, 2)),
      line('Sequence gaps', 'tap_sequence_gaps'),
      line('Missing sequence numbers', 'tap_sequence_numbers_missing'),
      line('Events sent twice', 'tap_duplicate_events'),
      line('Audit mismatches (files)', 'tap_audit_mismatch_files'),
      line('RAP fatal returns', 'rap_fatal_returns'),
      line('RAP severe returns', 'rap_severe_returns'),
      line('NRTRDE records', 'nrtrde_records'),
      line('NRTRDE within the limit', 'nrtrde_within_share', (v) => percent(v, 2)),
    ],
    returns: data.returns.map((r) => ({
      direction: text(r.direction),
      currency: currencyName(r.currency),
      fatal: count(r.fatal_returns),
      fatalValue: money(r.fatal_value, r.currency),
      severe: count(r.severe_returns),
      severeValue: money(r.severe_value, r.currency),
    })),
  };
}

function ipx(data: ExecData) {
  return {
    empty: data.ipx.length === 0,
    providers: groupBy(data.ipx, (r) => text(r.ipx_provider)).map(([provider, rows]) => ({
      provider,
      rows: rows.map((r) => ({
        trafficClass: text(r.traffic_class),
        partners: count(r.partners),
        intervals: count(r.intervals),
        availability: percent(r.availability, 3),
        rtd: milliseconds(r.worst_rtd_p95_ms),
        jitter: kpiValue(r.worst_jitter_ms, 'ms'),
        loss: `${decimal(r.worst_packet_loss_pct, 3)} %`,
        breached: `${count(r.paths_breached)} of ${count(r.paths)}`,
        breachedClass: Number(r.paths_breached) > 0 ? 'bad' : 'ok',
      })),
    })),
  };
}

function anomalies(data: ExecData) {
  const rows = data.anomalies.map((r) => ({
    partner: partnerLabel(r),
    direction: text(r.direction),
    procedure: text(r.procedure),
    hours: count(r.hours),
    first: `${text(r.first_hour)} UTC`,
    peak: count(r.peak_requests),
    baseline: decimal(r.peak_baseline, 1),
  }));
  return { empty: rows.length === 0, ...firstOf(rows, listRows, 'bursts') };
}

function iotRouting(data: ExecData) {
  const iot = data.iot.map((r) => ({
    partner: partnerLabel(r),
    direction: text(r.direction),
    devices: count(r.devices),
    attempts: count(r.attempts),
    success: percent(r.success_rate, 2),
  }));
  return {
    iotEmpty: iot.length === 0,
    iot: firstOf(iot, listRows / 2, 'partners'),
    routingEmpty: data.routing.length === 0,
    routing: data.routing.map((r) => ({
      direction: text(r.direction),
      routing: text(r.routing),
      partners: count(r.partners),
      sessions: count(r.sessions),
      success: percent(r.setup_success_rate, 2),
      p50: milliseconds(r.median_setup_time_p50_ms),
      p95: milliseconds(r.worst_setup_time_p95_ms),
    })),
  };
}

/** Per partner that sent a KPI exchange file: its KPI rows that agree with ours and those that do not. */
function reconciliation(data: ExecData) {
  return {
    empty: data.reconciliation.length === 0,
    rows: data.reconciliation.map((r) => ({
      partner: `${text(r.partner_name)} (${text(r.partner_tadig)})`,
      agree: count(r.agree),
      disagree: count(r.disagree),
      disagreeClass: Number(r.disagree) > 0 ? 'bad' : 'ok',
      targetDiffers: count(r.target_differs),
      onlyTheirs: count(r.only_theirs),
      onlyOurs: count(r.only_ours),
    })),
  };
}

export function execKpiModel(data: ExecData, generatedAt: Date) {
  const [summary] = data.summary;
  return {
    month: data.month,
    monthTitle: monthTitle(data.month),
    generatedAt: utcTime(generatedAt),
    homeNetwork: text(data.home[0]?.home_name ?? ''),
    summary: {
      partners: count(summary?.partners ?? 0),
      kpis: count(summary?.kpis ?? 0),
      met: count(summary?.met ?? 0),
      breached: count(summary?.breached ?? 0),
      breachedClass: statusClass(Number(summary?.breached ?? 0) > 0 ? 'breached' : 'met'),
      insufficient: count(summary?.insufficient ?? 0),
      noTarget: count(summary?.no_target ?? 0),
      partnersBreached: count(summary?.partners_breached ?? 0),
    },
    heatmap: heatmap(data),
    breaches: breaches(data),
    movers: movers(data),
    usage: usage(data),
    billing: billing(data),
    ipx: ipx(data),
    anomalies: anomalies(data),
    iotRouting: iotRouting(data),
    reconciliation: reconciliation(data),
  };
}

export type ExecKpiModel = ReturnType<typeof execKpiModel>;

/** Every chart of the model, to be rendered to SVG in place. */
export function execCharts(model: ExecKpiModel): Chart[] {
  return [...model.heatmap.charts, ...(model.usage.chart === null ? [] : [model.usage.chart])];
}
