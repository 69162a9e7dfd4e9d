/** The partner SLA report's view model: mart rows in, what the template shows out. Pure. */
import type { RateBar } from './charts.ts';
import { count, milliseconds, monthTitle, percent } from './format.ts';
import type { Row } from './queries.ts';
import { asText } from '../pipelines/lib/text.ts';

export interface Partner {
  tadig: string;
  name: string;
}

export interface PartnerSlaModel {
  partner: Partner;
  month: string;
  monthTitle: string;
  direction: string;
  metCount: number;
  targetCount: number;
  allMet: boolean;
  totalAttempts: string;
  overallRate: string;
  belowTarget: Array<{ procedure: string; interface: string; rate: string; target: string }>;
  rows: Array<Record<string, string>>;
  bars: RateBar[];
}

const text = (value: unknown) => asText(value);

export function partnerSlaModel(
  partner: Partner,
  month: string,
  rows: readonly Row[],
): PartnerSlaModel {
  const withTarget = rows.filter((r) => r.target_success_rate !== null);
  const met = withTarget.filter((r) => r.meets_target === true);
  const attempts = rows.reduce((sum, r) => sum + Number(r.attempts), 0);
  const successes = rows.reduce((sum, r) => sum + Number(r.successes), 0);
  const directions = [...new Set(rows.map((r) => text(r.direction)))];
  return {
    partner,
    month,
    monthTitle: monthTitle(month),
    direction: directions.join(' and ') || 'no data',
    metCount: met.length,
    targetCount: withTarget.length,
    allMet: met.length === withTarget.length,
    totalAttempts: count(attempts),
    overallRate: attempts === 0 ? '–' : percent(successes / attempts),
    belowTarget: withTarget
      .filter((r) => r.meets_target === false)
      .map((r) => ({
        procedure: text(r.procedure),
        interface: text(r.interface),
        rate: percent(r.success_rate),
        target: percent(r.target_success_rate),
      })),
    rows: rows.map((r) => ({
      procedure: text(r.procedure),
      interface: text(r.interface),
      attempts: count(r.attempts),
      successes: count(r.successes),
      rate: percent(r.success_rate),
      target: percent(r.target_success_rate),
      p50: milliseconds(r.latency_p50_ms),
      p95: milliseconds(r.latency_p95_ms),
      status: r.meets_target === null ? 'no target' : r.meets_target === true ? 'met' : 'missed',
      statusClass: r.meets_target === null ? '' : r.meets_target === true ? 'ok' : 'bad',
    })),
    bars: rows.map((r) => ({
      label: `${text(r.procedure)}${directions.length > 1 ? ` (${text(r.direction)})` : ''}`,
      rate: Number(r.success_rate),
      target: r.target_success_rate === null ? null : Number(r.target_success_rate),
    })),
  };
}
