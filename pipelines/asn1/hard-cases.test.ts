import { describe, expect, it } from 'vitest';
import { DecodeError } from '../lib/errors.ts';
import { ascii, concat, def, hex, ind, longLen } from './fixtures/bytes.ts';
import { decodeBytes, decodeStream, detectKind } from './index.ts';
import type { DecodeItem } from './types.ts';

/** BatchControlInfo (4) of TAP 3.<release>, tags by hand. */
function bci(release: number): Uint8Array {
  return def(
    '64',
    def('5f8144', ascii('DEUD1')), // Sender 196
    def('5f8136', ascii('GBRCN ')), // Recipient 182, trailing space trimmed
    def('5f6d', ascii('00042')), // FileSequenceNumber 109
    ind('7f6c', def('50', ascii('20240301101500')), def('5f8167', ascii('+0100'))), // FileCreationTimeStamp 108
    def('5f8149', '03'), // SpecificationVersionNumber 201
    def('5f813d', release.toString(16).padStart(2, '0')), // ReleaseVersionNumber 189
  );
}

const moc = ind(
  '69', // MobileOriginatedCall 9
  ind(
    '7f8113', // MoBasicCallInformation 147
    ind(
      '7f832b', // ChargeableSubscriber 427: explicit wrapper
      def('7f8147', def('5f8101', '23 41 50 12 34 56 78 f9'), def('5f8118', '44 79 12 3f')), // Sim…(199): Imsi, Msisdn with F filler
    ),
    def('7f2c', def('50', ascii('20240301120000')), def('5f8168', '00')), // CallEventStartTimeStamp 44 (DateTime)
    def('5f815f', '01 2c'), // TotalCallEventDuration 223 = 300
  ),
  def('5f8345', 'ab cd'), // unknown APPLICATION 453
  def('7f832d', def('5f8100', '35 48 76 01 23 45 67 80')), // ImeiOrEsn 429 → Imei 128
  def(
    '7f26', // BasicServiceUsedList 38
    ind(
      '7f27', // BasicServiceUsed 39
      def('7f24', def('7f832a', def('5f815a', ascii('11')))), // BasicService 36 → BasicServiceCode 426 → TeleServiceCode 218
      def(
        '7f46', // ChargeInformationList 70
        ind(
          '7f45', // ChargeInformation 69
          ind(
            '7f40', // ChargeDetailList 64
            def('7f3f', def('5f47', ascii('00')), def('5f3e', '7f ff ff ff ff ff ff ff')), // ChargeDetail 63: 2^63-1
            def('7f3f', def('5f47', ascii('01')), def('5f3e', '00 20 00 00 00 00 00 01')), // 2^53+1
          ),
        ),
      ),
    ),
  ),
);

const mtc = def(
  '6a', // MobileTerminatedCall 10
  def(
    '7f8119', // MtBasicCallInformation 153
    def('7f832b', def('7f8147', def('5f8101', '23 41 50 98 76 54 32 1f'))),
    def('7f29', def('5f8315', '49 30 12 34 5f')), // CallOriginator 41 → CallingNumber 405
  ),
  def('7f832d', def('5f67', ascii('12345678901'))), // ImeiOrEsn → Esn 103
  def(
    '7f26',
    def(
      '7f27',
      def(
        '7f46',
        def(
          '7f45',
          def(
            '7f40',
            def('7f3f', def('5f3e', 'ff')),
            def('7f3f', def('5f3e', '80')),
            def('7f3f', def('5f3e', 'ff 7f')),
          ),
        ),
      ),
    ),
  ),
  def('5f8345', '01'), // a second unknown 453 at another path
);

