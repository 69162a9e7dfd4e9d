import { describe, expect, it } from 'vitest';
import { DecodeError } from '../lib/errors.ts';
import { seededRandom } from './arbitrary.ts';
import { concat, hex } from './fixtures/bytes.ts';
import { mixedRecord, transferBatch } from './fixtures/samples.ts';
import { decodeBytes, decodeStream, encodeFile } from './index.ts';
import type { DecodeItem } from './types.ts';

const records = Array.from({ length: 3 }, (_, i) => mixedRecord(i * 7));
const definite = encodeFile('TAP-3.12', transferBatch('TAP-3.12', records));
const indefinite = concat(
  encodeFile('TAP-3.12', transferBatch('TAP-3.12', records), { indefinite: true }),
  hex('00 ff'),
);

function outcome(bytes: Uint8Array): 'ok' | 'DecodeError' {
  try {
    decodeBytes(bytes, { file: 'x' });
    return 'ok';
  } catch (e) {
    if (e instanceof DecodeError) return 'DecodeError';
    throw e;
  }
}

async function collect(
  chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
): Promise<DecodeItem[]> {
  const out: DecodeItem[] = [];
  for await (const item of decodeStream(chunks, { file: 'x', keepUnknownHex: true }))
    out.push(item);
  return out;
}

function* chunked(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

describe.each([
  ['definite', definite],
  ['indefinite', indefinite],
])('%s lengths', (_label, bytes) => {
  it('every prefix decodes or raises DecodeError', () => {
    let errors = 0;
    for (let n = 0; n < bytes.length; n++)
      if (outcome(bytes.subarray(0, n)) === 'DecodeError') errors++;
    expect(outcome(bytes)).toBe('ok');
    expect(errors).toBeGreaterThan(bytes.length * 0.9);
  });

  it('random byte flips raise nothing but DecodeError', () => {
    const rnd = seededRandom(bytes.length);
    for (let i = 0; i < 1500; i++) {
      const copy = bytes.slice();
      for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--)
        copy[Math.floor(rnd() * copy.length)] = Math.floor(rnd() * 256);
      outcome(copy);
    }
  });

  it('1-byte and odd-sized chunks give the same items as one chunk', async () => {
    const whole = await collect([bytes]);
    expect(whole.filter((i) => i.type === 'record')).toHaveLength(3);
    expect(await collect(chunked(bytes, 1))).toEqual(whole);
    expect(await collect(chunked(bytes, 7))).toEqual(whole);
  });

  it('truncated streams raise DecodeError', async () => {
    await expect(collect(chunked(bytes.subarray(0, bytes.length - 5), 3))).rejects.toBeInstanceOf(
      DecodeError,
    );
  });
});

describe('streaming', () => {
  it('yields the header before the first record is complete', async () => {
    const big = encodeFile(
      'TAP-3.12',
      transferBatch(
        'TAP-3.12',
        Array.from({ length: 50 }, (_, i) => mixedRecord(i)),
      ),
      {
        indefinite: true,
      },
    );
    let consumed = 0;
    async function* source(): AsyncGenerator<Uint8Array> {
      for (const c of chunked(big, 16)) {
        consumed += c.length;
        yield await Promise.resolve(c);
      }
    }
    const seen: { type: string; consumed: number; offset?: number }[] = [];
    for await (const item of decodeStream(source(), { file: 'x' })) {
      seen.push({
        type: item.type,
        consumed,
        ...(item.type === 'record' ? { offset: item.offset } : {}),
      });
    }
    const header = seen[0]!;
    const first = seen[1]!;
    expect(header.type).toBe('header');
    expect(first.type).toBe('record');
    // The header came out before the first record's bytes had all been read.
    const firstRecordEnd = seen[2]!.offset!;
    expect(header.consumed).toBeLessThan(firstRecordEnd);
    expect(header.consumed).toBeLessThan(first.consumed);
    // Records come out as they complete: never more than a record plus a chunk ahead.
    const records = seen.filter((s) => s.type === 'record');
    for (let i = 0; i + 1 < records.length; i++)
      expect(records[i]!.consumed).toBeLessThanOrEqual(records[i + 1]!.offset! + 16);
    expect(seen.at(-1)!.type).toBe('end');
  });

  it('stops reading when the consumer stops', async () => {
    let pulled = 0;
    function* source(): Generator<Uint8Array> {
      for (const c of chunked(indefinite, 8)) {
        pulled++;
        yield c;
      }
    }
    for await (const item of decodeStream(source(), { file: 'x' }))
      if (item.type === 'header') break;
    expect(pulled).toBeLessThan(Math.ceil(indefinite.length / 8));
  });
});
