/**
 * The schema-driven BER decoder: synchronous, over the bytes buffered in a DecodeState. It throws
 * NEED_MORE when the buffer ends before the value does (the streaming layer then adds input and
 * retries) and DecodeError for malformed input.
 */
import { HEADER_ERRORS, readHeader, SHORT, tagName } from '../ber/header.ts';
import { readInteger } from '../ber/integer.ts';
import { skipTlv } from '../ber/skip.ts';
import { readBcd, readLatin1 } from '../ber/strings.ts';
import { body, setGenDeps } from './decode-gen.ts';
import type { DecodeState } from './decode-state.ts';
import { ASCII, BCD, CHOICE, INT, TEXT, type TypeDesc } from './schema.ts';
import type { Value } from './types.ts';

/** Reads the header at `p` (inside a container ending at `end`) into `st.h`; returns the content offset. */
export function headerAt(st: DecodeState, p: number, end: number): number {
  const c = readHeader(st.buf, p, end < st.avail ? end : st.avail, st.h);
  if (c >= 0) return c;
  if (c === SHORT) st.short(p, end);
  throw st.error(p, HEADER_ERRORS[c] ?? 'malformed TLV header');
}

/** Skips the unknown TLV at `p` (header already in `st.h`), noting it; returns its end. */
export function skipUnknown(st: DecodeState, p: number, end: number): number {
  const tag = st.h.tag;
  const e = skipTlv(st.buf, p, end < st.avail ? end : st.avail, st.h);
  if (e === SHORT) st.short(p, end);
  if (e < 0) throw st.error(p, HEADER_ERRORS[e] ?? 'malformed TLV');
  st.noteUnknown(tag, p, e);
  return e;
}

/** `{ a: { b: v } }` for wraps `['a', 'b']`. */
export function wrap(wraps: string[], v: Value): Value {
  for (let i = wraps.length - 1; i >= 0; i--) v = { [wraps[i]!]: v };
  return v;
}

/**
 * Content offset of the next child at `p` in a container ending at `ce` (or at `00 00` when
 * `indefinite`), its header in `st.h`; -1 when the container ends (then `st.pos` is past it).
 */
export function nextChild(st: DecodeState, p: number, ce: number, indefinite: boolean): number {
  if (indefinite) {
    if (p + 2 > st.avail || p + 2 > ce) st.short(p, ce, p + 2);
    if (st.buf[p] === 0 && st.buf[p + 1] === 0) {
      st.pos = p + 2;
      return -1;
    }
  } else if (p >= ce) {
    st.pos = p;
    return -1;
  }
  return headerAt(st, p, ce);
}

/**
 * Decodes the contents at `c` of a TLV whose header is in `st.h` as type `t`, inside a container
 * ending at `end`. Sets `st.pos` past the TLV. Undefined when a CHOICE held only unknown TLVs.
 */
export function decodeContent(
  st: DecodeState,
  t: TypeDesc,
  c: number,
  end: number,
): Value | undefined {
  const len = st.h.length;
  const kind = t.kind;
  if (kind >= INT) {
    if (st.h.constructed) throw st.error(c, `constructed encoding of ${t.name}`);
    const ce = c + len;
    if (ce > end || ce > st.avail) st.short(c, end, ce);
    st.pos = ce;
    const buf = st.buf;
    if (kind === INT) {
      if (len === 0) throw st.error(c, `empty INTEGER`, t.name);
      return readInteger(buf, c, len);
    }
    if (kind === ASCII) return readLatin1(buf, c, len, true);
    if (kind === TEXT) return readLatin1(buf, c, len, false);
    if (kind === BCD) return readBcd(buf, c, len);
    // A copy in a plain Uint8Array: the input buffer is reused (and Buffer#slice would share it).
    return new Uint8Array(buf.buffer.slice(buf.byteOffset + c, buf.byteOffset + ce));
  }
  if (!st.h.constructed) throw st.error(c, `primitive encoding of constructed type`, t.name);
  const indefinite = len < 0;
  let ce = end;
  if (!indefinite) {
    ce = c + len;
    if (ce > end || ce > st.avail) st.short(c, end, ce);
  }
  return body(t)(st, c, ce, indefinite);
}

/** Decodes the whole TLV at `p` as type `t` (an untagged CHOICE dispatches on the TLV's tag). */
export function decodeTlv(st: DecodeState, t: TypeDesc, p: number, end: number): Value | undefined {
  const c = headerAt(st, p, end);
  if (t.kind === CHOICE && t.tag < 0) {
    const route = t.byTag.get(st.h.tag);
    if (route === undefined)
      throw st.error(p, `${tagName(st.h.tag)} is not an alternative of ${t.name}`);
    const v = decodeContent(st, route.type, c, end);
    return v === undefined ? undefined : { [route.name]: wrap(route.wraps, v) };
  }
  if (st.h.tag !== t.tag) {
    throw st.error(p, `expected ${tagName(t.tag)} (${t.name}), found ${tagName(st.h.tag)}`);
  }
  return decodeContent(st, t, c, end);
}

setGenDeps({ nextChild, skipUnknown });
