/** A network's wall clock: local timestamps, the UtcTimeOffsetInfo table and DateTimeLongs. */
import type { Struct } from '../asn1/types.ts';
import { localStamp, offsetAt, offsetText } from './calendar.ts';
import type { Country } from './countries.ts';

/** Anything in a country: a partner, our network, the sender of a TAP file. */
type Located = { readonly country: Country };

export interface LocalTime {
  stamp: string;
  /** 0 = standard time, 1 = daylight saving time (UtcTimeOffsetInfo codes). */
  code: number;
  offset: string;
}

export function localTime(p: Located, t: number): LocalTime {
  const minutes = offsetAt(t, p.country.offset, p.country.dst);
  return {
    stamp: localStamp(t, minutes),
    code: minutes === p.country.offset ? 0 : 1,
    offset: offsetText(minutes),
  };
}

/** NetworkInfo's UtcTimeOffsetInfo: standard time, and summer time where the country has it. */
export function utcOffsetTable(p: Located): Struct[] {
  const table: Struct[] = [{ utcTimeOffsetCode: 0, utcTimeOffset: offsetText(p.country.offset) }];
  if (p.country.dst !== null)
    table.push({ utcTimeOffsetCode: 1, utcTimeOffset: offsetText(p.country.offset + 60) });
  return table;
}

/** A DateTime (record times): local stamp and offset code. */
export function dateTime(p: Located, t: number): Struct {
  const l = localTime(p, t);
  return { localTimeStamp: l.stamp, utcTimeOffsetCode: l.code };
}

/** A DateTimeLong (batch control and audit times): local stamp and the offset itself. */
export function dateTimeLong(p: Located, t: number): Struct {
  const l = localTime(p, t);
  return { localTimeStamp: l.stamp, utcTimeOffset: l.offset };
}
