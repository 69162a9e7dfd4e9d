import { describe, expect, it } from 'vitest';
import {
  BAD_LENGTH,
  BAD_TAG,
  INDEFINITE_PRIMITIVE,
  newHeader,
  readHeader,
  SHORT,
  tagKey,
  tagName,
} from './header.ts';
import { integerBytes, readInteger } from './integer.ts';
import { skipTlv } from './skip.ts';
import { bcdBytes, latin1Bytes, readBcd, readLatin1 } from './strings.ts';
import { walkTlvs } from './walk.ts';
import { TlvWriter } from './writer.ts';

const bytes = (hex: string): Uint8Array =>
  Uint8Array.from(Buffer.from(hex.replace(/\s+/g, ''), 'hex'));
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('readHeader', () => {
  it('reads short and long-form tags', () => {
    const h = newHeader();
    expect(readHeader(bytes('61 03'), 0, 2, h)).toBe(2);
    expect(h).toEqual({ tag: tagKey(1, 1), constructed: true, length: 3 });
    expect(readHeader(bytes('5f 83 45 02'), 0, 4, h)).toBe(4);
    expect(tagName(h.tag)).toBe('APPLICATION 453');
    expect(h.constructed).toBe(false);
    expect(readHeader(bytes('7f 84 16 80'), 0, 4, h)).toBe(4);
    expect(tagName(h.tag)).toBe('APPLICATION 534');
    expect(h.length).toBe(-1);
    expect(readHeader(bytes('5f 29 01'), 0, 3, h)).toBe(3);
    expect(tagName(h.tag)).toBe('APPLICATION 41');
  });

  it('reads long-form lengths', () => {
    const h = newHeader();
    expect(readHeader(bytes('64 81 c8'), 0, 3, h)).toBe(3);
    expect(h.length).toBe(200);
    expect(readHeader(bytes('64 82 01 00'), 0, 4, h)).toBe(4);
    expect(h.length).toBe(256);
    expect(readHeader(bytes('64 84 00 bc 61 4e'), 0, 6, h)).toBe(6);
    expect(h.length).toBe(12345678);
  });

  it('reports short and malformed headers', () => {
    const h = newHeader();
    expect(readHeader(bytes('5f 83'), 0, 2, h)).toBe(SHORT);
    expect(readHeader(bytes('64 82 01'), 0, 3, h)).toBe(SHORT);
    expect(readHeader(bytes('5f ff ff ff ff 7f 00'), 0, 7, h)).toBe(BAD_TAG);
    expect(readHeader(bytes('64 87 01 01 01 01 01 01 01'), 0, 9, h)).toBe(BAD_LENGTH);
    expect(readHeader(bytes('44 80'), 0, 2, h)).toBe(INDEFINITE_PRIMITIVE);
  });
});

describe('INTEGER', () => {
  const cases: [string, number | bigint][] = [
    ['00', 0],
    ['ff', -1],
    ['80', -128],
    ['ff7f', -129],
    ['7f', 127],
    ['0080', 128],
    ['7fffffff', 2 ** 31 - 1],
    ['0100000000', 2 ** 32],
    ['1fffffffffffff', 2 ** 53 - 1],
    ['e0000000000001', -(2 ** 53 - 1)],
    ['20000000000000', 2n ** 53n],
    ['e0000000000000', -(2n ** 53n)],
    ['7fffffffffffffff', 2n ** 63n - 1n],
    ['8000000000000000', -(2n ** 63n)],
    ['00ffffffffffffffff', 2n ** 64n - 1n],
  ];
  it.each(cases)('%s ⇄ %s', (h, v) => {
    const b = bytes(h.length % 2 === 0 ? h : `f${h}`);
    expect(readInteger(b, 0, b.length)).toEqual(v);
    expect(hex(integerBytes(v))).toBe(hex(b));
  });

  it('returns numbers for safe values and bigints beyond', () => {
    expect(typeof readInteger(bytes('1fffffffffffff'), 0, 7)).toBe('number');
    expect(typeof readInteger(bytes('20000000000000'), 0, 7)).toBe('bigint');
  });
});

describe('strings', () => {
  it('decodes BCD with an F filler', () => {
    expect(readBcd(bytes('23 41 50 00 00 00 00 1f'), 0, 8)).toBe('234150000000001');
    expect(readBcd(bytes('44 79 12 3f'), 0, 4)).toBe('4479123');
    expect(hex(bcdBytes('4479123'))).toBe('4479123f');
    expect(hex(bcdBytes('4479'))).toBe('4479');
  });

  it('trims AsciiString spaces only when asked', () => {
    const b = latin1Bytes('  DEUD1 ');
    expect(readLatin1(b, 0, b.length, true)).toBe('DEUD1');
    expect(readLatin1(b, 0, b.length, false)).toBe('  DEUD1 ');
    const long = latin1Bytes(`é${'x'.repeat(40)}`);
    expect(readLatin1(long, 0, long.length, false)).toBe(`é${'x'.repeat(40)}`);
  });
});

describe('TlvWriter, skipTlv and walkTlvs', () => {
  it('writes long tags, definite and indefinite lengths', () => {
    const w = new TlvWriter(4);
    const outer = w.open(tagKey(1, 1), true);
    const inner = w.open(tagKey(1, 426), false);
    w.latin1(tagKey(1, 218), '11');
    w.close(inner);
    w.integer(tagKey(1, 453), -2);
    w.primitive(tagKey(1, 5), new Uint8Array(200));
    w.close(outer);
    const out = w.take();
    expect(hex(out.subarray(0, 16))).toBe('61807f832a065f815a0231315f834501');
    expect(hex(out.subarray(16, 21))).toBe('fe4581c8' + '00');
    expect(hex(out.subarray(out.length - 2))).toBe('0000');
    const h = newHeader();
    expect(skipTlv(out, 0, out.length, h)).toBe(out.length);
    expect(skipTlv(out, 0, out.length - 1, h)).toBe(SHORT);
    expect(walkTlvs(out).tlvs).toBe(5);
  });

  it('walks nested indefinite lengths with padding and rejects truncation', () => {
    const b = bytes('00 ff 61 80 63 80 69 03 5f 01 00 00 00 00 00 ff ff');
    expect(walkTlvs(b)).toEqual({ tlvs: 4, primitiveBytes: 0, maxDepth: 3 });
    expect(() => walkTlvs(b.subarray(0, 10))).toThrow();
  });
});
