import { describe, expect, it } from 'vitest';
import { concat } from './fixtures/bytes.ts';
import {
  accountingInfo,
  auditControlInfo,
  batchControlInfo,
  mixedRecord,
} from './fixtures/samples.ts';
import {
  decodeBytes,
  decodeStream,
  encodeFileChunks,
  encodeFileStream,
  encodeTransferBatchStream,
} from './index.ts';
import type { Struct } from './types.ts';

const header: Struct = { batchControlInfo: batchControlInfo(12), accountingInfo: accountingInfo() };
const trailer: Struct = { auditControlInfo: auditControlInfo(40, 12345) };
const records = Array.from({ length: 40 }, (_, i) => mixedRecord(i));

async function* asyncRecords(): AsyncGenerator<Struct> {
  for (const r of records) yield await Promise.resolve(r);
}

describe('streaming encoder', () => {
  it('writes chunks that decode to the same header, records and trailer', async () => {
    const chunks: Uint8Array[] = [];
    for await (const c of encodeTransferBatchStream('TAP-3.12', header, asyncRecords(), trailer, {
      chunkSize: 500,
    })) {
      chunks.push(c);
    }
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks[0]!.subarray(0, 2)).toEqual(Uint8Array.of(0x61, 0x80));
    const out = decodeBytes(concat(...chunks), { file: 'x' });
    expect(out.header.groups).toEqual(header);
    expect(out.records).toEqual(records);
    expect(out.trailer.groups).toEqual(trailer);
    const streamed: Struct[] = [];
    for await (const item of decodeStream(chunks, { file: 'x' }))
      if (item.type === 'record') streamed.push(item.value);
    expect(streamed).toEqual(records);
  });

  it('has a synchronous twin producing the same bytes', async () => {
    const a: Uint8Array[] = [];
    for await (const c of encodeFileStream('TAP-3.12', 'transferBatch', header, records, trailer))
      a.push(c);
    const b = [...encodeFileChunks('TAP-3.12', 'transferBatch', header, records, trailer)];
    expect(concat(...b)).toEqual(concat(...a));
  });

  it('streams RAP and NRTRDE units too', () => {
    const nrtrde = [
      ...encodeFileChunks(
        'NRTRDE-2.01',
        'nrtrde',
        { specificationVersionNumber: 2, releaseVersionNumber: 1 },
        [{ moc: { imsi: '2341' } }],
        { callEventsCount: 1 },
      ),
    ];
    const out = decodeBytes(concat(...nrtrde), { file: 'x' });
    expect(out.records).toEqual([{ moc: { imsi: '2341' } }]);
    expect(out.trailer.groups).toEqual({ callEventsCount: 1 });
  });

  it('rejects header fields that belong after the records', () => {
    expect(() => [...encodeFileChunks('TAP-3.12', 'transferBatch', trailer, [], {})]).toThrow(
      /auditControlInfo/,
    );
  });
});
