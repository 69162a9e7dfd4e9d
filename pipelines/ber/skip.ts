import { isEoc, readHeader, SHORT, type TlvHeader } from './header.ts';

/**
 * The end offset of the whole TLV at `off` (following nested indefinite lengths without
 * recursion), or a negative status code from `readHeader` (`SHORT` when it does not end before
 * `end`).
 */
export function skipTlv(buf: Uint8Array, off: number, end: number, h: TlvHeader): number {
  let depth = 0;
  let p = off;
  for (;;) {
    if (depth > 0) {
      if (p + 2 > end) return SHORT;
      if (isEoc(buf, p)) {
        p += 2;
        if (--depth === 0) return p;
        continue;
      }
    }
    const c = readHeader(buf, p, end, h);
    if (c < 0) return c;
    if (h.length >= 0) {
      p = c + h.length;
      if (p > end) return SHORT;
      if (depth === 0) return p;
    } else {
      depth++;
      p = c;
    }
  }
}
