/**
 * BER identifier and length octets. `readHeader` never throws and never allocates: it writes the
 * parsed header into a caller-owned `TlvHeader` and returns the content offset, or a negative
 * status code (see `HEADER_ERRORS`).
 */

export const UNIVERSAL = 0;
export const APPLICATION = 1;

const CLASS_NAMES = ['UNIVERSAL', 'APPLICATION', 'CONTEXT', 'PRIVATE'] as const;

/** A tag as one number: `number * 4 + class`. */
export function tagKey(tagClass: number, tagNumber: number): number {
  return tagNumber * 4 + tagClass;
}

export function tagNumberOf(key: number): number {
  return Math.floor(key / 4);
}

/** `APPLICATION 453`, `UNIVERSAL 16`. */
export function tagName(key: number): string {
  return `${CLASS_NAMES[key & 3] ?? 'UNIVERSAL'} ${tagNumberOf(key)}`;
}

/** A parsed identifier + length. `length` is -1 for the indefinite form. */
export interface TlvHeader {
  tag: number;
  constructed: boolean;
  length: number;
}

export function newHeader(): TlvHeader {
  return { tag: 0, constructed: false, length: 0 };
}

/** The header runs past `end`: more bytes are needed (or the container is overrun). */
export const SHORT = -1;
/** Tag number wider than 28 bits. */
export const BAD_TAG = -2;
/** Length with more than 6 octets, or the reserved 0xFF. */
export const BAD_LENGTH = -3;
/** Indefinite length on a primitive encoding. */
export const INDEFINITE_PRIMITIVE = -4;

export const HEADER_ERRORS: Readonly<Record<number, string>> = {
  [SHORT]: 'truncated TLV header',
  [BAD_TAG]: 'tag number too large',
  [BAD_LENGTH]: 'invalid length octets',
  [INDEFINITE_PRIMITIVE]: 'indefinite length on a primitive encoding',
};

/** End-of-contents octets `00 00` at `off`? (Caller ensures two bytes are available.) */
export function isEoc(buf: Uint8Array, off: number): boolean {
  return buf[off] === 0 && buf[off + 1] === 0;
}

/**
 * Parses the identifier and length octets at `off`, reading no byte at or after `end`.
 * Returns the offset of the contents, or a negative status code.
 */
export function readHeader(buf: Uint8Array, off: number, end: number, out: TlvHeader): number {
  if (off >= end) return SHORT;
  let b = buf[off++]!;
  const tagClass = b >> 6;
  out.constructed = (b & 0x20) !== 0;
  let num = b & 0x1f;
  if (num === 0x1f) {
    num = 0;
    let n = 0;
    do {
      if (off >= end) return SHORT;
      b = buf[off++]!;
      num = num * 128 + (b & 0x7f);
      if (++n > 4) return BAD_TAG;
    } while ((b & 0x80) !== 0);
  }
  out.tag = num * 4 + tagClass;
  if (off >= end) return SHORT;
  b = buf[off++]!;
  if (b < 0x80) {
    out.length = b;
  } else if (b === 0x80) {
    if (!out.constructed) return INDEFINITE_PRIMITIVE;
    out.length = -1;
  } else {
    const n = b & 0x7f;
    if (n > 6) return BAD_LENGTH;
    if (off + n > end) return SHORT;
    let len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[off++]!;
    out.length = len;
  }
  return off;
}

/** Bytes needed for a definite length. */
export function lengthSize(length: number): number {
  if (length < 0x80) return 1;
  let n = 1;
  let rest = length;
  while (rest > 0) {
    rest = Math.floor(rest / 256);
    n++;
  }
  return n;
}
