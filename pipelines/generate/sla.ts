/**
 * Per-partner SLA agreements for every KPI of the catalogue, both directions: targets in the
 * ranges public regulators and GSMA practice quote (domain.md §3 and §6), latency and delay
 * maxima from the partner's distance so that a normal month meets them, the technical rates at
 * least as strict as the plain ones. Some partners have no target for some KPIs, about a third
 * renegotiate one KPI mid-period, and one partner agreed a 36 h limit for the TAP files it sends
 * us (the catalogue's is 72 h; ours, sent every other day, keep the catalogue's).
 */
import type { Month } from './calendar.ts';
import type { Kpi } from './catalogue.ts';
import { rngFor, type Rng } from './prng.ts';
import type { StoryPlan } from './stories.ts';
import type { Direction } from './tap-side.ts';
import { expectedTap, pools } from './volumes.ts';
import type { GenerateOptions } from './options.ts';
import type { Partner } from './world.ts';

export interface SlaRow {
  partner: string;
  direction: Direction;
  kpi: string;
  target: number;
  validFrom: string;
  validTo: string | null;
  /** The agreed limit of a share_within / share_late KPI where it is not the catalogue's. */
  threshold: number | null;
}

type Range = readonly [number, number];

/**
 * Agreed ranges of success rates: plain, and technical (user and policy failures taken out).
 * Public figures (attach failure ≤ 2 %, PDP failure ≤ 4 %) hold for large samples; a month of a
 * small partner has a few dozen attempts, where one failure costs 2–5 %.
 */
const SUCCESS: Readonly<Record<string, { plain: Range; tech: Range }>> = {
  map_ul: { plain: [0.9, 0.94], tech: [0.95, 0.965] },
  map_ul_gprs: { plain: [0.9, 0.94], tech: [0.95, 0.965] },
  s6a_ulr: { plain: [0.9, 0.94], tech: [0.95, 0.965] },
  map_sai: { plain: [0.92, 0.95], tech: [0.95, 0.965] },
  s6a_air: { plain: [0.92, 0.95], tech: [0.95, 0.965] },
  gtpv1_pdp: { plain: [0.92, 0.95], tech: [0.95, 0.96] },
  gtpv2_cs: { plain: [0.9, 0.94], tech: [0.95, 0.965] },
  sms_mo: { plain: [0.92, 0.95], tech: [0.95, 0.965] },
  sms_mt: { plain: [0.88, 0.92], tech: [0.95, 0.965] },
};
/** Lognormal p95 over median, for the shapes the generators draw (sigma 0.45, 0.5). */
const P95 = (sigma: number) => Math.exp(1.645 * sigma);
const up = (x: number, step: number) => Math.round(Math.ceil(x / step) * step * 1000) / 1000;
const between = (rng: Rng, [lo, hi]: Range, digits = 3) =>
  Math.round((lo + rng.float() * (hi - lo)) * 10 ** digits) / 10 ** digits;

/** What the partner's traffic needs to meet, per KPI: the target, or null for no target. */
function target(
  o: GenerateOptions,
  partners: readonly Partner[],
  plan: StoryPlan,
  p: Partner,
  k: Kpi,
  rng: Rng,
) {
  const d = p.country.distance;
  const success = SUCCESS[k.kpi.replace(/_success(_tech)?$/, '')];
  if (success !== undefined)
    return between(rng, k.kpi.endsWith('_tech') ? success.tech : success.plain);
  switch (k.kpi) {
    case 'registration_latency_p95':
      return up(170 * p.latency * P95(0.45) * 1.5, 50);
    case 'data_setup_time_p95':
      return up(200 * p.latency * P95(0.45) * 1.5, 50);
    case 'data_setup_within_2s':
      return d === 1 ? 0.98 : 0.95;
    // A dozen or two test SMS and calls a month: one failure costs 4–8 %.
    case 'sms_mo_delivery_success':
    case 'sms_mt_delivery_success':
      return between(rng, [0.85, 0.9], 2);
    case 'voice_call_setup_success':
      return between(rng, [0.9, 0.93], 2);
    case 'sms_mo_delivery_time_p95':
    case 'sms_mt_delivery_time_p95':
      return Math.min(90_000, up(3500 * p.latency * P95(0.5) * 2, 1000));
    case 'voice_call_setup_time_p95':
      return rng.pick([10_000, 12_000, 15_000]);
    case 'voice_mos':
      return rng.pick([3, 3.1, 3.2, 3.3]);
    case 'voice_cli_delivery':
      return between(rng, [0.93, 0.95], 2);
    case 'ipx_availability':
      return rng.pick([0.998, 0.999]);
    case 'ipx_rtd_p95':
      return up((18 + 32 * d) * (0.9 + 0.2 * p.latency) * 1.12 * 1.25 * 1.05 * 1.45 * 1.15, 10);
    case 'ipx_jitter':
      return Math.ceil(2.5 * d);
    case 'ipx_packet_loss':
      return rng.pick([0.2, 0.25, 0.3]);
    case 'tap_timeliness':
      return p === plan.tapLimit.partner ? 0.02 : between(rng, [0.02, 0.05], 2);
    case 'tap_sequence_completeness':
    case 'tap_audit_consistency':
      return 1;
    case 'rap_fatal_return_rate':
      return rng.pick([0.01, 0.02]);
    case 'rap_severe_return_rate':
    case 'rap_severe_return_value_rate':
      return between(rng, [0.02, 0.04], 3);
    case 'nrtrde_within_4h':
      return rng.pick([0.9, 0.95]);
    case 'silent_roamer_share': {
      // A roamer with λ billed events a month is silent with probability e^−λ; allow a margin.
      const lambda = expectedTap(o, partners, p) / pools(o, partners, p).outbound;
      return Math.min(0.8, up(Math.exp(-lambda) + 0.15, 0.05));
    }
    case 'signalling_storm_hours':
      return rng.pick([1, 2]);
    default:
      return fallback(k, rng);
  }
}

