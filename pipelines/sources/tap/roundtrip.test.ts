/**
 * Integration: build TAP files with the encoder (3.10, 3.11, 3.12), decode them as a stream in
 * small chunks, then normalise and validate what comes out.
 */
import { describe, expect, it } from 'vitest';
import { decodeStream, encodeFile } from '../../asn1/index.ts';
import type { DecodeItem, ModuleName, Struct } from '../../asn1/types.ts';
import { normaliseTapFile } from './normalise.ts';
import { dtl, gprs, moc, record, tapHeader, trailer, validBatch } from './test-fixtures.ts';
import { validateTapFile } from './validate.ts';

function* chunks(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

async function decodeAll(module: ModuleName, batch: Struct): Promise<DecodeItem[]> {
  const bytes = encodeFile(module, { transferBatch: batch }, { indefinite: true });
  const items: DecodeItem[] = [];
  for await (const item of decodeStream(chunks(bytes, 7), { file: 'CDDEUD1GBRCN00042' }))
    items.push(item);
  return items;
}

/** The same file as items built by hand, as the decoder would yield them. */
function handItems(
  header: Struct,
  records: Struct[],
  audit: Struct,
  module: ModuleName,
): DecodeItem[] {
  return [tapHeader(header, module), ...records.map((r, i) => record(i, r)), trailer(audit)];
}

describe('TAP round trip: encode, decode, normalise, validate', () => {
  it('3.12: every row equals the rows of the values that were encoded, and nothing is flagged', async () => {
    const s = validBatch();
    const decoded = await decodeAll('TAP-3.12', {
      ...s.groups,
      callEventDetails: s.records,
      auditControlInfo: s.audit,
    });
    expect(decoded.map((i) => i.type)).toEqual([
      'header',
      'record',
      'record',
      'record',
      'record',
      'trailer',
      'end',
    ]);
    expect(validateTapFile('CDDEUD1GBRCN00042', decoded)).toEqual([]);
    const fromFile = normaliseTapFile('CDDEUD1GBRCN00042', decoded);
    const fromValues = normaliseTapFile(
      'CDDEUD1GBRCN00042',
      handItems({}, s.records, s.audit, 'TAP-3.12'),
    );
    expect(fromFile).toEqual(fromValues);
    const invoiceable = fromFile?.charges
      .filter((c) => c.invoiceable)
      .reduce((sum, c) => sum + (c.charge ?? 0n), 0n);
    expect(invoiceable).toBe(s.audit.totalCharge);
    expect(fromFile?.audit?.totalCharge).toBe(s.audit.totalCharge);
  });

  it('3.12: a wrong audit total and count are found after decoding', async () => {
    const s = validBatch();
    const audit = {
      ...s.audit,
      totalCharge: (s.audit.totalCharge as bigint) + 1n,
      callEventDetailsCount: 3,
    };
    const decoded = await decodeAll('TAP-3.12', {
      ...s.groups,
      callEventDetails: s.records,
      auditControlInfo: audit,
    });
    expect(validateTapFile('f', decoded).map((f) => [f.rule, f.severity])).toEqual([
      ['TAP-AUDIT-COUNT', 'fatal'],
      ['TAP-AUDIT-TOTAL-CHARGE', 'fatal'],
    ]);
  });

  it('3.11: CAMEL invocation fees count toward TotalCharge; values past 2^53 stay exact', async () => {
    const big = 2n ** 60n + 7n;
    const records = [
      moc(100, { camelServiceUsed: { camelServiceLevel: 1, camelInvocationFee: 25 } }),
      gprs(big, 2n ** 40n, 1),
    ];
    const audit: Struct = {
      earliestCallTimeStamp: dtl('20240301101500'),
      latestCallTimeStamp: dtl('20240302052930', '+0000'),
      totalCharge: 100n + 25n + big,
      totalTaxValue: 19,
      totalDiscountValue: 5,
      callEventDetailsCount: 2,
    };
    const header = tapHeader({}, 'TAP-3.11');
    const decoded = await decodeAll('TAP-3.11', {
      ...header.groups,
      callEventDetails: records,
      auditControlInfo: audit,
    });
    expect(validateTapFile('f', decoded)).toEqual([]);
    const rows = normaliseTapFile('f', decoded);
    expect(rows?.events.map((e) => e.totalCharge)).toEqual([125n, big]);
    expect(rows?.events[1]?.dataVolumeIncoming).toBe(2n ** 40n);
    expect(rows?.charges.find((c) => c.source === 'camel-invocation-fee')).toMatchObject({
      charge: 25n,
      invoiceable: true,
    });
  });

  it('3.10: TotalChargeValueList per charge type, 3.10 equipment and CAMEL charge information', async () => {
    const records: Struct[] = [
      {
        mobileTerminatedCall: {
          basicCallInformation: {
            chargeableSubscriber: { simChargeableSubscriber: { imsi: '262010000000009' } },
            callOriginator: { callingNumber: '4930111' },
            callEventStartTimeStamp: { localTimeStamp: '20240301080000', utcTimeOffsetCode: 0 },
            totalCallEventDuration: 60,
          },
          locationInformation: { networkLocation: { recEntityCode: 2 } },
          equipmentInformation: { imeiOrEsn: { imei: '35000000000009' } },
          basicServiceUsedList: [
            {
              basicService: { serviceCode: { teleServiceCode: '21' } },
              chargeInformationList: [
                {
                  chargeDetailList: [
                    { chargeType: '00', charge: 30 },
                    { chargeType: '01', charge: 30 },
                  ],
                },
              ],
            },
          ],
          camelServiceUsed: {
            camelChargeInformation: { chargeDetailList: [{ chargeType: '00', charge: 4 }] },
          },
        },
      },
    ];
    const audit: Struct = {
      earliestCallTimeStamp: dtl('20240301080000'),
      latestCallTimeStamp: dtl('20240301080000'),
      totalChargeValueList: [
        { chargeType: '00', totalCharge: 34 },
        { chargeType: '01', totalCharge: 30 },
      ],
      totalTaxValue: 0,
      totalDiscountValue: 0,
      callEventDetailsCount: 1,
    };
    const header = tapHeader({}, 'TAP-3.10');
    const decoded = await decodeAll('TAP-3.10', {
      ...header.groups,
      callEventDetails: records,
      auditControlInfo: audit,
    });
    expect(validateTapFile('f', decoded)).toEqual([]);
    const rows = normaliseTapFile('f', decoded);
    expect(rows?.events[0]).toMatchObject({
      eventType: 'sms-mt',
      imei: '35000000000009',
      callingNumber: '4930111',
      recEntityId: '10.0.0.1',
      totalCharge: 34n,
    });
    expect(rows?.audit?.totalCharge).toBe(34n);
  });

  it('3.12 notification: a file row, no events, no findings', async () => {
    const bci = tapHeader().groups.batchControlInfo as Struct;
    const bytes = encodeFile('TAP-3.12', { notification: bci });
    const items: DecodeItem[] = [];
    for await (const item of decodeStream([bytes], { file: 'TDDEUD1GBRCN00042' })) items.push(item);
    expect(items[0]).toMatchObject({ type: 'header', kind: 'tap-notification' });
    expect(validateTapFile('f', items)).toEqual([]);
    const rows = normaliseTapFile('f', items);
    expect(rows?.file).toMatchObject({
      kind: 'tap-notification',
      sender: 'DEUD1',
      fileSequenceNumber: '00042',
      fileAvailableUtc: '2024-03-02T07:30:00Z',
    });
    expect(rows?.events).toEqual([]);
    const withoutSender = { ...bci };
    delete withoutSender.sender;
    const bad: DecodeItem[] = [];
    for await (const item of decodeStream(
      [encodeFile('TAP-3.12', { notification: withoutSender })],
      { file: 'f' },
    ))
      bad.push(item);
    expect(validateTapFile('f', bad).map((f) => f.itemPath)).toEqual(['notification/sender']);
  });
});
