/**
 * TAP / RAP / NRTRDE times. A local timestamp is `CCYYMMDDhhmmss`; its UTC offset `+HHMM` comes
 * either with it (DateTimeLong, NRTRDE) or through a code in NetworkInfo's UtcTimeOffsetInfo table
 * (DateTime). Rows carry three columns, all strings the warehouse casts to TIMESTAMP:
 * - local: `YYYY-MM-DDThh:mm:ss` (wall clock where the event happened);
 * - utcOffset: `+HHMM` as sent;
 * - utc: `YYYY-MM-DDThh:mm:ssZ`, derived exactly (whole seconds, no floating point).
 * An Instant also keeps the UTC time as seconds since the epoch, so that an end time is a sum.
 */
import type { Value } from '../../asn1/types.ts';
import { asInt, asStruct, asText } from './value.ts';

export interface Instant {
  local: string | null;
  utcOffset: string | null;
  utc: string | null;
  /** `utc` as whole seconds since the epoch. */
  utcSeconds: number | null;
}

export const noInstant: Instant = { local: null, utcOffset: null, utc: null, utcSeconds: null };

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
/** '00'…'99', for formatting without padStart. */
const TWO = Array.from({ length: 100 }, (_, i) => pad(i));

/** The digit at `i`, or -1. */
function digitAt(text: string, i: number): number {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/** The number written by the ASCII digits text[from, to), or -1 when one is not a digit. */
function digitsAt(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = digitAt(text, i);
    if (d < 0) return -1;
    n = n * 10 + d;
  }
  return n;
}

const isLeap = (year: number): boolean => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The fields of a 14-digit local timestamp, or null unless it is a real date and time. */
export function parseLocalTimestamp(text: string): Fields | null {
  if (text.length !== 14) return null;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 4, 6);
  const day = digitsAt(text, 6, 8);
  const hour = digitsAt(text, 8, 10);
  const minute = digitsAt(text, 10, 12);
  const second = digitsAt(text, 12, 14);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return null;
  if (hour > 23 || minute > 59 || second > 59 || month < 1 || month > 12 || day < 1) return null;
  // As the Date probe this replaces: years 0–99 take their leap rule from 1900–1999 (no 0000-02-29).
  const days =
    month === 2 && isLeap(year < 100 ? year + 1900 : year) ? 29 : (MONTH_DAYS[month - 1] as number);
  if (day > days) return null;
  return { year, month, day, hour, minute, second };
}

/** True for `+HHMM` / `-HHMM` with HH ≤ 14 and MM ≤ 59. */
export function isUtcOffset(text: string): boolean {
  return offsetMinutes(text) !== null;
}

/** Signed minutes east of UTC, or null when the text is not an offset. */
export function offsetMinutes(text: string): number | null {
  if (text.length !== 5) return null;
  const sign = text.charCodeAt(0);
  if (sign !== 43 && sign !== 45) return null;
  const hours = digitsAt(text, 1, 3);
  const minutes = digitsAt(text, 3, 5);
  if (hours < 0 || minutes < 0 || hours > 14 || minutes > 59) return null;
  return (sign === 45 ? -1 : 1) * (hours * 60 + minutes);
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const DAY_SECONDS = 86_400;
/** Seconds of 0000-01-01T00:00:00Z and of 10000-01-01T00:00:00Z (toISOString's 4-digit years). */
const MIN_SECONDS = daysFromCivil(0, 1, 1) * DAY_SECONDS;
const MAX_SECONDS = daysFromCivil(10_000, 1, 1) * DAY_SECONDS;

/** `YYYY-MM-DDThh:mm:ssZ` of whole seconds since the epoch, as toISOString writes it. */
function isoSeconds(seconds: number): string {
  if (!Number.isInteger(seconds) || seconds < MIN_SECONDS || seconds >= MAX_SECONDS) {
    return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  const days = Math.floor(seconds / DAY_SECONDS);
  const rest = seconds - days * DAY_SECONDS;
  // H. Hinnant's civil_from_days.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(rest / 3600);
  const minute = Math.floor((rest % 3600) / 60);
  return (
    `${pad(year, 4)}-${TWO[month] as string}-${TWO[day] as string}T` +
    `${TWO[hour] as string}:${TWO[minute] as string}:${TWO[rest % 60] as string}Z`
  );
}

function epochSeconds(f: Fields): number {
  return (
    daysFromCivil(f.year, f.month, f.day) * DAY_SECONDS + f.hour * 3600 + f.minute * 60 + f.second
  );
}

/** Combines a local timestamp and an offset; each part is null when absent or malformed. */
export function toInstant(local: string | null, utcOffset: string | null): Instant {
  const fields = local === null ? null : parseLocalTimestamp(local);
  if (fields === null || local === null) return { ...noInstant, utcOffset };
  const minutes = utcOffset === null ? null : offsetMinutes(utcOffset);
  // A parsed timestamp is 14 ASCII digits: its ISO form is a re-arrangement of them.
  const localIso =
    `${local.slice(0, 4)}-${TWO[fields.month] as string}-${TWO[fields.day] as string}T` +
    `${TWO[fields.hour] as string}:${TWO[fields.minute] as string}:${TWO[fields.second] as string}`;
  const utcSeconds = minutes === null ? null : epochSeconds(fields) - minutes * 60;
  return {
    local: localIso,
    utcOffset,
    utc: utcSeconds === null ? null : isoSeconds(utcSeconds),
    utcSeconds,
  };
}

/** A DateTime (local timestamp + UtcTimeOffsetCode), the code resolved through `offsets`. */
export function resolveDateTime(
  value: Value | undefined,
  offsets: ReadonlyMap<number, string>,
): Instant {
  const dt = asStruct(value);
  if (dt === undefined) return noInstant;
  const code = asInt(dt.utcTimeOffsetCode);
  return toInstant(asText(dt.localTimeStamp), code === null ? null : (offsets.get(code) ?? null));
}

/** A DateTimeLong (local timestamp + UtcTimeOffset). */
export function resolveDateTimeLong(value: Value | undefined): Instant {
  const dt = asStruct(value);
  if (dt === undefined) return noInstant;
  return toInstant(asText(dt.localTimeStamp), asText(dt.utcTimeOffset));
}

/** The UTC time `seconds` after `start`, as `utc` is written; null when either is unknown. */
export function utcAfter(start: Instant, seconds: number | null): string | null {
  return start.utcSeconds === null || seconds === null
    ? null
    : isoSeconds(start.utcSeconds + seconds);
}
