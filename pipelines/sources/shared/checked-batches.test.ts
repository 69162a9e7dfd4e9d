/**
 * Regressions found by bench/fuzz: a decoded INTEGER wider than its raw column (a flipped length
 * bit made a 9-byte DataVolume; a deleted byte made a 5-byte ReleaseVersionNumber) reached the
 * column builder, which threw a plain Error (a crash, exit 2). Now the file fails with a
 * DecodeError naming the file, the record's byte offset and index, and the column.
 */
import { describe, expect, it } from 'vitest';
import { decodeStream, encodeFile } from '../../asn1/index.ts';
import type { DecodeItem, Struct } from '../../asn1/types.ts';
import { DecodeError } from '../../lib/errors.ts';
import { nrtrdeBatches } from '../nrtrde/batches.ts';
import type { ColumnBatchSource } from '../source.ts';
import { tapBatches } from '../tap/batches.ts';
import { gprs, moc, validBatch } from '../tap/test-fixtures.ts';

type Batches = (file: string, size: number, items: AsyncIterable<DecodeItem>) => ColumnBatchSource;

async function drain(batches: Batches, file: string, bytes: Uint8Array): Promise<number> {
  const source = batches(file, 64, decodeStream([bytes], { file }));
  let rows = 0;
  for (let step = await source.next(); step.done !== true; step = await source.next())
    for (const table of Object.values(step.value)) rows += table.rows;
  return rows;
}

async function recordOffsets(bytes: Uint8Array): Promise<number[]> {
  const offsets: number[] = [];
  for await (const item of decodeStream([bytes], { file: 'x' }))
    if (item.type === 'record') offsets.push(item.offset);
  return offsets;
}

function tapFile(records: Struct[]): Uint8Array {
  const s = validBatch();
  const auditControlInfo = { ...s.audit, callEventDetailsCount: records.length };
  return encodeFile('TAP-3.12', {
    transferBatch: { ...s.groups, callEventDetails: records, auditControlInfo },
  });
}

async function failure(batches: Batches, file: string, bytes: Uint8Array): Promise<DecodeError> {
  const error: unknown = await drain(batches, file, bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DecodeError);
  return error as DecodeError;
}

describe('an INTEGER wider than its column', () => {
  const file = 'CDDEUD1GBRCN00042';

  it('decodes when every value fits (the control)', async () => {
    expect(await drain(tapBatches, file, tapFile([moc(1), gprs(2, 2n ** 62n, 3)]))).toBeGreaterThan(
      2,
    );
  });

  it('fails a TAP file at the record holding a BIGINT beyond 64 bits', async () => {
    const bytes = tapFile([moc(1), gprs(2, 2n ** 70n, 3)]);
    const [, second] = await recordOffsets(bytes);
    const error = await failure(tapBatches, file, bytes);
    expect(error.byteOffset).toBe(second);
    expect(error.recordIndex).toBe(1);
    expect(error.message).toMatch(
      new RegExp(
        `^${file}: raw\\.tap_events\\.data_volume_incoming: bigint out of int64 range: 1180591620717411303424 at byte ${second}, record 1`,
      ),
    );
  });

  it('fails a TAP file at the record holding an INTEGER beyond 32 bits', async () => {
    const wide = moc(1);
    const call = wide.mobileOriginatedCall as Struct;
    const location = call.locationInformation as Struct;
    call.locationInformation = {
      ...location,
      networkLocation: { recEntityCode: 1, locationArea: 2 ** 40, cellId: 1 },
    };
    const bytes = tapFile([moc(1), moc(2), wide]);
    const error = await failure(tapBatches, file, bytes);
    expect(error.byteOffset).toBe((await recordOffsets(bytes))[2]);
    expect(error.message).toMatch(
      /raw\.tap_events\.location_area: number out of int32 range: 1099511627776 at byte/,
    );
  });

  it('fails an NRTRDE file whose header holds a 5-byte release number', async () => {
    const bytes = encodeFile('NRTRDE-2.01', {
      specificationVersionNumber: 2,
      releaseVersionNumber: 2 ** 40,
      sender: 'DEUNW',
      recipient: 'GBRHM',
      sequenceNumber: '0000001',
      fileAvailableTimeStamp: '20261015120000',
      utcTimeOffset: '+0200',
      callEvents: [],
      callEventsCount: 0,
    });
    const error = await failure(nrtrdeBatches, 'NRDEUNWGBRHM0000001', bytes);
    expect(error.message).toBe(
      'NRDEUNWGBRHM0000001: raw.nrtrde_files.release_version_number: number out of int32 range: 1099511627776 at byte 0 (header or trailer)',
    );
  });
});
