import { describe, expect, it } from 'vitest';
import { decodeBytes, encodeFile } from '../../asn1/index.ts';
import type { DecodeItem, Struct } from '../../asn1/types.ts';
import { normaliseNrtrdeFile } from './normalise.ts';

const events: Struct[] = [
  {
    moc: {
      imsi: '262011234567890',
      imei: '35123456789012',
      callEventStartTimeStamp: '20240301235000',
      utcTimeOffset: '+0200',
      callEventDuration: 700,
      serviceCode: { teleServiceCode: '11' },
      dialledDigits: '+441234567890',
      recEntityId: '491720000001',
      chargeAmount: 1234,
      servingNetwork: 'DEUD1',
      msisdn: '4917012345678',
      locationArea: 10,
      cellId: 20,
    },
  },
  {
    mtc: {
      imsi: '262010000000002',
      callEventStartTimeStamp: '20240302010000',
      utcTimeOffset: '-0100',
      callingNumber: '4930123',
      serviceCode: { bearerServiceCode: '30' },
    },
  },
  {
    gprs: {
      imsi: '262010000000003',
      callEventStartTimeStamp: '20240302020000',
      utcTimeOffset: '+0000',
      callEventDuration: 60,
      accessPointNameNI: 'internet',
      dataVolumeIncoming: 6_000_000_000n,
      dataVolumeOutgoing: 10,
      chargingId: 4294967297,
      chargeAmount: 9_007_199_254_740_993n,
    },
  },
];
const content: Struct = {
  specificationVersionNumber: 2,
  releaseVersionNumber: 1,
  sender: 'DEUD1',
  recipient: 'GBRCN',
  sequenceNumber: '0000123',
  fileAvailableTimeStamp: '20240302030000',
  utcTimeOffset: '+0100',
  callEvents: events,
  callEventsCount: 3,
};

function check(rows: ReturnType<typeof normaliseNrtrdeFile>): void {
  if (rows === null) throw new Error('no header');
  expect(rows.file).toMatchObject({
    sender: 'DEUD1',
    recipient: 'GBRCN',
    sequenceNumber: '0000123',
    fileAvailableUtc: '2024-03-02T02:00:00Z',
    callEventsCount: 3,
  });
  expect(rows.events.map((e) => e.eventType)).toEqual(['moc', 'mtc', 'gprs']);
  expect(rows.events[0]).toMatchObject({
    recordIndex: 0,
    sender: 'DEUD1',
    imsi: '262011234567890',
    startLocal: '2024-03-01T23:50:00',
    startUtcOffset: '+0200',
    startUtc: '2024-03-01T21:50:00Z',
    endUtc: '2024-03-01T22:01:40Z',
    durationSeconds: 700,
    teleServiceCode: '11',
    dialledDigits: '+441234567890',
    chargeAmount: 1234n,
    servingNetwork: 'DEUD1',
    cellId: 20,
  });
  expect(rows.events[1]).toMatchObject({
    startUtc: '2024-03-02T02:00:00Z',
    bearerServiceCode: '30',
    callingNumber: '4930123',
    durationSeconds: null,
    endUtc: null,
  });
  expect(rows.events[2]).toMatchObject({
    apnNi: 'internet',
    dataVolumeIncoming: 6_000_000_000n,
    dataVolumeOutgoing: 10n,
    chargingId: 4294967297n,
    chargeAmount: 9_007_199_254_740_993n,
  });
}

describe('NRTRDE normalisation', () => {
  it('writes one row per event from hand-built items', () => {
    const { callEvents, callEventsCount, ...groups } = content;
    const items: DecodeItem[] = [
      { type: 'header', kind: 'nrtrde', module: 'NRTRDE-2.01', groups },
      ...(callEvents as Struct[]).map((value, index): DecodeItem => ({
        type: 'record',
        index,
        offset: 0,
        value,
      })),
      { type: 'trailer', groups: { callEventsCount: callEventsCount! } },
    ];
    check(normaliseNrtrdeFile('NRDEUD1GBRCN0000123', items));
  });

  it('reads the same rows from an encoded and decoded file', () => {
    const decoded = decodeBytes(encodeFile('NRTRDE-2.01', content), { file: 'nr' });
    check(
      normaliseNrtrdeFile('NRDEUD1GBRCN0000123', [
        decoded.header,
        ...decoded.records.map((value, index): DecodeItem => ({
          type: 'record',
          index,
          offset: 0,
          value,
        })),
        decoded.trailer,
      ]),
    );
  });
});
