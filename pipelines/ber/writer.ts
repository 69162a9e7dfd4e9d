import { lengthSize, tagNumberOf } from './header.ts';
import { integerBytes } from './integer.ts';

/** A growable byte buffer that writes BER TLVs, with definite or indefinite lengths. */
export class TlvWriter {
  private buf: Uint8Array;
  pos = 0;

  constructor(capacity = 1024) {
    this.buf = new Uint8Array(capacity);
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.pos + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }

  bytes(data: Uint8Array): void {
    this.ensure(data.length);
    this.buf.set(data, this.pos);
    this.pos += data.length;
  }

  /** Identifier octets of a tag key (`number * 4 + class`). */
  tag(key: number, constructed: boolean): void {
    const first = ((key & 3) << 6) | (constructed ? 0x20 : 0);
    const num = tagNumberOf(key);
    if (num < 31) {
      this.byte(first | num);
      return;
    }
    this.byte(first | 0x1f);
    const groups: number[] = [];
    for (let n = num; ; n = Math.floor(n / 128)) {
      groups.push(n % 128);
      if (n < 128) break;
    }
    for (let i = groups.length - 1; i >= 0; i--) this.byte(groups[i]! | (i > 0 ? 0x80 : 0));
  }

  length(len: number): void {
    if (len < 0x80) {
      this.byte(len);
      return;
    }
    const n = lengthSize(len) - 1;
    this.ensure(n + 1);
    this.buf[this.pos++] = 0x80 | n;
    for (let i = n - 1; i >= 0; i--) this.buf[this.pos++] = Math.floor(len / 256 ** i) % 256;
  }

  /** A primitive TLV. */
  primitive(key: number, content: Uint8Array): void {
    this.tag(key, false);
    this.length(content.length);
    this.bytes(content);
  }

  /** A primitive INTEGER TLV, minimal two's complement. */
  integer(key: number, value: number | bigint): void {
    if (typeof value === 'number' && value >= -0x80000000 && value <= 0x7fffffff) {
      const n =
        value >= -0x80 && value < 0x80
          ? 1
          : value >= -0x8000 && value < 0x8000
            ? 2
            : value >= -0x800000 && value < 0x800000
              ? 3
              : 4;
      this.tag(key, false);
      this.ensure(n + 1);
      this.buf[this.pos++] = n;
      for (let i = n - 1; i >= 0; i--) this.buf[this.pos++] = (value >> (8 * i)) & 0xff;
      return;
    }
    this.primitive(key, integerBytes(value));
  }

  /** A primitive TLV holding latin1 text (each character must be ≤ U+00FF). */
  latin1(key: number, text: string): void {
    this.tag(key, false);
    this.length(text.length);
    this.ensure(text.length);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c > 0xff) throw new RangeError(`character U+${c.toString(16)} is not latin1`);
      this.buf[this.pos++] = c;
    }
  }

  /** Starts a constructed TLV; pass the result to `close`. */
  open(key: number, indefinite: boolean): number {
    this.tag(key, true);
    if (indefinite) {
      this.byte(0x80);
      return -1;
    }
    return this.pos;
  }

  /** Ends a constructed TLV: writes `00 00`, or inserts the definite length before the contents. */
  close(mark: number): void {
    if (mark < 0) {
      this.byte(0);
      this.byte(0);
      return;
    }
    const len = this.pos - mark;
    const n = lengthSize(len);
    this.ensure(n);
    this.buf.copyWithin(mark + n, mark, this.pos);
    const end = this.pos + n;
    this.pos = mark;
    this.length(len);
    this.pos = end;
  }

  /** The bytes written so far (a copy), and resets the writer. */
  take(): Uint8Array {
    const out = this.buf.slice(0, this.pos);
    this.pos = 0;
    return out;
  }
}
