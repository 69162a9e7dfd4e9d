/** String contents of OCTET STRING-based types: latin1 text (AsciiString trimmed) and BCD digits. */

const DIGITS = '0123456789ABCDE';

const DIGIT_CODES = Uint8Array.from('0123456789ABCDE', (c) => c.charCodeAt(0));
let scratch = Buffer.allocUnsafe(64);

/** Two digits per octet, high nibble first; an F nibble (filler) is dropped. */
export function readBcd(buf: Uint8Array, off: number, len: number): string {
  if (scratch.length < len * 2) scratch = Buffer.allocUnsafe(len * 2);
  const out = scratch;
  let n = 0;
  for (let i = off, end = off + len; i < end; i++) {
    const b = buf[i]!;
    const hi = b >> 4;
    const lo = b & 15;
    if (hi !== 15) out[n++] = DIGIT_CODES[hi]!;
    if (lo !== 15) out[n++] = DIGIT_CODES[lo]!;
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
  if (n <= 2)
    return n === 0
      ? ''
      : n === 1
        ? String.fromCharCode(buf[s]!)
        : String.fromCharCode(buf[s]!, buf[s + 1]!);
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
