/**
 * The generated path readers (`select`, `firstOf`, `sumOf`) against a plain recursive walk of the
 * same paths, written here: on schema-shaped random records of every call event kind of every TAP
 * release, with every path list of the event table and the charge locations.
 */
import { describe, expect, it } from 'vitest';
import { Arbitrary, seededRandom } from '../../asn1/arbitrary.ts';
import { compiledModule } from '../../asn1/schema.ts';
import type { ModuleName, Struct, Value } from '../../asn1/types.ts';
import { CHARGE_LOCATIONS } from '../tap/charges.ts';
import { EVENT_PATHS, type EventPaths } from '../tap/events.ts';
import { asBigInt, compilePaths, firstOf, isStruct, select, sumOf, type Found } from './value.ts';

const TAP: ModuleName[] = ['TAP-3.10', 'TAP-3.11', 'TAP-3.12'];
/** What charges.ts selects inside a charge block. */
const BLOCK_PATHS = [
  'chargeDetail',
  'chargeDetailList[]',
  'taxInformation[]',
  'taxInformationList[]',
  'discountInformation',
];

/** Every value at `path` (`a/b[]/c`) below `value`, with its item path, depth first. */
function walk(value: Value, path: string, base: string, out: Found[] = []): Found[] {
  if (path === '') {
    out.push({ value, path: base });
    return out;
  }
  const [head = '', ...rest] = path.split('/');
  const many = head.endsWith('[]');
  const name = many ? head.slice(0, -2) : head;
  const child = isStruct(value) ? value[name] : undefined;
  if (child === undefined) return out;
  const at = base === '' ? name : `${base}/${name}`;
  if (!many) walk(child, rest.join('/'), at, out);
  else if (Array.isArray(child))
    child.forEach((item, i) => walk(item, rest.join('/'), `${at}[${i}]`, out));
  return out;
}

/** The first value the walk finds at any of the paths, tried in order. */
function firstSelected(root: Value, paths: readonly string[]): Value | undefined {
  for (const path of paths) {
    const found = walk(root, path, '');
    if (found.length > 0) return found[0]?.value;
  }
  return undefined;
}

/** The sum of the INTEGERs the walk finds at the paths, or null. */
function sumSelected(root: Value, paths: readonly string[]): bigint | null {
  let total: bigint | null = null;
  for (const path of paths)
    for (const { value } of walk(root, path, '')) {
      const n = asBigInt(value);
      if (n !== null) total = (total ?? 0n) + n;
    }
  return total;
}

describe.each(TAP)('%s generated path readers', (module) => {
  it('find what a plain walk finds, for every path list of every kind', () => {
    const kinds = compiledModule(module).type('CallEventDetail').fields;
    let found = 0;
    let summed = 0;
    let selected = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const gen = new Arbitrary(seededRandom(seed));
      for (const kind of kinds) {
        const body = gen.value(kind.type) as Struct;
        for (const { path } of CHARGE_LOCATIONS[kind.name] ?? []) {
          if (path === '') continue;
          const blocks = select(body, path, kind.name);
          expect(blocks).toEqual(walk(body, path, kind.name));
          selected += blocks.length;
          for (const block of blocks)
            for (const inner of BLOCK_PATHS)
              expect(select(block.value, inner, block.path)).toEqual(
                walk(block.value, inner, block.path),
              );
        }
        const table = EVENT_PATHS[kind.name];
        if (table === undefined) continue;
        for (const [key, paths] of Object.entries(table) as [keyof EventPaths, unknown][]) {
          if (key === 'type') continue;
          const list = paths as readonly string[];
          for (const path of list)
            expect(select(body, path, kind.name)).toEqual(walk(body, path, kind.name));
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
    expect(selected).toBeGreaterThan(50);
  });

  it('gives nothing for an absent root, and the same functions for the same paths', () => {
    const paths = ['basicCallInformation/totalCallEventDuration'];
    expect(firstOf(undefined, compilePaths(paths))).toBeUndefined();
    expect(sumOf(undefined, compilePaths(paths))).toBeNull();
    expect(compilePaths([...paths])).toBe(compilePaths(paths));
    expect(firstOf({ basicCallInformation: [] }, compilePaths(paths))).toBeUndefined();
  });
});
