/**
 * Planted probe rows: the SAI storm (one partner's VLRs hammering our HLR for a few hours) and
 * the silent roamers (registrations of our subscribers who never generate billed usage). Pure
 * functions of the plan, so the manifest and the writers agree.
 */
import type { Month } from './calendar.ts';
import { DAY } from './calendar.ts';
import type { GenerateOptions } from './options.ts';
import { rngFor } from './prng.ts';
import type { StoryPlan } from './stories.ts';
import { uniformTimes } from './times.ts';
import { expectedXdr, pools } from './volumes.ts';
import { procedure, type Family } from './xdr-codes.ts';
import type { XdrEvent } from './xdr-rows.ts';
import type { Partner } from './world.ts';

const HOUR = 3_600_000;
const STORM_HOURS = 3;

/** The storm's SAI requests: ten times a normal day's volume (at least 300) in three hours. */
export function stormEvents(
  o: GenerateOptions,
  partners: readonly Partner[],
  plan: StoryPlan,
): XdrEvent[] {
  const { partner, month, day, hour, devices } = plan.saiStorm;
  const rng = rngFor(o.seed, 'story', 'sai-storm');
  const normalDaily =
    (expectedXdr(o, partners, partner) * partner.outboundShare * 0.2) / month.days;
  const rows = Math.max(300, Math.round(normalDaily * 10));
  const pool = pools(o, partners, partner).outbound;
  const subs = Array.from({ length: devices }, () => rng.int(pool));
  const start = month.start + (day - 1) * DAY + hour * HOUR;
  const sai = procedure('SendAuthenticationInfo');
  return [...uniformTimes(rng, rows, start, start + STORM_HOURS * HOUR)].map((t) => {
    const x = rng.float();
    return {
      t,
      partner,
      outbound: true,
      proc: sai,
      sub: rng.pick(subs),
      result: x < 0.55 ? null : x < 0.85 ? 34 : -1,
    };
  });
}

/** Registrations (UpdateLocation or ULR, all successful) of subscribers outside the billed pool. */
export function silentEvents(
  o: GenerateOptions,
  partners: readonly Partner[],
  plan: StoryPlan,
): XdrEvent[] {
  const { partner, month, count } = plan.silentRoamers;
  const rng = rngFor(o.seed, 'story', 'silent-roamers');
  const first = pools(o, partners, partner).outbound;
  const events: XdrEvent[] = [];
  for (let k = 0; k < count; k++) {
    const proc = procedure(rng.chance(partner.legacyShare) ? 'UpdateLocation' : 'ULR');
    const times = [...uniformTimes(rng, rng.range(2, 4), month.start, month.end)];
    for (const t of times) {
      events.push({ t, partner, outbound: true, proc, sub: first + k, result: proc.success });
    }
  }
  return events.sort((a, b) => a.t - b.t);
}

/** The planted rows of one month's export of one family, in time order. */
export function storyEvents(
  o: GenerateOptions,
  partners: readonly Partner[],
  plan: StoryPlan,
  month: Month,
  family: Family,
): XdrEvent[] {
  const events: XdrEvent[] = [];
  if (plan.saiStorm.month === month && family === 'map')
    events.push(...stormEvents(o, partners, plan));
  if (plan.silentRoamers.month === month)
    events.push(...silentEvents(o, partners, plan).filter((e) => e.proc.family === family));
  return events.sort((a, b) => a.t - b.t);
}
