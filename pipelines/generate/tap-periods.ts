/**
 * What one TAP file covers and when it is made available: periods of one or two days that start
 * again on the first of each month, cut off at the last second of the period (UTC), created a few
 * hours later — except the planted late files, and the 36 h partner whose files come late in the day.
 */
import { DAY, type Month } from './calendar.ts';
import type { Rng } from './prng.ts';
import type { StoryPlan } from './stories.ts';
import type { FileTimes } from './tap-header.ts';
import type { TapSide } from './tap-side.ts';

const HOUR = 3_600_000;

export interface Period {
  /** First day, 0-based. */
  first: number;
  days: number;
}

export function periods(m: Month, every: number): Period[] {
  const out: Period[] = [];
  for (let first = 0; first < m.days; first += every)
    out.push({ first, days: Math.min(every, m.days - first) });
  return out;
}

/** First instant after the period, UTC ms. */
export const periodEnd = (m: Month, p: Period) => m.start + (p.first + p.days) * DAY;

/** Whether the period holds a day (1-based) of the range [from, to]. */
export const covers = (p: Period, from: number, to = from) =>
  p.first + 1 <= to && p.first + p.days >= from;

/** Whether the period is the planted late backlog. */
export function isLate(plan: StoryPlan, side: TapSide, m: Month, p: Period): boolean {
  const late = plan.lateTap;
  return (
    side.direction === 'outbound' &&
    late.partner === side.partner &&
    late.month === m &&
    covers(p, late.firstDay, late.lastDay)
  );
}

/** Whole seconds: the files state their times to the second. */
const seconds = (t: number) => Math.floor(t / 1000) * 1000;

export function fileTimes(
  rng: Rng,
  plan: StoryPlan,
  side: TapSide,
  m: Month,
  p: Period,
): FileTimes {
  const end = periodEnd(m, p);
  const cutOff = end - 1000;
  if (isLate(plan, side, m, p)) {
    const late = plan.lateTap;
    const available = m.start + (late.lastDay + late.delayDays) * DAY + rng.range(8, 16) * HOUR;
    return { cutOff, created: available - 20 * 60_000, available };
  }
  if (side.direction === 'inbound') {
    const created = end + rng.range(1, 3) * HOUR + rng.int(3600) * 1000;
    return { cutOff, created, available: created + rng.range(5, 30) * 60_000 };
  }
  const lateInDay = plan.tapLimit.partner === side.partner;
  const created = end + rng.range(lateInDay ? 8 : 2, lateInDay ? 15 : 10) * HOUR + rng.int(HOUR);
  return {
    cutOff,
    created: seconds(created),
    available: seconds(created) + rng.range(5, 60) * 60_000,
  };
}
