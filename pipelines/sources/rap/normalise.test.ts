import { describe, expect, it } from 'vitest';
import { decodeBytes, encodeFile } from '../../asn1/index.ts';
import type { DecodeItem } from '../../asn1/types.ts';
import { dtl } from '../tap/test-fixtures.ts';
import { normaliseRapFile } from './normalise.ts';
import { rapItems, rapReturnBatch, severeCharge } from './test-fixtures.ts';

const returnBatch = rapReturnBatch();

const items = (): DecodeItem[] => rapItems(returnBatch);

function check(rows: ReturnType<typeof normaliseRapFile>): void {
  if (rows === null) throw new Error('no header');
  expect(rows.file).toMatchObject({
    kind: 'rap-return-batch',
    sender: 'GBRCN',
    recipient: 'DEUD1',
    rapFileSequenceNumber: '00007',
    createdUtc: '2024-03-05T10:00:00Z',
    tapDecimalPlaces: 3,
    tapCurrency: 'EUR',
  });
  expect(rows.returns.map((r) => r.kind)).toEqual(['stop', 'missing', 'fatal', 'severe']);
  expect(rows.returns[0]).toMatchObject({ lastSeqNumber: '00050', errorCodes: [] });
  expect(rows.returns[1]).toMatchObject({
    startMissingSeqNumber: '00040',
    endMissingSeqNumber: '00041',
  });
  expect(rows.returns[2]).toMatchObject({
    fileSequenceNumber: '00042',
    fatalGroup: 'batchControlError',
    errorCodes: [30],
  });
  expect(rows.returns[3]).toMatchObject({
    fileSequenceNumber: '00043',
    errorCodes: [31, 100],
    returnedRecordKind: 'mobileOriginatedCall',
    returnedEventType: 'moc',
    returnedImsi: '262011234567890',
    returnedStartLocal: '2024-03-01T10:15:00',
    returnedCharge: BigInt(severeCharge),
    returnedTax: 19n,
    scale: 3,
  });
  expect(rows.errors.map((e) => [e.returnIndex, e.errorCode, e.itemPath, e.itemOffset])).toEqual([
    [2, 30, 'BatchControlInfo/Sender', null],
    [3, 31, 'CallEventDetailList/MobileOriginatedCall[1]/MoBasicCallInformation', 12],
    [3, 100, '', null],
  ]);
  expect(rows.audit).toMatchObject({
    totalSevereReturnValue: BigInt(severeCharge),
    returnDetailsCount: 4,
  });
}

describe('RAP normalisation', () => {
  it('writes one row per return detail and per error, with readable item paths', () => {
    check(normaliseRapFile('RCGBRCNDEUD100007', items()));
  });

  it('reads the same rows from an encoded and decoded file', () => {
    const decoded = decodeBytes(encodeFile('RAP-1.05', { returnBatch }), { file: 'rap' });
    const all: DecodeItem[] = [
      decoded.header,
      ...decoded.records.map((value, index): DecodeItem => ({
        type: 'record',
        index,
        offset: 0,
        value,
      })),
      decoded.trailer,
    ];
    check(normaliseRapFile('RCGBRCNDEUD100007', all));
  });

  it('reads an acknowledgement', () => {
    const rows = normaliseRapFile('ACDEUD1GBRCN00007', [
      {
        type: 'header',
        kind: 'rap-acknowledgement',
        module: 'RAP-1.05',
        groups: {
          sender: 'DEUD1',
          recipient: 'GBRCN',
          rapFileSequenceNumber: '00007',
          ackFileCreationTimeStamp: dtl('20240306090000', '+0100'),
          ackFileAvailableTimeStamp: dtl('20240306091500', '+0100'),
        },
      },
    ]);
    expect(rows?.file).toMatchObject({
      kind: 'rap-acknowledgement',
      rapFileSequenceNumber: '00007',
      availableUtc: '2024-03-06T08:15:00Z',
    });
    expect(rows?.returns).toEqual([]);
  });
});