/** A KPI added to the catalogue later: a plausible target from its measure and unit. */
function fallback(k: Kpi, rng: Rng): number | null {
  if (k.unit !== 'ratio') return null;
  if (k.higherIsBetter)
    return between(rng, k.measure === 'technical_success_rate' ? [0.95, 0.965] : [0.9, 0.94]);
  return between(rng, [0.02, 0.05]);
}

/** KPIs a story needs a target for, as `partner|kpi`. */
function storyKpis(plan: StoryPlan): Set<string> {
  const s = new Set<string>();
  const add = (p: Partner, ...kpis: string[]) => kpis.forEach((k) => s.add(`${p.tadig}|${k}`));
  add(plan.pdpDrop.partner, 'gtpv1_pdp_success', 'gtpv1_pdp_success_tech');
  add(plan.lateTap.partner, 'tap_timeliness');
  add(plan.tapLimit.partner, 'tap_timeliness');
  add(plan.sequenceGap.partner, 'tap_sequence_completeness');
  add(plan.auditMismatch.partner, 'rap_fatal_return_rate', 'tap_audit_consistency');
  add(plan.saiStorm.partner, 'signalling_storm_hours');
  add(plan.silentRoamers.partner, 'silent_roamer_share');
  add(plan.routingShift.partner, 'data_setup_time_p95');
  add(plan.ipxOutage.partner, 'ipx_availability', 'ipx_packet_loss', 'ipx_rtd_p95');
  add(plan.mosDrop.partner, 'voice_mos');
  return s;
}

/** A stricter target for a renegotiated KPI. */
function tighter(k: Kpi, value: number): number {
  if (k.unit === 'ratio')
    return k.higherIsBetter ? Math.min(0.999, value + 0.01) : Math.max(0, value - 0.01);
  if (k.unit === 'MOS') return Math.round((value + 0.1) * 100) / 100;
  return k.higherIsBetter ? value : Math.round(value * 0.9);
}

export function slaAgreements(
  o: GenerateOptions,
  partners: readonly Partner[],
  months: readonly Month[],
  kpis: readonly Kpi[],
  plan: StoryPlan,
): SlaRow[] {
  const rows: SlaRow[] = [];
  const first = months[0]!.key;
  const needed = storyKpis(plan);
  for (const p of partners) {
    const rng = rngFor(o.seed, 'sla', p.tadig);
    // Renegotiated: any KPI but the stories' and the plain rates that have a technical twin
    // (a stricter plain target could pass the technical one).
    const twins = new Set(kpis.map((k) => k.kpi));
    const free = kpis.filter(
      (k) => !needed.has(`${p.tadig}|${k.kpi}`) && !twins.has(`${k.kpi}_tech`),
    );
    const change =
      months.length > 1 && rng.chance(0.35) && free.length > 0
        ? { kpi: rng.pick(free).kpi, month: months[1 + rng.int(months.length - 1)]!.key }
        : null;
    // No agreement on one family for some partners, and none on inbound active tests for others.
    const families = ['voice', 'ipx', 'usage', 'security'];
    const noFamily = rng.chance(0.3) ? rng.pick(families) : null;
    const noInboundTests = rng.chance(0.5);
    for (const direction of ['outbound', 'inbound'] as const) {
      for (const k of kpis) {
        const value = target(o, partners, plan, p, k, rng);
        const story = needed.has(`${p.tadig}|${k.kpi}`);
        if (value === null) continue;
        if (!story && k.family === noFamily) continue;
        if (!story && direction === 'inbound' && noInboundTests && k.source === 'active tests')
          continue;
        if (k.kpi === 'nrtrde_within_4h' && (direction === 'inbound' || !p.sendsNrtrde)) continue;
        const limit = k.kpi === 'tap_timeliness' && p === plan.tapLimit.partner;
        const threshold = limit && direction === 'outbound' ? plan.tapLimit.hours : null;
        const base = {
          partner: p.tadig,
          direction,
          kpi: k.kpi,
          validFrom: `${first}-01`,
          threshold,
        };
        if (change !== null && change.kpi === k.kpi && direction === 'outbound') {
          const at = `${change.month}-01`;
          rows.push({ ...base, target: value, validTo: at });
          rows.push({ ...base, target: tighter(k, value), validFrom: at, validTo: null });
        } else rows.push({ ...base, target: value, validTo: null });
      }
    }
  }
  return rows;
}

/** The target of a KPI for a partner and direction on the first day of `month`. */
export function targetOn(
  rows: readonly SlaRow[],
  partner: string,
  kpi: string,
  month: string,
  direction: Direction = 'outbound',
): SlaRow | undefined {
  const day = `${month}-01`;
  return rows.find(
    (r) =>
      r.partner === partner &&
      r.direction === direction &&
      r.kpi === kpi &&
      r.validFrom <= day &&
      (r.validTo === null || day < r.validTo),
  );
}

/** A target as sla_agreements.csv writes it: by the KPI's unit. */
export function targetText(k: Kpi | undefined, value: number): string {
  switch (k?.unit) {
    case 'ms':
    case 'count':
      return String(Math.round(value));
    case 'MOS':
    case 'percent':
      return value.toFixed(2);
    default:
      return value.toFixed(4);
  }
}
