import { bytesToHex } from './hex.ts';
import { newHeader, tagName, type TlvHeader } from '../ber/header.ts';
import { DecodeError } from '../lib/errors.ts';
import type { UnknownTag } from './types.ts';

/**
 * Thrown (this very object, allocated once) when a decode ran out of buffered bytes and more may
 * come; never escapes the streaming layer.
 */
export const NEED_MORE = new Error('need more input');

/** Everything a decode pass reads and writes besides its arguments. */
export class DecodeState {
  /** The bytes being decoded; offsets below are relative to it. */
  buf: Uint8Array = new Uint8Array(0);
  /** Bytes of `buf` that hold input. */
  avail = 0;
  /** No input after `avail`. */
  eof = false;
  /** File offset of `buf[0]`. */
  base = 0;
  /** Offset after the TLV just decoded. */
  pos = 0;
  recordIndex: number | undefined = undefined;
  /** Type names of the TLVs enclosing the one being decoded. */
  readonly path: string[] = [];
  readonly h: TlvHeader = newHeader();
  /** Unknown TLVs seen by the decode in progress (committed only when it succeeds). */
  private pending: { path: string; tag: number; hex: string | undefined }[] = [];
  private readonly unknown = new Map<string, UnknownTag>();

  constructor(
    readonly file: string,
    readonly keepUnknownHex: boolean,
  ) {}

  error(offset: number, message: string, extra?: string): DecodeError {
    const path = this.path.join('/') + (extra === undefined ? '' : `/${extra}`);
    return new DecodeError(message, this.file, this.base + offset, path, this.recordIndex);
  }

  /**
   * Bytes up to `need` (≤ `end`, the container's end) are missing: ask for more input, or fail
   * because the file or the container ends first.
   */
  short(offset: number, end: number, need = offset + 1): never {
    if (need > end || this.avail >= end) {
      throw this.error(offset, 'TLV runs past the end of its container');
    }
    if (!this.eof) throw NEED_MORE;
    throw this.error(offset, 'unexpected end of file');
  }

  noteUnknown(tag: number, start: number, end: number): void {
    this.pending.push({
      path: this.path.join('/'),
      tag,
      hex: this.keepUnknownHex ? bytesToHex(this.buf, start, end) : undefined,
    });
  }

  commit(): void {
    if (this.pending.length === 0) return;
    for (const u of this.pending) {
      const tag = tagName(u.tag);
      const key = `${u.path}\u0000${tag}`;
      const seen = this.unknown.get(key);
      if (seen !== undefined) seen.count++;
      else
        this.unknown.set(key, {
          path: u.path,
          tag,
          count: 1,
          ...(u.hex === undefined ? {} : { hex: u.hex }),
        });
    }
    this.pending = [];
  }

  rollback(): void {
    if (this.pending.length !== 0) this.pending = [];
  }

  unknownTags(): UnknownTag[] {
    return [...this.unknown.values()];
  }
}
