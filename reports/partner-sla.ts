/** The partner SLA report's view model: mart rows in, what the template shows out. Pure. */
import type { RateBar } from './charts.ts';
import { count, milliseconds, monthTitle, percent } from './format.ts';
import type { Row } from './queries.ts';
import { asText } from '../pipelines/lib/text.ts';

export interface Partner {
  tadig: string;
  name: string;
}

export interface DirectionSection {
  direction: string;
  /** Who roams where, in words. */
  title: string;
  rows: Array<Record<string, string>>;
  bars: RateBar[];
  /** Filled in by the renderer: the chart as SVG. */
  chart?: string;
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
  belowTarget: Array<{
    procedure: string;
    interface: string;
    direction: string;
    rate: string;
    target: string;
  }>;
  sections: DirectionSection[];
}

const directionTitles: Record<string, (partner: string) => string> = {
  outbound: (partner) => `Outbound: our subscribers in ${partner}'s network`,
  inbound: (partner) => `Inbound: ${partner}'s subscribers in our network`,
};

function status(row: Row): { status: string; statusClass: string } {
  if (row.meets_target === null) return { status: 'no target', statusClass: '' };
  return row.meets_target === true
    ? { status: 'met', statusClass: 'ok' }
    : { status: 'missed', statusClass: 'bad' };
}

function section(partner: Partner, direction: string, rows: readonly Row[]): DirectionSection {
  return {
    direction,
    title: directionTitles[direction]?.(partner.name) ?? direction,
    rows: rows.map((r) => ({
      procedure: text(r.procedure),
      interface: text(r.interface),
      attempts: count(r.attempts),
      successes: count(r.successes),
      rate: percent(r.success_rate),
      target: percent(r.target_success_rate),
      p50: milliseconds(r.latency_p50_ms),
      p95: milliseconds(r.latency_p95_ms),
      ...status(r),
    })),
    bars: rows.map((r) => ({
      label: text(r.procedure),
      rate: Number(r.success_rate),
      target: r.target_success_rate === null ? null : Number(r.target_success_rate),
    })),
  };
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
  // Outbound first: our own subscribers' experience leads the review.
  const directions = [...new Set(rows.map((r) => text(r.direction)))].sort((a, b) =>
    a === 'outbound' ? -1 : b === 'outbound' ? 1 : a.localeCompare(b),
  );
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
        direction: text(r.direction),
        rate: percent(r.success_rate),
        target: percent(r.target_success_rate),
      })),
    sections: directions.map((d) =>
      section(
        partner,
        d,
        rows.filter((r) => text(r.direction) === d),
      ),
    ),
  };
}