function tapFile(release: number): Uint8Array {
  return concat(
    hex('00 00'), // leading padding
    ind(
      '61', // TransferBatch 1
      bci(release),
      def('65', def('5f8107', ascii('EUR')), def('5f8174', '03')), // AccountingInfo: LocalCurrency 135, TapDecimalPlaces 244
      ind('63', moc, mtc, def('5f8345', '02')), // CallEventDetailList 3, unknown element
      longLen('6f', def('5f831f', 'ff ff ff ff ff ff ff ff'), def('5f2b', '02')), // AuditControlInfo 15
    ),
    hex('00 00 ff ff ff'), // trailing padding
  );
}

describe('hand-built TAP 3.12 file', () => {
  const bytes = tapFile(12);
  const out = decodeBytes(bytes, { file: 'CDDEUD1GBRCN00042', keepUnknownHex: true });

  it('detects the release and yields the header groups', () => {
    expect(out.header).toMatchObject({ type: 'header', kind: 'tap-batch', module: 'TAP-3.12' });
    expect(out.header.groups).toEqual({
      batchControlInfo: {
        sender: 'DEUD1',
        recipient: 'GBRCN',
        fileSequenceNumber: '00042',
        fileCreationTimeStamp: { localTimeStamp: '20240301101500', utcTimeOffset: '+0100' },
        specificationVersionNumber: 3,
        releaseVersionNumber: 12,
      },
      accountingInfo: { localCurrency: 'EUR', tapDecimalPlaces: 3 },
    });
  });

  it('decodes explicit CHOICE wrappers, nested indefinite lengths, BCD and big integers', () => {
    expect(out.records).toEqual([
      {
        mobileOriginatedCall: {
          basicCallInformation: {
            chargeableSubscriber: {
              simChargeableSubscriber: { imsi: '234150123456789', msisdn: '4479123' },
            },
            callEventStartTimeStamp: { localTimeStamp: '20240301120000', utcTimeOffsetCode: 0 },
            totalCallEventDuration: 300,
          },
          equipmentIdentifier: { imei: '3548760123456780' },
          basicServiceUsedList: [
            {
              basicService: { serviceCode: { teleServiceCode: '11' } },
              chargeInformationList: [
                {
                  chargeDetailList: [
                    { chargeType: '00', charge: 2n ** 63n - 1n },
                    { chargeType: '01', charge: 2n ** 53n + 1n },
                  ],
                },
              ],
            },
          ],
        },
      },
      {
        mobileTerminatedCall: {
          basicCallInformation: {
            chargeableSubscriber: { simChargeableSubscriber: { imsi: '234150987654321' } },
            callOriginator: { callingNumber: '493012345' },
          },
          equipmentIdentifier: { esn: '12345678901' },
          basicServiceUsedList: [
            {
              chargeInformationList: [
                { chargeDetailList: [{ charge: -1 }, { charge: -128 }, { charge: -129 }] },
              ],
            },
          ],
        },
      },
    ]);
  });

  it('reads the trailer with a long-form length', () => {
    expect(out.trailer.groups).toEqual({
      auditControlInfo: { totalCharge: -1, callEventDetailsCount: 2 },
    });
  });

  it('counts padding and unknown tags with their path and hex', () => {
    expect(out.end.bytes).toBe(bytes.length);
    expect(out.end.paddingBytes).toBe(7);
    expect(out.end.unknownTags).toEqual([
      {
        path: 'TransferBatch/CallEventDetailList/MobileOriginatedCall',
        tag: 'APPLICATION 453',
        count: 1,
        hex: '5f8345' + '02abcd',
      },
      {
        path: 'TransferBatch/CallEventDetailList/MobileTerminatedCall',
        tag: 'APPLICATION 453',
        count: 1,
        hex: '5f83450101',
      },
      {
        path: 'TransferBatch/CallEventDetailList',
        tag: 'APPLICATION 453',
        count: 1,
        hex: '5f83450102',
      },
    ]);
    const plain = decodeBytes(bytes, { file: 'x' });
    expect(plain.end.unknownTags.every((u) => u.hex === undefined)).toBe(true);
  });

  it('gives record offsets at the first tag byte', () => {
    const again = decodeBytes(concat(hex('ff'), tapFile(12).subarray(2)), { file: 'x' });
    expect(again.end.paddingBytes).toBe(6);
    expect(again.records).toHaveLength(2);
  });
});

