/**
 * The generated field indexer against the generic walk of every field (value.ts indexFields): on
 * schema-shaped random records of every call event kind of every TAP release, both visit the same
 * fields the record rules read, with the same values, paths and parents, in the same order.
 */
import { describe, expect, it } from 'vitest';
import { Arbitrary, seededRandom } from '../../asn1/arbitrary.ts';
import { compiledModule } from '../../asn1/schema.ts';
import type { ModuleName, Struct } from '../../asn1/types.ts';
import { fieldIndexer } from './field-index.ts';
import { RECORD_FIELDS } from './rules-record.ts';
import { indexFields, type FieldVisit } from '../shared/value.ts';

const TAP: ModuleName[] = ['TAP-3.10', 'TAP-3.11', 'TAP-3.12'];

/** What the visits of the rules' fields say, by name, the parent by identity. */
function summary(index: Map<string, FieldVisit[]>, parents: Struct[]) {
  const out: [string, string, unknown, number][] = [];
  const names = [...index.keys()].filter((name) => RECORD_FIELDS.has(name)).sort();
  for (const name of names)
    for (const v of index.get(name) ?? []) {
      if (!parents.includes(v.parent)) parents.push(v.parent);
      out.push([name, v.path, v.value, parents.indexOf(v.parent)]);
    }
  return out;
}

describe.each(TAP)('%s field index', (module) => {
  const kinds = compiledModule(module).type('CallEventDetail').fields;

  it('visits what the generic walk visits, for every kind', () => {
    let visits = 0;
    for (let seed = 1; seed <= 80; seed++) {
      const gen = new Arbitrary(seededRandom(seed));
      for (const kind of kinds) {
        const body = gen.value(kind.type) as Struct;
        const indexer = fieldIndexer(module, kind.name, RECORD_FIELDS);
        expect(indexer).not.toBeNull();
        const generated = new Map<string, FieldVisit[]>();
        indexer?.(body, kind.name, generated);
        const parents: Struct[] = [];
        const expected = summary(indexFields(body, kind.name), parents);
        expect(summary(generated, parents)).toEqual(expected);
        visits += expected.length;
      }
    }
    // The random records do reach the fields the rules read.
    expect(visits).toBeGreaterThan(1000);
  });

  it('empties its lists for the next record, and knows no kind the schema lacks', () => {
    const gen = new Arbitrary(seededRandom(3));
    const moc = kinds.find((k) => k.name === 'mobileOriginatedCall');
    if (moc === undefined) throw new Error('no mobileOriginatedCall');
    const indexer = fieldIndexer(module, moc.name, RECORD_FIELDS);
    const index = new Map<string, FieldVisit[]>();
    indexer?.(gen.value(moc.type) as Struct, moc.name, index);
    indexer?.({}, moc.name, index);
    expect([...index.values()].every((list) => list.length === 0)).toBe(true);
    expect(fieldIndexer(module, 'noSuchCall', RECORD_FIELDS)).toBeNull();
  });
});
