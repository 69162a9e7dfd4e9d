/** BER INTEGER contents: two's complement, big-endian, minimal length. */

const TWO_32 = 4294967296;

/**
 * Decodes `len` (≥ 1) content octets at `off`: a number when the value is a safe integer,
 * otherwise a bigint (any length).
 */
export function readInteger(buf: Uint8Array, off: number, len: number): number | bigint {
  if (len <= 6) {
    let v = (buf[off]! << 24) >> 24;
    for (let i = 1; i < len; i++) v = v * 256 + buf[off + i]!;
    return v;
  }
  if (len <= 8) {
    const hiLen = len - 4;
    let hi = (buf[off]! << 24) >> 24;
    for (let i = 1; i < hiLen; i++) hi = hi * 256 + buf[off + i]!;
    const p = off + hiLen;
    const lo = ((buf[p]! << 24) | (buf[p + 1]! << 16) | (buf[p + 2]! << 8) | buf[p + 3]!) >>> 0;
    if (hi >= -2097152 && hi < 2097152) {
      const v = hi * TWO_32 + lo;
      if (Number.isSafeInteger(v)) return v;
    }
    return (BigInt(hi) << 32n) | BigInt(lo);
  }
  let v = BigInt.asIntN(8, BigInt(buf[off]!));
  for (let i = 1; i < len; i++) v = (v << 8n) | BigInt(buf[off + i]!);
  return v;
}

/** Minimal two's complement content octets of `value`. */
export function integerBytes(value: number | bigint): Uint8Array {
  if (typeof value === 'number' && value >= -0x80000000 && value <= 0x7fffffff) {
    let n = 1;
    while (n < 4 && (value < -(2 ** (8 * n - 1)) || value >= 2 ** (8 * n - 1))) n++;
    const out = new Uint8Array(n);
    for (let i = n - 1, v = value; i >= 0; i--, v >>= 8) out[i] = v & 0xff;
    return out;
  }
  let v = BigInt(value);
  const bytes: number[] = [];
  for (;;) {
    const b = Number(v & 0xffn);
    bytes.push(b);
    v >>= 8n;
    if ((v === 0n && (b & 0x80) === 0) || (v === -1n && (b & 0x80) !== 0)) break;
  }
  return Uint8Array.from(bytes.reverse());
}
