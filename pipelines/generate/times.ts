/**
 * Event times in ascending order without sorting: sequential order statistics of uniforms mapped
 * through the cumulative hourly traffic profile of the period (busier days and evenings).
 */
import { DAY } from './calendar.ts';
import type { Rng } from './prng.ts';

const HOUR = 3_600_000;
const DIURNAL = [
  0.25, 0.18, 0.14, 0.12, 0.12, 0.18, 0.35, 0.6, 0.8, 0.9, 0.95, 1, 1, 0.98, 0.95, 0.95, 0.97, 1, 1,
  0.95, 0.85, 0.7, 0.5, 0.35,
];

/** Relative traffic of the hour starting at `t` (UTC). */
export function hourWeight(t: number): number {
  const h = Math.floor((t % DAY) / HOUR);
  const weekday = new Date(t).getUTCDay();
  return (DIURNAL[h] ?? 1) * (weekday === 0 || weekday === 6 ? 0.9 : 1);
}

/** `n` ascending times in [start, end), whole milliseconds, following the hourly profile. */
export function* sortedTimes(rng: Rng, n: number, start: number, end: number): Generator<number> {
  const hours = Math.ceil((end - start) / HOUR);
  const cumulative = new Float64Array(hours + 1);
  for (let i = 0; i < hours; i++) {
    const from = start + i * HOUR;
    const span = Math.min(HOUR, end - from) / HOUR;
    cumulative[i + 1] = cumulative[i]! + hourWeight(from) * span;
  }
  const total = cumulative[hours]!;
  let u = 0;
  let bin = 0;
  for (let k = 0; k < n; k++) {
    // Minimum of the remaining n − k uniforms in (u, 1).
    u = 1 - (1 - u) * Math.pow(1 - rng.float(), 1 / (n - k));
    const x = u * total;
    while (bin < hours - 1 && cumulative[bin + 1]! <= x) bin++;
    const within = (x - cumulative[bin]!) / (cumulative[bin + 1]! - cumulative[bin]!);
    const t = Math.floor(start + (bin + within) * HOUR);
    yield Math.min(end - 1, t);
  }
}

/** `n` ascending uniform times in [start, end). */
export function* uniformTimes(rng: Rng, n: number, start: number, end: number): Generator<number> {
  let u = 0;
  for (let k = 0; k < n; k++) {
    u = 1 - (1 - u) * Math.pow(1 - rng.float(), 1 / (n - k));
    yield Math.min(end - 1, Math.floor(start + u * (end - start)));
  }
}