describe('release detection', () => {
  it.each([
    [10, 'TAP-3.10'],
    [11, 'TAP-3.11'],
    [12, 'TAP-3.12'],
  ])('TAP 3.%s', (release, module) => {
    const file = ind('61', bci(release));
    expect(detectKind(file)).toEqual({ kind: 'tap-batch', module });
    expect(detectKind(concat(hex('00 ff'), file))).toEqual({ kind: 'tap-batch', module });
    expect(decodeBytes(file, { file: 'x' }).header.module).toBe(module);
  });

  it('detects NRTRDE by its first child (5F 29) and RAP by 534 / 535', () => {
    expect(detectKind(ind('61', def('5f29', '02'), def('5f25', '01')))).toEqual({
      kind: 'nrtrde',
      module: 'NRTRDE-2.01',
    });
    expect(detectKind(hex('7f 84 16 80 7f 84 19 80'))?.kind).toBe(undefined);
    expect(
      detectKind(ind('7f8416', ind('7f8419', def('5f8149', '03'), def('5f813d', '0b')))),
    ).toEqual({
      kind: 'rap-return-batch',
      module: 'RAP-1.05',
      tapModule: 'TAP-3.11',
    });
    expect(detectKind(ind('7f8417', def('5f8144', ascii('DEUD1'))))).toEqual({
      kind: 'rap-acknowledgement',
      module: 'RAP-1.05',
    });
  });

  it('rejects an unsupported release and foreign content with DecodeError', () => {
    expect(() => decodeBytes(ind('61', bci(9)), { file: 'x' })).toThrow(DecodeError);
    expect(() => decodeBytes(hex('30 03 02 01 01'), { file: 'x' })).toThrow(DecodeError);
    expect(() => decodeBytes(hex('00 00 ff'), { file: 'x' })).toThrow(DecodeError);
  });
});

describe('errors', () => {
  it('reports file, byte offset, tag path and record index', () => {
    const bad = ind('61', bci(12), ind('63', def('69', def('7f8113', def('5f815f', '')))));
    let error: unknown;
    try {
      decodeBytes(bad, { file: 'F1' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DecodeError);
    const e = error as DecodeError;
    expect(e.file).toBe('F1');
    expect(e.recordIndex).toBe(0);
    expect(e.tagPath).toBe(
      'TransferBatch/CallEventDetailList/MobileOriginatedCall/MoBasicCallInformation/TotalCallEventDuration',
    );
    expect(bad[e.byteOffset - 1]).toBe(0); // the empty INTEGER's length octet
  });
});

describe('several top-level units', () => {
  it('skips padding between units and yields each unit in order', async () => {
    const notification = ind(
      '62',
      def('5f8144', ascii('DEUD1')),
      def('5f8149', '03'),
      def('5f813d', '0b'),
    );
    const bytes = concat(tapFile(12), hex('ff ff 00'), notification, hex('00'));
    const items: DecodeItem[] = [];
    for await (const item of decodeStream([bytes], { file: 'x' })) items.push(item);
    expect(items.map((i) => i.type)).toEqual([
      'header',
      'record',
      'record',
      'trailer',
      'header',
      'trailer',
      'end',
    ]);
    expect(items[4]).toEqual({
      type: 'header',
      kind: 'tap-notification',
      module: 'TAP-3.11',
      groups: { sender: 'DEUD1', specificationVersionNumber: 3, releaseVersionNumber: 11 },
    });
    expect(items.at(-1)).toMatchObject({ type: 'end', bytes: bytes.length, paddingBytes: 7 + 4 });
    expect(() => decodeBytes(concat(tapFile(12), hex('01 02 03')), { file: 'x' })).toThrow(
      /unexpected data after the last unit/,
    );
  });
});
