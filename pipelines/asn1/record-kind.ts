import type { Struct } from './types.ts';

/** The alternative name of a record (`mobileOriginatedCall`, `severeReturn`, `moc`…). */
export function recordKind(record: Struct): string {
  const key = Object.keys(record)[0];
  if (key === undefined) throw new TypeError('empty record');
  return key;
}
