/** The partner SLA report's later sections: latency, IPX, IoT, routing, billing, usage, … Pure. */
import { burstSpec, monthlyCountSpec } from './charts.ts';
import {
  count,
  currencyName,
  decimal,
  hours,
  kpiValue,
  milliseconds,
  money,
  monthShort,
  percent,
  statusClass,
  statusLabel,
} from './format.ts';
import type { PartnerData } from './partner-data.ts';
import { directionTitle, groupBy, text, type Chart } from './partner-sla.ts';
import type { Row } from './queries.ts';

/** Rows grouped by direction, outbound first as the queries order them, each with its title. */
function byDirection<T>(rows: readonly Row[], partnerName: string, row: (r: Row) => T) {
  return groupBy(rows, (r) => text(r.direction)).map(([direction, group]) => ({
    direction,
    title: directionTitle(direction, partnerName),
    rows: group.map(row),
  }));
}

const judged = (value: string, target: string, status: unknown) => ({
  value,
  target,
  status: statusLabel(status),
  statusClass: statusClass(status),
});

export function latencySection(data: PartnerData, partnerName: string) {
  return {
    empty: data.latency.length === 0 && data.procedures.length === 0,
    kpis: byDirection(data.latency, partnerName, (r) => ({
      name: text(r.kpi_name),
      p50: kpiValue(r.p50, 'ms'),
      p95: kpiValue(r.p95, 'ms'),
      target: kpiValue(r.target, 'ms'),
      status: statusLabel(r.status),
      statusClass: statusClass(r.status),
      sample: count(r.sample_size),
    })),
    procedures: byDirection(data.procedures, partnerName, (r) => ({
      interface: text(r.interface),
      procedure: text(r.procedure),
      attempts: count(r.attempts),
      success: percent(r.success_rate, 2),
      p50: milliseconds(r.latency_p50_ms),
      p95: milliseconds(r.latency_p95_ms),
    })),
  };
}

export function ipxSection(data: PartnerData) {
  return {
    empty: data.ipx.length === 0,
    providers: groupBy(data.ipx, (r) => text(r.ipx_provider)).map(([provider, rows]) => ({
      provider,
      rows: rows.map((r) => ({
        trafficClass: text(r.traffic_class),
        intervals: count(r.intervals),
        availability: judged(
          percent(r.availability, 3),
          percent(r.availability_target, 2),
          r.availability_status,
        ),
        rtd: judged(
          kpiValue(r.rtd_p95_ms, 'ms'),
          kpiValue(r.rtd_p95_target, 'ms'),
          r.rtd_p95_status,
        ),
        rtdAvg: kpiValue(r.rtd_avg_ms, 'ms'),
        jitter: judged(
          kpiValue(r.jitter_ms, 'ms'),
          kpiValue(r.jitter_target, 'ms'),
          r.jitter_status,
        ),
        loss: judged(
          kpiValue(r.packet_loss_pct, 'percent'),
          kpiValue(r.packet_loss_target, 'percent'),
          r.packet_loss_status,
        ),
      })),
    })),
  };
}

/** One KPI on each IoT radio, side by side. */
function radioRows(rows: readonly Row[]) {
  const cell = (r: Row | undefined) =>
    r === undefined
      ? { value: '–', status: '', statusClass: 'muted', sample: '' }
      : {
          value: kpiValue(r.value, r.unit),
          status: statusLabel(r.status),
          statusClass: statusClass(r.status),
          sample: count(r.sample_size),
        };
  return groupBy(rows, (r) => text(r.kpi)).map(([, group]) => ({
    name: text(group[0]?.kpi_name),
    target: kpiValue(group[0]?.target, group[0]?.unit),
    nbIot: cell(group.find((r) => r.rat === 'NB-IoT')),
    lteM: cell(group.find((r) => r.rat === 'LTE-M')),
  }));
}

