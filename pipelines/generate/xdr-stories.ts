/**
 * Planted probe rows: the SAI storm (one partner's VLRs hammering our HLR for a few hours), the
 * silent roamers (registrations of our subscribers who never generate billed usage) and the rows
 * of a network we have no agreement with (they match no partner). Pure functions of the plan, so
 * the manifest and the writers agree.
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
import { strangerNetwork, type Partner } from './world.ts';

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

/**
 * Registration attempts of roamers of a non-partner network in ours (inbound) and of our
 * subscribers in it (outbound, which our HLR/HSS rejects: roaming not allowed), a few a month.
 */
export function strangerEvents(
  o: GenerateOptions,
  partners: readonly Partner[],
  month: Month,
  family: Family,
): XdrEvent[] {
  if (family === 'gtp' || partners.length === 0) return [];
  const rng = rngFor(o.seed, 'story', 'strangers', month.key, family);
  const network = strangerNetwork(partners);
  const names = family === 'map' ? ['UpdateLocation', 'SendAuthenticationInfo'] : ['ULR', 'AIR'];
  const events: XdrEvent[] = [];
  for (const outbound of [false, true]) {
    const count = outbound ? rng.range(1, 4) : rng.range(3, 9);
    for (let k = 0; k < count; k++) {
      const proc = procedure(rng.pick(names));
      const registration = proc.name === 'UpdateLocation' || proc.name === 'ULR';
      const rejected = registration && (outbound || rng.chance(0.7));
      const reject = proc.interface === 'MAP' ? 8 : 5004;
      events.push({
        t: month.start + rng.int(month.end - month.start),
        partner: network,
        outbound,
        proc,
        sub: rng.int(500),
        result: rejected ? reject : proc.success,
        stranger: true,
      });
    }
  }
  return events;
}

/** The planted rows of one month's export of one family, in time order. */
export function storyEvents(
  o: GenerateOptions,
  partners: readonly Partner[],
  plan: StoryPlan,
  month: Month,
  family: Family,
): XdrEvent[] {
  const events: XdrEvent[] = [...strangerEvents(o, partners, month, family)];
  if (plan.saiStorm.month === month && family === 'map')
    events.push(...stormEvents(o, partners, plan));
  if (plan.silentRoamers.month === month)
    events.push(...silentEvents(o, partners, plan).filter((e) => e.proc.family === family));
  return events.sort((a, b) => a.t - b.t);
}
