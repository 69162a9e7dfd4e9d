import type { DecodeState } from './decode-state.ts';

/** Largest unit (record, header group) buffered before giving up: bounds memory on corrupt lengths. */
export const MAX_BUFFERED = 64 * 1024 * 1024;

/**
 * Appends input chunks to a DecodeState's buffer, dropping bytes before `keepFrom` (a file
 * offset) when it makes room: at most one record plus one chunk stays buffered.
 */
export class Feeder {
  /** File offset of the first byte still needed. */
  keepFrom = 0;
  private owned = false;

  constructor(private readonly st: DecodeState) {}

  append(chunk: Uint8Array): void {
    const st = this.st;
    if (chunk.length === 0) return;
    const keep = this.keepFrom - st.base;
    const live = st.avail - keep;
    if (live <= 0) {
      // Nothing kept: decode straight from the chunk, no copy.
      st.base += st.avail;
      st.buf = asBuffer(chunk);
      st.avail = chunk.length;
      this.owned = false;
      return;
    }
    if (live > MAX_BUFFERED) throw st.error(keep, `unit larger than ${MAX_BUFFERED} bytes`);
    if (this.owned && st.avail + chunk.length <= st.buf.length) {
      st.buf.set(chunk, st.avail);
      st.avail += chunk.length;
      return;
    }
    const need = live + chunk.length;
    let next: Uint8Array;
    if (this.owned && need <= st.buf.length) {
      next = st.buf;
      next.copyWithin(0, keep, st.avail);
    } else {
      next = Buffer.allocUnsafe(Math.max(need * 2, 64 * 1024));
      next.set(st.buf.subarray(keep, st.avail), 0);
    }
    next.set(chunk, live);
    st.buf = next;
    st.base += keep;
    st.avail = need;
    this.owned = true;
  }
}

/** A Buffer view of the same bytes (no copy): string decoding uses Buffer's native latin1 path. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
