/**
 * Months, UTC offsets with daylight saving, and the timestamp formats the generated files use.
 * All times are integer milliseconds since the epoch; nothing reads the wall clock.
 */
import type { DstRule } from './countries.ts';

const DAY = 86_400_000;

export interface Month {
  /** `YYYY-MM`. */
  key: string;
  /** First instant, UTC ms. */
  start: number;
  /** First instant of the next month, UTC ms. */
  end: number;
  days: number;
}

export function monthsFrom(from: string, count: number): Month[] {
  const [y, m] = from.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const start = Date.UTC(y, m - 1 + i, 1);
    const end = Date.UTC(y, m + i, 1);
    const d = new Date(start);
    const key = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}`;
    return { key, start, end, days: Math.round((end - start) / DAY) };
  });
}

/** UTC ms of the n-th (1-based; 0 = last) Sunday of a month, at `hourUtc`. */
function sunday(year: number, month: number, n: number, hourUtc: number): number {
  if (n === 0) {
    const last = new Date(Date.UTC(year, month + 1, 0));
    return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), hourUtc);
  }
  const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
  return Date.UTC(year, month, 1 + ((7 - first) % 7) + 7 * (n - 1), hourUtc);
}

/** Minutes east of UTC at instant `t` for a standard offset and a daylight-saving rule. */
export function offsetAt(t: number, standard: number, rule: DstRule): number {
  if (rule === null) return standard;
  const year = new Date(t).getUTCFullYear();
  if (rule === 'eu') {
    const summer = t >= sunday(year, 2, 0, 1) && t < sunday(year, 9, 0, 1);
    return summer ? standard + 60 : standard;
  }
  const local = -standard / 60;
  const summer = t >= sunday(year, 2, 2, 2 + local) && t < sunday(year, 10, 1, 1 + local);
  return summer ? standard + 60 : standard;
}

const PAD2: readonly string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const PAD3: readonly string[] = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

export const pad2 = (n: number): string => PAD2[n] ?? String(n).padStart(2, '0');

/** `+HHMM` for minutes east of UTC. */
export function offsetText(minutes: number): string {
  const a = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad2(Math.floor(a / 60))}${pad2(a % 60)}`;
}

/** `CCYYMMDDhhmmss` of the wall clock at `t` with an offset in minutes. */
export function localStamp(t: number, offsetMinutes: number): string {
  const d = new Date(t + offsetMinutes * 60_000);
  return (
    `${d.getUTCFullYear()}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}` +
    `${pad2(d.getUTCHours())}${pad2(d.getUTCMinutes())}${pad2(d.getUTCSeconds())}`
  );
}

/**
 * Fast `YYYY-MM-DD hh:mm:ss.mmm` (UTC) for CSV rows: the date part is cached per day, the time
 * is built from lookup tables.
 */
export class CsvTime {
  private day = -1;
  private prefix = '';

  format(t: number): string {
    const day = Math.floor(t / DAY);
    if (day !== this.day) {
      this.day = day;
      this.prefix = `${new Date(day * DAY).toISOString().slice(0, 10)} `;
    }
    let r = t - day * DAY;
    const ms = r % 1000;
    r = (r - ms) / 1000;
    const s = r % 60;
    r = (r - s) / 60;
    const m = r % 60;
    const h = (r - m) / 60;
    return `${this.prefix}${PAD2[h]!}:${PAD2[m]!}:${PAD2[s]!}.${PAD3[ms]!}`;
  }
}

export { DAY };
