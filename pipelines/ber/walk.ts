import { isEoc, newHeader, readHeader } from './header.ts';

export interface WalkStats {
  tlvs: number;
  primitiveBytes: number;
  maxDepth: number;
}

/**
 * Visits every TLV of `buf` (descending into constructed ones, skipping 0x00/0xFF padding at the
 * top level) without decoding any value: the floor for any schema-driven decoder.
 * Throws a plain Error on malformed input.
 */
export function walkTlvs(buf: Uint8Array): WalkStats {
  const h = newHeader();
  const ends: number[] = [];
  let depth = 0;
  let tlvs = 0;
  let primitiveBytes = 0;
  let maxDepth = 0;
  let p = 0;
  const n = buf.length;
  while (p < n) {
    const end = depth === 0 ? n : ends[depth - 1]!;
    if (depth === 0) {
      const b = buf[p]!;
      if (b === 0 || b === 0xff) {
        p++;
        continue;
      }
    } else if (end === -1) {
      if (isEoc(buf, p)) {
        p += 2;
        depth--;
        continue;
      }
    } else if (p === end) {
      depth--;
      continue;
    }
    const limit = end === -1 ? n : end;
    const c = readHeader(buf, p, limit, h);
    if (c < 0) throw new Error(`malformed TLV at byte ${p}`);
    tlvs++;
    if (h.constructed) {
      ends[depth++] = h.length < 0 ? -1 : c + h.length;
      if (depth > maxDepth) maxDepth = depth;
      p = c;
    } else {
      p = c + h.length;
      primitiveBytes += h.length;
      if (p > limit) throw new Error(`TLV past its container at byte ${c}`);
    }
  }
  while (depth > 0 && ends[depth - 1] === n) depth--;
  if (depth !== 0) throw new Error('truncated input');
  return { tlvs, primitiveBytes, maxDepth };
}
