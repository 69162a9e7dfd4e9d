/**
 * A seeded random value generator driven by the schema, for property tests: every type of every
 * module gets values shaped as the decoder returns them (bigint only beyond the safe range,
 * AsciiString without leading or trailing spaces).
 */
import { ASCII, BCD, BYTES, CHOICE, INT, SEQ, SEQ_OF, type TypeDesc } from './schema.ts';
import type { Struct, Value } from './types.ts';

/** mulberry32: a small deterministic PRNG returning [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INTEGERS: readonly (number | bigint)[] = [
  0,
  1,
  -1,
  127,
  128,
  -128,
  -129,
  255,
  256,
  32767,
  -32768,
  65535,
  2 ** 31 - 1,
  -(2 ** 31),
  2 ** 32,
  2 ** 53 - 1,
  -(2 ** 53 - 1),
  2n ** 53n,
  -(2n ** 53n),
  2n ** 63n - 1n,
  -(2n ** 63n),
  1234567890123,
];

const PRINTABLE = ' ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:/@';

export class Arbitrary {
  constructor(private readonly rnd: () => number) {}

  int(below: number): number {
    return Math.floor(this.rnd() * below);
  }

  private text(chars: string, maxLen: number): string {
    let s = '';
    for (let i = this.int(maxLen + 1); i > 0; i--) s += chars[this.int(chars.length)]!;
    return s;
  }

  value(t: TypeDesc, depth = 0): Value {
    switch (t.kind) {
      case INT:
        return this.rnd() < 0.5
          ? INTEGERS[this.int(INTEGERS.length)]!
          : this.int(2000001) - 1000000;
      case ASCII:
        return this.text(PRINTABLE, 12).trim();
      case BCD:
        return this.text('0123456789', 15);
      case BYTES:
        return Uint8Array.from({ length: this.int(9) }, () => this.int(256));
      case SEQ: {
        const obj: Struct = {};
        for (const f of t.fields) {
          if (!f.optional || this.rnd() < (depth < 3 ? 0.6 : 0.2))
            obj[f.name] = this.value(f.type, depth + 1);
        }
        return obj;
      }
      case SEQ_OF: {
        const n = depth < 4 ? this.int(4) : 0;
        return Array.from({ length: n }, () => this.value(t.of!, depth + 1));
      }
      case CHOICE: {
        const alt = t.fields[this.int(t.fields.length)]!;
        return { [alt.name]: this.value(alt.type, depth + 1) };
      }
      default:
        // TEXT bases (NumberString, HexString, Currency…): as sent, spaces included.
        return this.text(PRINTABLE, 10);
    }
  }
}
