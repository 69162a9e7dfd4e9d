/**
 * The class of a result code (success, technical, user, policy) as data/reference/cause_codes.csv
 * states it: the manifest counts failures the way the marts will.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { referenceDir } from '../lib/paths.ts';

const file = path.join(referenceDir, 'cause_codes.csv');

export type FailureClass = 'success' | 'technical' | 'user' | 'policy';

/** A lookup `(interface, code) → class`; MAP without an error code is a success. */
export function causeClasses(): (iface: string, code: number | null) => FailureClass {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const names = (header ?? '').split(',');
  const at = (n: string) => names.indexOf(n);
  const classes = new Map<string, FailureClass>();
  for (const line of lines) {
    const f = line.split(',');
    classes.set(`${f[at('interface')]}|${f[at('code')]}`, f[at('failure_class')] as FailureClass);
  }
  return (iface, code) => {
    if (code === null && iface === 'MAP') return 'success';
    const c = classes.get(`${iface}|${code}`);
    if (c === undefined)
      throw new RangeError(`result code ${iface} ${code} not in cause_codes.csv`);
    return c;
  };
}
