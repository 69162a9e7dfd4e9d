/**
 * Billed usage on one day of one TAP side (our roamers in a partner's network, or its roamers in
 * ours), as plain events in time order: calls, SMS, data sessions and (TAP 3.12) VoLTE sessions,
 * with exact integer charges in the TAP currency scaled by the sender's TapDecimalPlaces.
 * Regenerating a day gives the same events, so TAP and NRTRDE files can both be written from it.
 */
import { DAY, type Month } from './calendar.ts';
import type { GenerateOptions } from './options.ts';
import { rngFor, WeightedPicker } from './prng.ts';
import type { RoutingMix } from './stories.ts';
import { isIot } from './subscribers.ts';
import type { TapSide } from './tap-side.ts';
import { sortedTimes } from './times.ts';
import { expectedTap, pools } from './volumes.ts';
import type { Partner } from './world.ts';

export type TapKind = 'moc' | 'mtc' | 'sms-mo' | 'sms-mt' | 'gprs' | 'volte';

export interface TapEvent {
  kind: TapKind;
  /** Start, UTC ms (whole seconds). */
  t: number;
  sub: number;
  iot: boolean;
  duration: number;
  /** Bytes, data sessions only. */
  volumeIn: number;
  volumeOut: number;
  /** Charged units: seconds (rounded up to the minute), SMS count or kilobytes. */
  units: number;
  chargedUnits: number;
  charge: number;
  tax: number;
  discount: number;
  /** Called or calling number. */
  otherParty: string;
  cell: number;
  chargingId: number;
  routing: 'home' | 'local' | 'regional';
}

const KINDS = new WeightedPicker<TapKind>([
  ['moc', 24],
  ['mtc', 12],
  ['sms-mo', 10],
  ['sms-mt', 6],
  ['gprs', 40],
  ['volte', 8],
]);

const label = (side: TapSide, name: string) =>
  side.direction === 'outbound' ? name : `${name}-inbound`;

/** How many call events the sender bills for each day of the month. */
export function dailyCounts(
  o: GenerateOptions,
  partners: readonly Partner[],
  side: TapSide,
  m: Month,
) {
  const p = side.partner;
  const rng = rngFor(o.seed, label(side, 'tap-days'), p.tadig, m.key);
  const mean = expectedTap(o, partners, p, side.direction) / m.days;
  return Array.from({ length: m.days }, (_, d) => {
    const weekday = new Date(m.start + d * DAY).getUTCDay();
    return rng.poisson(mean * (weekday === 0 || weekday === 6 ? 1.15 : 0.95));
  });
}

const scaled = (micro: number, tdp: number) => Math.round(micro / 10 ** (6 - tdp));

export function* dayEvents(
  o: GenerateOptions,
  partners: readonly Partner[],
  side: TapSide,
  m: Month,
  day: number,
  count: number,
  routing: RoutingMix,
): Generator<TapEvent> {
  const p = side.partner;
  const rng = rngFor(o.seed, label(side, 'tap'), p.tadig, m.key, day);
  const pool = pools(o, partners, p)[side.direction];
  const start = m.start + day * DAY;
  const tdp = side.tapDecimalPlaces;
  const tariff = side.tariff;
  for (const ms of sortedTimes(rng, count, start, start + DAY)) {
    let kind = KINDS.pick(rng);
    if (kind === 'volte' && side.release < 12) kind = 'moc';
    const sub = rng.int(pool);
    const iot = isIot(sub, side.iotShare);
    if (iot) kind = 'gprs';
    const e: TapEvent = {
      kind,
      t: Math.floor(ms / 1000) * 1000,
      sub,
      iot,
      duration: 0,
      volumeIn: 0,
      volumeOut: 0,
      units: 1,
      chargedUnits: 1,
      charge: 0,
      tax: 0,
      discount: 0,
      otherParty: '',
      cell: rng.range(1, 65_000),
      chargingId: rng.u32(),
      routing: 'home',
    };
    if (kind === 'moc' || kind === 'mtc' || kind === 'volte') {
      e.duration = Math.min(7200, Math.max(1, Math.round(rng.lognormal(75, 0.9))));
      e.units = e.duration;
      e.chargedUnits = Math.ceil(e.duration / 60) * 60;
      const rate = kind === 'mtc' ? tariff.mtcPerMinute : tariff.mocPerMinute;
      e.charge = scaled((e.chargedUnits * rate) / 60, tdp);
    } else if (kind === 'sms-mo') e.charge = scaled(tariff.smsMo, tdp);
    else if (kind === 'gprs') {
      e.duration = Math.min(86_400, Math.max(1, Math.round(rng.lognormal(iot ? 300 : 1500, 1))));
      const total = Math.max(200, Math.round(rng.lognormal(iot ? 20_000 : 3_000_000, 1.4)));
      e.volumeIn = Math.round(total * (0.8 + rng.float() * 0.15));
      e.volumeOut = total - e.volumeIn;
      e.units = Math.ceil(total / 1024);
      e.chargedUnits = e.units;
      e.charge = scaled((e.units * tariff.perMegabyte) / 1024, tdp);
      const x = rng.float();
      e.routing =
        x < routing.local ? 'local' : x < routing.local + routing.regional ? 'regional' : 'home';
      if (side.discountRate !== null)
        e.discount = Math.round((e.charge * side.discountRate) / 10_000);
    }
    if (side.taxRate !== null) e.tax = Math.round((e.charge * side.taxRate) / 10_000_000);
    if (kind !== 'gprs') {
      const home = rng.chance(0.45);
      e.otherParty = home
        ? `${side.homeCc}7${rng.range(100_000_000, 999_999_999)}`
        : `${side.visited.country.cc}${rng.range(100_000_000, 999_999_999)}`;
    }
    yield e;
  }
}
