/**
 * What the TAP writer put in the files, summed per side (partner × direction) and month: events,
 * charges, late events against each TAP limit in force, files and sequence numbers, and the
 * subscribers billed (for the partners whose silent roamers the manifest counts). The manifest's
 * billing numbers come from here, never from the plan.
 */
import type { Month } from './calendar.ts';
import type { TapEvent } from './tap-events.ts';
import type { Direction, TapSide } from './tap-side.ts';

export interface TapMonth {
  partner: string;
  direction: Direction;
  month: string;
  /** Call events written (a record sent twice counts twice), by UTC month of their start. */
  events: number;
  /** ChargeType 00 charges, taxes and discounts: integers at `scale` decimals. */
  charge: number;
  tax: number;
  discount: number;
  scale: number;
  currency: string;
  /** Events made available more than N hours after they ended, by N. */
  lateOver: Record<string, number>;
  /** Files whose TransferCutOffTimeStamp (UTC) is in the month. */
  batches: number;
  notifications: number;
  sequences: string[];
}

const key = (tadig: string, direction: Direction, month: string) =>
  `${tadig}|${direction}|${month}`;

const DAY_MS = 86_400_000;
const monthOfDay = new Map<number, string>();

/** `YYYY-MM` of the UTC month of `t` (cached per day: called for every row written). */
export function monthKey(t: number): string {
  const day = Math.floor(t / DAY_MS);
  let key = monthOfDay.get(day);
  if (key === undefined) {
    key = new Date(day * DAY_MS).toISOString().slice(0, 7);
    monthOfDay.set(day, key);
  }
  return key;
}

export class TapLedger {
  readonly months = new Map<string, TapMonth>();
  /** Pool indices billed per side and month, for the tracked partners. */
  readonly billed = new Map<string, Set<number>>();

  private readonly limitMs: readonly (readonly [string, number])[];

  constructor(
    /** TAP limits (hours) to count late events against: the catalogue's and agreed ones. */
    readonly limits: readonly number[],
    readonly tracked: ReadonlySet<string>,
  ) {
    this.limitMs = limits.map((h) => [String(h), h * 3_600_000] as const);
  }

  get(side: TapSide, month: string): TapMonth {
    const k = key(side.partner.tadig, side.direction, month);
    let m = this.months.get(k);
    if (m === undefined) {
      m = {
        partner: side.partner.tadig,
        direction: side.direction,
        month,
        events: 0,
        charge: 0,
        tax: 0,
        discount: 0,
        scale: side.tapDecimalPlaces,
        currency: side.tapCurrency === 'SDR' ? 'XDR' : side.tapCurrency,
        lateOver: Object.fromEntries(this.limits.map((h) => [String(h), 0])),
        batches: 0,
        notifications: 0,
        sequences: [],
      };
      this.months.set(k, m);
    }
    return m;
  }

  file(side: TapSide, m: Month, sequence: string, batch: boolean): void {
    const t = this.get(side, m.key);
    if (batch) t.batches += 1;
    else t.notifications += 1;
    t.sequences.push(sequence);
  }

  event(side: TapSide, e: TapEvent, available: number): void {
    const month = monthKey(e.t);
    const t = this.get(side, month);
    t.events += 1;
    t.charge += e.charge;
    t.tax += e.tax;
    t.discount += e.discount;
    const age = available - (e.t + e.duration * 1000);
    for (const [h, ms] of this.limitMs) if (age > ms) t.lateOver[h]! += 1;
    if (this.tracked.has(side.partner.tadig)) {
      const k = key(side.partner.tadig, side.direction, month);
      let subs = this.billed.get(k);
      if (subs === undefined) this.billed.set(k, (subs = new Set()));
      subs.add(e.sub);
    }
  }

  billedSubs(tadig: string, direction: Direction, month: string): ReadonlySet<number> {
    return this.billed.get(key(tadig, direction, month)) ?? new Set();
  }

  find(tadig: string, direction: Direction, month: string): TapMonth | undefined {
    return this.months.get(key(tadig, direction, month));
  }
}
