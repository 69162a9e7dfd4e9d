import { describe, expect, it } from 'vitest';
import { Arbitrary, seededRandom } from './arbitrary.ts';
import { decodeValue, encodeValue, moduleNames } from './index.ts';
import { compiledModule } from './schema.ts';
import type { ModuleName } from './types.ts';

const ROUNDS = 12;

describe.each(moduleNames())('%s: decode(encode(x)) = x for every type', (module) => {
  // RAP imports TAP types: exercise it against every TAP release it may return.
  const variants: (ModuleName | undefined)[] =
    module === 'RAP-1.05' ? ['TAP-3.10', 'TAP-3.11', 'TAP-3.12'] : [undefined];
  for (const tapModule of variants) {
    const mod = compiledModule(module, tapModule);
    it(`${mod.typeNames().length} types${tapModule === undefined ? '' : ` with ${tapModule}`}`, () => {
      const gen = new Arbitrary(seededRandom(module.length * 7919 + (tapModule?.length ?? 0)));
      const options = tapModule === undefined ? {} : { tapModule };
      for (const name of mod.typeNames()) {
        for (let i = 0; i < ROUNDS; i++) {
          const value = gen.value(mod.type(name));
          for (const indefinite of [false, true]) {
            const bytes = encodeValue(module, name, value, { indefinite, ...options });
            expect(decodeValue(module, name, bytes, options), `${name} #${i}`).toEqual(value);
          }
        }
      }
    });
  }
});

describe('encoder', () => {
  it('rejects values that do not fit the schema', () => {
    expect(() => encodeValue('TAP-3.12', 'Imsi', 'x1')).toThrow(/BCD/);
    expect(() => encodeValue('TAP-3.12', 'ChargeableUnits', 1.5)).toThrow(/integer/);
    expect(() => encodeValue('TAP-3.12', 'BasicServiceCode', { nope: '11' })).toThrow(
      /alternative/,
    );
    expect(() => encodeValue('TAP-3.12', 'ChargeDetail', { charge: 1, bogus: 2 })).toThrow(/bogus/);
  });

  it('wraps tagged CHOICEs explicitly and untagged ones not at all', () => {
    const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
    expect(hex(encodeValue('TAP-3.12', 'BasicServiceCode', { teleServiceCode: '11' }))).toBe(
      '7f832a065f815a023131',
    );
    expect(hex(encodeValue('TAP-3.10', 'BasicServiceCode', { teleServiceCode: '11' }))).toBe(
      '5f815a023131',
    );
  });

  it('returns OCTET STRING values as plain copies, never views of the input', () => {
    const bytes = encodeValue('TAP-3.12', 'GuaranteedBitRate', Uint8Array.of(1, 2, 3));
    const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    const v = decodeValue('TAP-3.12', 'GuaranteedBitRate', input);
    input.fill(0);
    expect(v).toEqual(Uint8Array.of(1, 2, 3));
    expect(Buffer.isBuffer(v)).toBe(false);
  });
});
