/** Months to restate: `--restate` input, the months of a date range, and contiguous runs of them. */
import { UsageError } from '../lib/errors.ts';
import type { DateRange } from './sqlmesh-build.ts';
import { monthBounds } from './pending.ts';

/** `YYYY-MM` of the last complete month before `now` (cron @monthly builds no other). */
export function lastCompleteMonth(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))
    .toISOString()
    .slice(0, 7);
}

/**
 * The months `--restate` names (each value one month or a comma-separated list), sorted and
 * without repeats; a UsageError naming the first bad one otherwise.
 */
export function parseRestateMonths(values: readonly string[], now: Date): string[] {
  const last = lastCompleteMonth(now);
  const months = new Set<string>();
  for (const month of values.flatMap((v) => v.split(',')).map((m) => m.trim())) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
      throw new UsageError(`--restate takes months as YYYY-MM, not '${month}'`, {
        fix: `e.g. --restate ${last} (several: --restate 2026-08,2026-09 or --restate again)`,
      });
    }
    if (month > last) {
      throw new UsageError(
        `--restate ${month}: that month is not complete yet, and builds cover complete months only (up to ${last})`,
        { fix: `restate ${last} or an earlier month` },
      );
    }
    months.add(month);
  }
  return [...months].sort();
}

/** The months (`YYYY-MM`) a date range touches. */
export function monthsOf(range: DateRange): string[] {
  const months: string[] = [];
  let [year, month] = range.start.slice(0, 7).split('-').map(Number) as [number, number];
  const last = range.end.slice(0, 7);
  for (;;) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    if (current > last) return months;
    months.push(current);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}

/** Sorted months as the fewest date ranges: one per run of consecutive months. */
export function monthRuns(months: readonly string[]): DateRange[] {
  const runs: DateRange[] = [];
  for (const month of [...new Set(months)].sort()) {
    const bounds = monthBounds(month, month);
    const previous = runs.at(-1);
    if (previous !== undefined && monthsOf({ start: previous.end, end: bounds.start }).length === 2)
      previous.end = bounds.end;
    else runs.push(bounds);
  }
  return runs;
}
