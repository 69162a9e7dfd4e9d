/**
 * Compiled paths (`firstOf`, `sumOf`) against `select`, which walks the same paths generically: on
 * schema-shaped random records of every call event kind of every TAP release, with every path list
 * of the event table.
 */
import { describe, expect, it } from 'vitest';
import { Arbitrary, seededRandom } from '../asn1/arbitrary.ts';
import { compiledModule } from '../asn1/schema.ts';
import type { ModuleName, Struct, Value } from '../asn1/types.ts';
import { EVENT_PATHS, type EventPaths } from './events.ts';
import { asBigInt, compilePaths, firstOf, select, sumOf } from './value.ts';

const TAP: ModuleName[] = ['TAP-3.10', 'TAP-3.11', 'TAP-3.12'];

/** The first value `select` finds at any of the paths, tried in order. */
function firstSelected(root: Value, paths: readonly string[]): Value | undefined {
  for (const path of paths) {
    const found = select(root, path);
    if (found.length > 0) return found[0]?.value;
  }
  return undefined;
}

/** The sum of the INTEGERs `select` finds at the paths, or null. */
function sumSelected(root: Value, paths: readonly string[]): bigint | null {
  let total: bigint | null = null;
  for (const path of paths)
    for (const { value } of select(root, path)) {
      const n = asBigInt(value);
      if (n !== null) total = (total ?? 0n) + n;
    }
  return total;
}

describe.each(TAP)('%s compiled paths', (module) => {
  it('find what select finds, for every path list of every kind', () => {
    const kinds = compiledModule(module).type('CallEventDetail').fields;
    let found = 0;
    let summed = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const gen = new Arbitrary(seededRandom(seed));
      for (const kind of kinds) {
        const body = gen.value(kind.type) as Struct;
        const table = EVENT_PATHS[kind.name];
        if (table === undefined) continue;
        for (const [key, paths] of Object.entries(table) as [keyof EventPaths, unknown][]) {
          if (key === 'type') continue;
          const list = paths as readonly string[];
          const compiled = compilePaths(list);
          const first = firstOf(body, compiled);
          expect(first).toEqual(firstSelected(body, list));
          const sum = sumOf(body, compiled);
          expect(sum).toEqual(sumSelected(body, list));
          found += first === undefined ? 0 : 1;
          summed += sum === null ? 0 : 1;
        }
      }
    }
    // The random records do reach the paths: values are found and sums made.
    expect(found).toBeGreaterThan(200);
    expect(summed).toBeGreaterThan(50);
  });

  it('gives nothing for an absent root, and the same functions for the same paths', () => {
    const paths = ['basicCallInformation/totalCallEventDuration'];
    expect(firstOf(undefined, compilePaths(paths))).toBeUndefined();
    expect(sumOf(undefined, compilePaths(paths))).toBeNull();
    expect(compilePaths([...paths])).toBe(compilePaths(paths));
    expect(firstOf({ basicCallInformation: [] }, compilePaths(paths))).toBeUndefined();
  });
});