export function iotSection(data: PartnerData, partnerName: string) {
  return {
    empty: data.iot.length === 0 && data.iotRadios.length === 0,
    radios: groupBy(data.iotRadios, (r) => text(r.direction)).map(([direction, rows]) => ({
      title: directionTitle(direction, partnerName),
      rows: radioRows(rows),
    })),
    directions: byDirection(data.iot, partnerName, (r) => ({
      interface: text(r.interface),
      procedure: text(r.procedure),
      devices: count(r.devices),
      attempts: count(r.attempts),
      success: percent(r.success_rate, 2),
      technical: percent(r.technical_success_rate, 2),
      p50: milliseconds(r.latency_p50_ms),
      p95: milliseconds(r.latency_p95_ms),
    })),
  };
}

export function routingSection(data: PartnerData, partnerName: string) {
  return {
    empty: data.routing.length === 0,
    directions: byDirection(data.routing, partnerName, (r) => ({
      routing: text(r.routing),
      sessions: count(r.sessions),
      success: percent(r.setup_success_rate, 2),
      p50: milliseconds(r.setup_time_p50_ms),
      p95: milliseconds(r.setup_time_p95_ms),
    })),
  };
}

/** Billing quality as one table: a measure per line, a column per direction. */
export function billingSection(data: PartnerData) {
  const columns = data.billing.map((r) => text(r.direction));
  const line = (label: string, cell: (r: Row) => string) => ({
    label,
    cells: data.billing.map(cell),
  });
  const charge = (field: string) => (r: Row) => money(r[field], r.tap_currency);
  return {
    empty: data.billing.length === 0,
    columns,
    lines: [
      line('TAP files', (r) => count(r.tap_files)),
      line('TAP call events', (r) => count(r.tap_events)),
      line('TAP charge', charge('tap_charge')),
      line('Late limit', (r) => hours(r.tap_late_threshold_hours)),
      line('Delay p95', (r) => hours(r.tap_delay_p95_hours)),
      line(
        'Late events',
        (r) => `${count(r.tap_late_events)} (${percent(r.tap_late_event_share, 2)})`,
      ),
      line('FileSequenceNumbers received', (r) => count(r.tap_sequence_numbers_received)),
      line('FileSequenceNumbers missing', (r) => count(r.tap_sequence_numbers_missing)),
      line('Sequence gaps', (r) => count(r.tap_sequence_gaps)),
      line('Duplicate sequence numbers', (r) => count(r.tap_duplicate_sequence_numbers)),
      line('Call events sent twice', (r) => count(r.tap_duplicate_events)),
      line(
        'Audit mismatches',
        (r) => `${count(r.tap_audit_mismatch_files)} of ${count(r.tap_audited_files)} batches`,
      ),
      line('RAP missing returns', (r) => count(r.rap_missing_returns)),
      line(
        'RAP fatal returns',
        (r) => `${count(r.rap_fatal_returns)} · ${charge('rap_fatal_return_value')(r)}`,
      ),
      line(
        'RAP severe returns',
        (r) => `${count(r.rap_severe_returns)} · ${charge('rap_severe_return_value')(r)}`,
      ),
      line('NRTRDE records', (r) => count(r.nrtrde_records)),
      line('NRTRDE in time', (r) =>
        r.nrtrde_within_share === null
          ? '–'
          : `${percent(r.nrtrde_within_share, 2)} within ${hours(r.nrtrde_threshold_hours)}`,
      ),
    ],
  };
}

export function usageSection(data: PartnerData, partnerName: string) {
  return {
    empty: data.usage.length === 0,
    directions: byDirection(data.usage, partnerName, (r) => ({
      service: text(r.service),
      currency: currencyName(r.currency),
      events: count(r.events),
      minutes: decimal(r.minutes, 2),
      sms: count(r.sms),
      mb: decimal(r.data_volume_mb, 3),
      charge: money(r.charge, r.currency, r.scale),
      files: count(r.files),
    })),
  };
}

