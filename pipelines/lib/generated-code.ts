/**
 * Functions compiled from code roam writes at run time (`new Function`): the BER decoders
 * (asn1/decode-gen.ts), the latin1 reader (ber/strings.ts), the row adders (columns/
 * table-builder.ts), the value paths (sources/shared/value.ts) and the TAP field walkers
 * (sources/tap/field-index.ts). Each one's code ends with a `//# sourceURL` naming it, so that a
 * debugger lists it (under roam-generated/) and steps through it like a file. With
 * `ROAM_GENERATED_DIR=DIR` in the environment, each one's code is also written to
 * `DIR/<its name>.js` as it is compiled, to be read.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Names given so far in this thread, so that each function's is its own (`name`, `name-2`, …). */
const given = new Map<string, number>();

function uniqueName(name: string): string {
  const clean = name.replace(/[^\w./-]+/g, '_');
  const n = (given.get(clean) ?? 0) + 1;
  given.set(clean, n);
  return n === 1 ? clean : `${clean}-${n}`;
}

/**
 * `new Function(...params, body)`, its code named `name` (`asn1/CallEventDetail-body`): what a
 * debugger shows it as, and where ROAM_GENERATED_DIR gets its copy.
 */
export function compileFunction(
  name: string,
  params: readonly string[],
  body: string,
): (...args: never[]) => unknown {
  const unique = uniqueName(name);
  const code = `${body}\n//# sourceURL=roam-generated/${unique}.js`;
  const dir = process.env.ROAM_GENERATED_DIR;
  if (dir !== undefined && dir !== '') {
    const file = path.join(dir, `${unique}.js`);
    mkdirSync(path.dirname(file), { recursive: true });
    // What new Function compiles: the parameters and body inside an anonymous function.
    writeFileSync(file, `(function anonymous(${params.join(', ')}\n) {\n${code}\n})\n`);
  }
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function(...params, code) as (...args: never[]) => unknown;
}
