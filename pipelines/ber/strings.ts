/** String contents of OCTET STRING-based types: latin1 text (AsciiString trimmed) and BCD digits. */

const DIGITS = '0123456789ABCDE';

/** Two characters per octet, high nibble first; an F nibble (filler) is dropped. */
const BCD_PAIRS: readonly string[] = Array.from({ length: 256 }, (_, b) => {
  const hi = b >> 4;
  const lo = b & 15;
  return (hi === 15 ? '' : DIGITS[hi]!) + (lo === 15 ? '' : DIGITS[lo]!);
});

export function readBcd(buf: Uint8Array, off: number, len: number): string {
  let s = '';
  for (let i = off, end = off + len; i < end; i++) s += BCD_PAIRS[buf[i]!]!;
  return s;
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
  if (e - s < 32) {
    let out = '';
    for (let i = s; i < e; i++) out += String.fromCharCode(buf[i]!);
    return out;
  }
  return Buffer.from(buf.buffer, buf.byteOffset + s, e - s).toString('latin1');
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
