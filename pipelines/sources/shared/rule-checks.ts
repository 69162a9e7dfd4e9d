/** Checks that the rules of more than one source share (rules.ts). */
import type { Struct } from '../../asn1/types.ts';
import type { Issue } from './rules.ts';
import { isUtcOffset, parseLocalTimestamp } from './time.ts';
import { asStruct, asText, show } from './value.ts';

/** An issue for each of `items` missing from `group` (at `path`). */
export function mandatory(group: Struct, items: readonly string[], path: string): Issue[] {
  return items
    .filter((item) => group[item] === undefined)
    .map((item) => ({ itemPath: `${path}/${item}`, message: `mandatory item ${item} is missing` }));
}

/**
 * The DateTimeLongs of `group` (its members with a localTimeStamp or a utcTimeOffset): a real
 * CCYYMMDDhhmmss local time and a [+-]HHMM offset, both present.
 */
export function dateTimeLongIssues(group: Struct, base: string): Issue[] {
  const issues: Issue[] = [];
  for (const [name, value] of Object.entries(group)) {
    const dt = asStruct(value);
    if (dt === undefined || !('localTimeStamp' in dt || 'utcTimeOffset' in dt)) continue;
    const local = dt.localTimeStamp;
    if (typeof local !== 'string' || parseLocalTimestamp(local) === null)
      issues.push({
        itemPath: `${base}/${name}/localTimeStamp`,
        message: `'${show(local)}' is not a CCYYMMDDhhmmss date and time`,
      });
    const offset = asText(dt.utcTimeOffset);
    if (offset === null || !isUtcOffset(offset))
      issues.push({
        itemPath: `${base}/${name}/utcTimeOffset`,
        message: `'${show(dt.utcTimeOffset)}' is not a [+-]HHMM offset`,
      });
  }
  return issues;
}
