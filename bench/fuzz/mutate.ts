/**
 * Mutations of a BER file for the fuzz campaign: bit flips, byte overwrites, truncations,
 * insertions, deletions and changes of a TLV's length octets (another value, the indefinite form,
 * long and overlong forms, reserved or too wide ones). Pure: the bytes in are never changed.
 */
import { newHeader, readHeader } from '../../pipelines/ber/header.ts';
import type { Rng } from '../../pipelines/generate/prng.ts';

export const mutationKinds = [
  'flip',
  'overwrite',
  'truncate',
  'insert',
  'delete',
  'length',
] as const;

export type MutationKind = (typeof mutationKinds)[number];

export interface Mutated {
  bytes: Uint8Array;
  /** What was done, for the replay line: `flip@120.3 length@88:84ffffffff`. */
  steps: string[];
}

/** Bytes that are often special to a BER reader. */
const INTERESTING = [0x00, 0x01, 0x1f, 0x20, 0x3f, 0x7f, 0x80, 0x81, 0x82, 0x84, 0x9f, 0xbf, 0xff];

const hex = (bytes: readonly number[]) =>
  bytes.map((b) => b.toString(16).padStart(2, '0')).join('');

function splice(bytes: Uint8Array, at: number, remove: number, insert: ArrayLike<number>) {
  const out = new Uint8Array(bytes.length - remove + insert.length);
  out.set(bytes.subarray(0, at), 0);
  out.set(insert, at);
  out.set(bytes.subarray(at + remove), at + insert.length);
  return out;
}

interface LengthField {
  /** Offset of the first length octet. */
  at: number;
  /** How many length octets there are. */
  size: number;
  length: number;
  constructed: boolean;
}

/**
 * The length fields of the TLVs found by walking down from the start, following constructed
 * encodings; stops quietly where the bytes stop making sense (a mutated file may be anything).
 */
export function lengthFields(bytes: Uint8Array, limit = 4096): LengthField[] {
  const h = newHeader();
  const found: LengthField[] = [];
  let p = 0;
  while (p < bytes.length && found.length < limit) {
    if (bytes[p] === 0 && bytes[p + 1] === 0) {
      p += 2;
      continue;
    }
    let q = p + 1;
    if ((bytes[p]! & 0x1f) === 0x1f) while (q < bytes.length && (bytes[q]! & 0x80) !== 0) q++;
    const lengthAt = (bytes[p]! & 0x1f) === 0x1f ? q + 1 : q;
    const c = readHeader(bytes, p, bytes.length, h);
    if (c < 0) break;
    found.push({ at: lengthAt, size: c - lengthAt, length: h.length, constructed: h.constructed });
    p = h.constructed ? c : c + h.length;
  }
  return found;
}

/** New length octets for a field: near values, zero, huge, indefinite, long and overlong forms. */
function newLength(rng: Rng, field: LengthField): number[] {
  const near = Math.max(0, field.length + rng.range(-3, 3));
  switch (rng.int(9)) {
    case 0:
      return near < 0x80 ? [near] : [0x82, (near >> 8) & 0xff, near & 0xff];
    case 1:
      return [0x00];
    case 2:
      return [0x80];
    case 3:
      return [0x84, 0xff, 0xff, 0xff, 0xff];
    case 4:
      return [0x81, rng.int(256)];
    case 5:
      // Overlong: the same value with leading zero octets.
      return [0x85, 0, 0, (near >> 16) & 0xff, (near >> 8) & 0xff, near & 0xff];
    case 6:
      return [0x86, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];
    case 7:
      return [rng.pick([0x87, 0x88, 0x89, 0xfe, 0xff])];
    default:
      return [rng.int(0x80)];
  }
}

function mutateOnce(rng: Rng, bytes: Uint8Array, kind: MutationKind): Mutated {
  const n = bytes.length;
  const at = rng.int(Math.max(1, n));
  switch (kind) {
    case 'flip': {
      if (n === 0) return { bytes, steps: ['flip@-'] };
      const bit = rng.int(8);
      const out = bytes.slice();
      out[at] = out[at]! ^ (1 << bit);
      return { bytes: out, steps: [`flip@${at}.${bit}`] };
    }
    case 'overwrite': {
      if (n === 0) return { bytes, steps: ['overwrite@-'] };
      const value = rng.chance(0.5) ? rng.pick(INTERESTING) : rng.int(256);
      const out = bytes.slice();
      out[at] = value;
      return { bytes: out, steps: [`overwrite@${at}:${hex([value])}`] };
    }
    case 'truncate': {
      const keep = rng.int(n);
      return { bytes: bytes.slice(0, keep), steps: [`truncate@${keep}`] };
    }
    case 'insert': {
      const add = Array.from({ length: rng.range(1, 16) }, () =>
        rng.chance(0.5) ? rng.pick(INTERESTING) : rng.int(256),
      );
      return { bytes: splice(bytes, at, 0, add), steps: [`insert@${at}:${hex(add)}`] };
    }
    case 'delete': {
      const remove = Math.min(rng.range(1, 16), n - at);
      return { bytes: splice(bytes, at, remove, []), steps: [`delete@${at}+${remove}`] };
    }
    case 'length': {
      const fields = lengthFields(bytes);
      if (fields.length === 0) return mutateOnce(rng, bytes, 'overwrite');
      const field = rng.pick(fields);
      const octets = newLength(rng, field);
      return {
        bytes: splice(bytes, field.at, field.size, octets),
        steps: [`length@${field.at}:${hex(octets)}`],
      };
    }
  }
}

/** One to three mutations of `bytes`, drawn from `rng`. */
export function mutate(rng: Rng, bytes: Uint8Array): Mutated {
  let current: Mutated = { bytes, steps: [] };
  for (let k = rng.chance(0.75) ? 1 : rng.range(2, 3); k > 0; k--) {
    const next = mutateOnce(rng, current.bytes, rng.pick(mutationKinds));
    current = { bytes: next.bytes, steps: [...current.steps, ...next.steps] };
  }
  return current;
}