export function silentRoamersSection(data: PartnerData) {
  const rows = data.silentRoamers;
  const current = rows.find((r) => r.month === data.month);
  const labels = ['registered', 'silent'];
  const chart: Chart | null =
    rows.length === 0
      ? null
      : {
          id: 'silent',
          title: 'Registered and silent subscribers per month',
          spec: monthlyCountSpec(
            rows.flatMap((r) => [
              {
                month: monthShort(text(r.month)),
                label: 'registered',
                count: Number(r.registered_subscribers),
              },
              {
                month: monthShort(text(r.month)),
                label: 'silent',
                count: Number(r.silent_subscribers),
              },
            ]),
            labels,
          ),
          svg: '',
        };
  return {
    empty: rows.length === 0,
    current:
      current === undefined
        ? null
        : {
            registered: count(current.registered_subscribers),
            silent: count(current.silent_subscribers),
            share: percent(current.silent_share, 1),
          },
    rows: rows.map((r) => ({
      month: monthShort(text(r.month)),
      registered: count(r.registered_subscribers),
      silent: count(r.silent_subscribers),
      share: percent(r.silent_share, 1),
    })),
    chart,
  };
}

export function anomaliesSection(data: PartnerData) {
  const rows = data.anomalies;
  const chart: Chart | null =
    rows.length === 0
      ? null
      : {
          id: 'bursts',
          title: 'Requests in each flagged hour against its baseline',
          spec: burstSpec(
            rows.map((r) => ({
              label: `${text(r.hour)} ${text(r.procedure)}`,
              requests: Number(r.requests),
              baseline: r.baseline_mean === null ? null : Number(r.baseline_mean),
            })),
          ),
          svg: '',
        };
  return {
    empty: rows.length === 0,
    hours: count(rows.length),
    requests: count(rows.reduce((sum, r) => sum + Number(r.requests), 0)),
    rows: rows.map((r) => ({
      hour: `${text(r.hour)} UTC`,
      direction: text(r.direction),
      procedure: text(r.procedure),
      requests: count(r.requests),
      devices: count(r.devices),
      failures: percent(r.failure_share, 1),
      baseline: decimal(r.baseline_mean, 2),
      baselineDays: count(r.baseline_days),
    })),
    chart,
  };
}

/** Which sources had data, and the file and record counts the marts give for the partner. */
/** The file kinds of raw.ingested_files as the cover names them. */
const sourceNames: Record<string, string> = {
  tap: 'TAP files',
  rap: 'RAP files',
  nrtrde: 'NRTRDE files',
  'probe-xdr': 'Signalling probe exports (xDR)',
  'ipx-measurements': 'IPX measurement files',
  'active-tests': 'Active-test result files',
};

const recordNames: Record<string, string> = {
  tap: 'call events',
  rap: 'RAP files',
  nrtrde: 'call events',
  'probe-xdr': 'signalling procedures',
  'ipx-measurements': 'measurement intervals',
  'active-tests': 'tests',
};

export function coverageSection(data: PartnerData) {
  return {
    empty: data.coverage.length === 0 && data.sources.length === 0,
    sources: data.coverage.map((r) => ({
      source: text(r.source),
      kpis: count(r.kpis),
      withValue: count(r.kpis_with_value),
      largestSample: count(r.largest_sample),
    })),
    files: data.sources.map((r) => ({
      source: sourceNames[text(r.source)] ?? text(r.source),
      direction: text(r.direction),
      files: count(r.files),
      records: `${count(r.records)} ${recordNames[text(r.source)] ?? 'records'}`,
    })),
  };
}

export function appendixSection(data: PartnerData, shown: ReadonlySet<string>) {
  const rows = data.definitions.filter((r) => shown.has(text(r.kpi)));
  return {
    empty: rows.length === 0,
    rows: rows.map((r) => ({
      kpi: text(r.kpi),
      name: text(r.name),
      family: text(r.family),
      source: text(r.source),
      numerator: text(r.numerator),
      denominator: text(r.denominator),
      unit: text(r.unit),
      better: r.higher_is_better === true ? 'higher' : 'lower',
      minSample: count(r.min_sample),
    })),
  };
}
