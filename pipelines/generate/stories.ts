/**
 * The planted stories: which partner, month and day each one hits, chosen from the seed. What was
 * actually planted (counts, files, IMSIs) is recorded by the writers into the manifest.
 */
import type { Month } from './calendar.ts';
import { rngFor } from './prng.ts';
import { expectedXdr } from './volumes.ts';
import type { GenerateOptions } from './options.ts';
import type { Direction } from './tap-side.ts';
import type { Partner } from './world.ts';

export type RoutingMix = Partner['routing'];

export interface StoryPlan {
  /** GTPv1 CreatePDPContext success of our roamers in this partner drops in one month. */
  pdpDrop: { partner: Partner; month: Month; failureRate: number };
  /** TAP files with cut-off on these days of the month are made available long after. */
  lateTap: { partner: Partner; month: Month; firstDay: number; lastDay: number; delayDays: number };
  /** One FileSequenceNumber is skipped after the file of this day. */
  sequenceGap: { partner: Partner; month: Month; day: number };
  /** A record of the first batch on or after this day is sent again in the next batch. */
  duplicate: { partner: Partner; month: Month; day: number };
  /** The first batch on or after this day states a TotalCharge too high by this share. */
  auditMismatch: { partner: Partner; month: Month; day: number; share: number };
  /** SendAuthenticationInfo storm from the partner's VLRs on one day. */
  saiStorm: { partner: Partner; month: Month; day: number; hour: number; devices: number };
  /** Our subscribers registered in the partner's network who never show up in TAP. */
  silentRoamers: { partner: Partner; month: Month; count: number };
  /** A 36 h limit for one daily-file partner's TAP files to us; its files come late in the day. */
  tapLimit: { partner: Partner; hours: number };
  /** From this month on the partner breaks our roamers' data out at a regional gateway. */
  routingShift: { partner: Partner; month: Month; mix: RoutingMix };
  /** The partner's IPX path degrades for a few days: probes lost, delay and loss up. */
  ipxOutage: { partner: Partner; month: Month; day: number; days: number };
  /** Speech quality of test calls in the partner's network drops in one month. */
  mosDrop: { partner: Partner; month: Month; drop: number };
}

export function planStories(
  options: GenerateOptions,
  partners: readonly Partner[],
  months: readonly Month[],
): StoryPlan {
  const rng = rngFor(options.seed, 'stories');
  const last = months[months.length - 1]!;
  const month = () => rng.pick(months);
  const day = (m: Month) => rng.range(2, Math.max(2, m.days - 3));
  // The PDP story needs volume: the partner with the most GTPv1 traffic of our roamers.
  const pdpVolume = (p: Partner) => expectedXdr(options, partners, p) * p.legacyShare;
  const pdp = [...partners].sort((a, b) => pdpVolume(b) - pdpVolume(a))[0]!;
  const others = partners.filter((p) => p !== pdp);
  const order = others.length === 0 ? [pdp] : others;
  const start = rng.int(order.length);
  const nth = (i: number) => order[(start + i) % order.length]!;
  const late = month();
  const lateFirst = rng.range(1, Math.max(1, late.days - 8));
  const storm = month();
  const lateTap = {
    partner: nth(0),
    month: late,
    firstDay: lateFirst,
    lastDay: lateFirst + 4,
    delayDays: rng.range(12, 20),
  };
  const pickFrom = (list: readonly Partner[]) => rng.pick(list.length > 0 ? list : order);
  const daily = order.filter((p) => p.tapEveryDays === 1 && p !== lateTap.partner);
  // The routing story on a partner without regional breakout and, if it can, without a story.
  const busy = new Set([0, 1, 2, 3, 4, 5].map(nth));
  const noRegional = order.filter((p) => p.routing.regional === 0);
  const quiet = noRegional.filter((p) => !busy.has(p));
  const routing = pickFrom(quiet.length > 0 ? quiet : noRegional);
  const ipx = pickFrom(order.filter((p) => p !== routing));
  const mos = pickFrom(order.filter((p) => p !== routing && p !== ipx));
  const middle = months.slice(Math.min(2, months.length - 1));
  const outage = month();
  return {
    pdpDrop: { partner: pdp, month: last, failureRate: 0.2 + rng.float() * 0.1 },
    lateTap,
    sequenceGap: { partner: nth(1), month: month(), day: rng.range(2, 20) },
    duplicate: { partner: nth(2), month: month(), day: rng.range(2, 20) },
    auditMismatch: {
      partner: nth(3),
      month: month(),
      day: rng.range(2, 20),
      share: 0.05 + rng.float() * 0.2,
    },
    saiStorm: {
      partner: nth(4),
      month: storm,
      day: day(storm),
      hour: rng.range(1, 18),
      devices: rng.range(15, 40),
    },
    silentRoamers: { partner: nth(5), month: month(), count: rng.range(12, 30) },
    tapLimit: { partner: pickFrom(daily), hours: 36 },
    routingShift: {
      partner: routing,
      month: rng.pick(middle),
      mix: { home: 0.25, local: 0.05, regional: 0.7 },
    },
    ipxOutage: { partner: ipx, month: outage, day: rng.range(3, outage.days - 6), days: 3 },
    mosDrop: { partner: mos, month: month(), drop: 0.8 + rng.float() * 0.3 },
  };
}

/** The routing mix of data sessions of one partner, month and direction. */
export function routingMix(
  plan: StoryPlan,
  partner: Partner,
  month: Month,
  direction: Direction,
): RoutingMix {
  const shift = plan.routingShift;
  if (direction === 'outbound' && partner === shift.partner && month.start >= shift.month.start)
    return shift.mix;
  return partner.routing;
}
