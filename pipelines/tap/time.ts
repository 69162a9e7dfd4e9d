/**
 * TAP / RAP / NRTRDE times. A local timestamp is `CCYYMMDDhhmmss`; its UTC offset `+HHMM` comes
 * either with it (DateTimeLong, NRTRDE) or through a code in NetworkInfo's UtcTimeOffsetInfo table
 * (DateTime). Rows carry three columns, all strings the warehouse casts to TIMESTAMP:
 * - local: `YYYY-MM-DDThh:mm:ss` (wall clock where the event happened);
 * - utcOffset: `+HHMM` as sent;
 * - utc: `YYYY-MM-DDThh:mm:ssZ`, derived exactly (whole seconds, no floating point).
 */
import type { Value } from '../asn1/types.ts';
import { asInt, asStruct, asText } from './value.ts';

export interface Instant {
  local: string | null;
  utcOffset: string | null;
  utc: string | null;
}

export const noInstant: Instant = { local: null, utcOffset: null, utc: null };

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The fields of a 14-digit local timestamp, or null unless it is a real date and time. */
export function parseLocalTimestamp(text: string): Fields | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (m === null) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (hour > 23 || minute > 59 || second > 59 || month < 1 || month > 12 || day < 1) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  probe.setUTCFullYear(year);
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return { year, month, day, hour, minute, second };
}

/** True for `+HHMM` / `-HHMM` with HH ≤ 14 and MM ≤ 59. */
export function isUtcOffset(text: string): boolean {
  const m = /^[+-](\d{2})(\d{2})$/.exec(text);
  return m !== null && Number(m[1]) <= 14 && Number(m[2]) <= 59;
}

/** Signed minutes east of UTC, or null when the text is not an offset. */
export function offsetMinutes(text: string): number | null {
  if (!isUtcOffset(text)) return null;
  const sign = text.startsWith('-') ? -1 : 1;
  return sign * (Number(text.slice(1, 3)) * 60 + Number(text.slice(3, 5)));
}

function epochMs(f: Fields): number {
  const d = new Date(Date.UTC(2000, f.month - 1, f.day, f.hour, f.minute, f.second));
  d.setUTCFullYear(f.year);
  return d.getTime();
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Combines a local timestamp and an offset; each part is null when absent or malformed. */
export function toInstant(local: string | null, utcOffset: string | null): Instant {
  const fields = local === null ? null : parseLocalTimestamp(local);
  const minutes = utcOffset === null ? null : offsetMinutes(utcOffset);
  const localIso =
    fields === null
      ? null
      : `${pad(fields.year, 4)}-${pad(fields.month)}-${pad(fields.day)}T` +
        `${pad(fields.hour)}:${pad(fields.minute)}:${pad(fields.second)}`;
  const utc =
    fields === null || minutes === null ? null : isoSeconds(epochMs(fields) - minutes * 60_000);
  return { local: localIso, utcOffset, utc };
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

/** `utc` plus a number of seconds, in the same format. */
export function addSeconds(utc: string | null, seconds: number | null): string | null {
  if (utc === null || seconds === null) return null;
  return isoSeconds(Date.parse(utc) + seconds * 1000);
}
