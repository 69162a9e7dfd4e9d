/** String contents of OCTET STRING-based types: latin1 text (AsciiString trimmed) and BCD digits. */
import { compileFunction } from '../lib/generated-code.ts';

const DIGITS = '0123456789ABCDE';

/** Longest text built with one fixed-arity `String.fromCharCode` call (longer ones use Buffer). */
const MAX_CODES = 32;

type FromBytes = (buf: ArrayLike<number>, s: number, n: number) => string;

/**
 * `String.fromCharCode(buf[s], …, buf[s + n - 1])` with a literal argument list per length
 * (n ≤ MAX_CODES): V8 builds the one-byte string directly, several times faster than
 * Buffer#toString for the short texts of TAP records. Generated once; embeds only numbers.
 */
const fromBytes = ((): FromBytes => {
  const cases: string[] = [];
  for (let n = 1; n <= MAX_CODES; n++) {
    const args = Array.from({ length: n }, (_, i) => (i === 0 ? 'b[s]' : `b[s + ${i}]`));
    cases.push(`case ${n}: return String.fromCharCode(${args.join(', ')});`);
  }
  return compileFunction(
    'ber/from-bytes',
    ['b', 's', 'n'],
    `switch (n) { case 0: return ''; ${cases.join(' ')} } throw new RangeError('too long');`,
  ) as FromBytes;
})();

const BCD_DIGITS = Uint8Array.from('0123456789ABCDE', (c) => c.charCodeAt(0));
/** Digit codes of the BCD value being decoded (at most MAX_CODES). */
const codes: number[] = new Array<number>(MAX_CODES).fill(0);
let scratch = Buffer.allocUnsafe(64);

/** Two digits per octet, high nibble first; an F nibble (filler) is dropped. */
export function readBcd(buf: Uint8Array, off: number, len: number): string {
  if (len * 2 > MAX_CODES) return readLongBcd(buf, off, len);
  const out = codes;
  let n = 0;
  for (let i = off, end = off + len; i < end; i++) {
    const b = buf[i]!;
    const hi = b >> 4;
    const lo = b & 15;
    if (hi !== 15) out[n++] = BCD_DIGITS[hi]!;
    if (lo !== 15) out[n++] = BCD_DIGITS[lo]!;
  }
  return fromBytes(out, 0, n);
}

function readLongBcd(buf: Uint8Array, off: number, len: number): string {
  if (scratch.length < len * 2) scratch = Buffer.allocUnsafe(len * 2);
  const out = scratch;
  let n = 0;
  for (let i = off, end = off + len; i < end; i++) {
    const b = buf[i]!;
    const hi = b >> 4;
    const lo = b & 15;
    if (hi !== 15) out[n++] = BCD_DIGITS[hi]!;
    if (lo !== 15) out[n++] = BCD_DIGITS[lo]!;
  }
  return out.toString('latin1', 0, n);
}

/** BCD octets of a digit string (0-9, A-E), padded with an F filler when odd. */
export function bcdBytes(digits: string): Uint8Array {
  const out = new Uint8Array((digits.length + 1) >> 1).fill(0xff);
  for (let i = 0; i < digits.length; i++) {
    const d = DIGITS.indexOf(digits[i]!.toUpperCase());
    if (d < 0) throw new RangeError(`not a BCD digit: ${JSON.stringify(digits[i])}`);
    const j = i >> 1;
    out[j] = (i & 1) === 0 ? (d << 4) | 0x0f : (out[j]! & 0xf0) | d;
  }
  return out;
}

/** Bytes as latin1 text; with `trim`, leading and trailing spaces are removed. */
export function readLatin1(buf: Uint8Array, off: number, len: number, trim: boolean): string {
  let s = off;
  let e = off + len;
  if (trim) {
    while (s < e && buf[s] === 0x20) s++;
    while (e > s && buf[e - 1] === 0x20) e--;
  }
  const n = e - s;
  if (n <= MAX_CODES) return fromBytes(buf, s, n);
  if (buf instanceof Buffer) return buf.toString('latin1', s, e);
  return Buffer.from(buf.buffer, buf.byteOffset + s, n).toString('latin1');
}

/** latin1 octets of `text` (each character must be ≤ U+00FF). */
export function latin1Bytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) throw new RangeError(`character U+${c.toString(16)} is not latin1`);
    out[i] = c;
  }
  return out;
}
