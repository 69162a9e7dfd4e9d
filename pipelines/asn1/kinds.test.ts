import { describe, expect, it } from 'vitest';
import { Arbitrary, seededRandom } from './arbitrary.ts';
import { ascii, def, ind } from './fixtures/bytes.ts';
import { batchControlInfo, dateTimeLong, transferBatch } from './fixtures/samples.ts';
import { decodeBytes, encodeFile, recordKind } from './index.ts';
import { compiledModule } from './schema.ts';
import type { ModuleName, Struct } from './types.ts';

const TAP: ModuleName[] = ['TAP-3.10', 'TAP-3.11', 'TAP-3.12'];

/** One generated record per CallEventDetail alternative of the module, read from the schema. */
function recordsOfEveryKind(module: ModuleName, seed: number): Struct[] {
  const mod = compiledModule(module);
  const gen = new Arbitrary(seededRandom(seed));
  return mod.type('CallEventDetail').fields.map((alt) => ({ [alt.name]: gen.value(alt.type) }));
}

describe.each(TAP)('%s call events', (module) => {
  const records = recordsOfEveryKind(module, 7);

  it.each([false, true])('decodes every kind (indefinite lengths: %s)', (indefinite) => {
    const bytes = encodeFile(module, transferBatch(module, records), { indefinite });
    const out = decodeBytes(bytes, { file: 'x' });
    expect(out.header.module).toBe(module);
    expect(out.records).toEqual(records);
    expect(out.records.map(recordKind)).toEqual(records.map(recordKind));
  });

  it('covers the kinds the release defines', () => {
    const kinds = records.map(recordKind);
    for (const k of [
      'mobileOriginatedCall',
      'mobileTerminatedCall',
      'supplServiceEvent',
      'serviceCentreUsage',
      'gprsCall',
      'contentTransaction',
      'locationService',
    ]) {
      expect(kinds).toContain(k);
    }
    expect(kinds.includes('valueAddedService')).toBe(module === 'TAP-3.10');
    expect(kinds.includes('messagingEvent')).toBe(module === 'TAP-3.12');
    expect(kinds.includes('mobileSession')).toBe(module === 'TAP-3.12');
  });

  it('decodes a notification', () => {
    const release = Number(module.split('.')[1]);
    const {
      sender,
      recipient,
      fileSequenceNumber,
      fileAvailableTimeStamp,
      specificationVersionNumber,
      releaseVersionNumber,
    } = batchControlInfo(release);
    const notification: Struct = {
      sender: sender!,
      recipient: recipient!,
      fileSequenceNumber: fileSequenceNumber!,
      fileCreationTimeStamp: dateTimeLong('20240301000000'),
      fileAvailableTimeStamp: fileAvailableTimeStamp!,
      transferCutOffTimeStamp: dateTimeLong('20240301000000'),
      specificationVersionNumber: specificationVersionNumber!,
      releaseVersionNumber: releaseVersionNumber!,
    };
    const out = decodeBytes(encodeFile(module, { notification }, { indefinite: true }), {
      file: 'x',
    });
    expect(out.header).toEqual({
      type: 'header',
      kind: 'tap-notification',
      module,
      groups: notification,
    });
    expect(out.records).toEqual([]);
    expect(out.trailer.groups).toEqual({});
  });
});

describe('RAP 1.05', () => {
  function returnBatch(tapModule: ModuleName, seed: number): { file: Struct; details: Struct[] } {
    const rap = compiledModule('RAP-1.05', tapModule);
    const gen = new Arbitrary(seededRandom(seed));
    const details = rap
      .type('ReturnDetail')
      .fields.map((alt) => ({ [alt.name]: gen.value(alt.type) }));
    const release = Number(tapModule.split('.')[1]);
    const file = {
      returnBatch: {
        rapBatchControlInfoRap: {
          sender: 'GBRCN',
          recipient: 'DEUD1',
          rapFileSequenceNumber: '00007',
          rapFileCreationTimeStamp: dateTimeLong('20240302090000'),
          rapFileAvailableTimeStamp: dateTimeLong('20240302090500'),
          specificationVersionNumber: 3,
          releaseVersionNumber: release,
          rapSpecificationVersionNumber: 1,
          rapReleaseVersionNumber: 5,
        },
        returnDetails: details,
        rapAuditControlInfo: { totalSevereReturnValue: 1234, returnDetailsCount: details.length },
      },
    };
    return { file, details };
  }

  it.each(TAP)('decodes every ReturnDetail kind returning %s', (tapModule) => {
    const { file, details } = returnBatch(tapModule, 11);
    expect(details.map(recordKind)).toEqual([
      'stopReturn',
      'missingReturn',
      'fatalReturn',
      'severeReturn',
    ]);
    for (const indefinite of [false, true]) {
      const out = decodeBytes(encodeFile('RAP-1.05', file, { indefinite }), { file: 'x' });
      expect(out.header).toMatchObject({ kind: 'rap-return-batch', module: 'RAP-1.05', tapModule });
      expect(out.records).toEqual(details);
      expect(out.trailer.groups).toEqual({
        rapAuditControlInfo: { totalSevereReturnValue: 1234, returnDetailsCount: 4 },
      });
    }
  });

  it('decodes a severe return holding a 3.10-only call event with the TAP 3.10 types', () => {
    const tap10 = compiledModule('TAP-3.10');
    const vas = {
      valueAddedService: new Arbitrary(seededRandom(3)).value(tap10.type('ValueAddedService')),
    };
    const { file } = returnBatch('TAP-3.10', 5);
    const batch = file.returnBatch as Struct;
    batch.returnDetails = [
      {
        severeReturn: {
          fileSequenceNumber: '00001',
          callEventDetail: vas,
          errorDetail: [{ errorCode: 32 }],
        },
      },
    ];
    const out = decodeBytes(encodeFile('RAP-1.05', file), { file: 'x' });
    expect(out.records).toEqual(batch.returnDetails);
  });

  it('decodes an acknowledgement', () => {
    const ack: Struct = {
      sender: 'GBRCN',
      recipient: 'DEUD1',
      rapFileSequenceNumber: '00007',
      ackFileCreationTimeStamp: dateTimeLong('20240303000000'),
      ackFileAvailableTimeStamp: dateTimeLong('20240303000100'),
      fileTypeIndicator: 'T',
    };
    const out = decodeBytes(
      encodeFile('RAP-1.05', { acknowledgement: ack }, { indefinite: true }),
      { file: 'x' },
    );
    expect(out.header).toEqual({
      type: 'header',
      kind: 'rap-acknowledgement',
      module: 'RAP-1.05',
      groups: ack,
    });
    expect(out.records).toEqual([]);
  });
});

describe('NRTRDE 2.01', () => {
  it('decodes hand-built MOC, MTC and GPRS events', () => {
    const bytes = ind(
      '61', // Nrtrde 1
      def('5f29', '02'), // SpecificationVersionNumber 41
      def('5f25', '01'), // ReleaseVersionNumber 37
      def('5f26', ascii('DEUD1')), // Sender 38
      def('5f24', ascii('GBRCN')), // Recipient 36
      def('5f27', ascii('0000001')), // SequenceNumber 39
      ind(
        '62', // CallEventList 2
        def(
          '63',
          def('5f22', '23 41 50 12 34 56 78 f9'),
          def('53', '01 2c'),
          def('7f2e', def('5f2b', ascii('11'))),
          def('59', '00 ff'),
        ), // Moc 3: Imsi 34, CallEventDuration 19, ServiceCode 46 (explicit) → TeleServiceCode 43, ChargeAmount 25
        def('64', def('5f22', '23 41 50 98 76 54 32 1f'), def('56', ascii('4930123'))), // Mtc 4: CallingNumber 22
        ind('65', def('5c', '01 00 00 00 00'), def('5d', '7f'), def('50', ascii('internet'))), // Gprs 5: volumes 28/29, APN NI 16
      ),
      def('54', '03'), // CallEventsCount 20
    );
    const out = decodeBytes(bytes, { file: 'NRDEUD1GBRCN0000001' });
    expect(out.header).toEqual({
      type: 'header',
      kind: 'nrtrde',
      module: 'NRTRDE-2.01',
      groups: {
        specificationVersionNumber: 2,
        releaseVersionNumber: 1,
        sender: 'DEUD1',
        recipient: 'GBRCN',
        sequenceNumber: '0000001',
      },
    });
    expect(out.records).toEqual([
      {
        moc: {
          imsi: '234150123456789',
          callEventDuration: 300,
          serviceCode: { teleServiceCode: '11' },
          chargeAmount: 255,
        },
      },
      { mtc: { imsi: '234150987654321', callingNumber: '4930123' } },
      {
        gprs: {
          dataVolumeIncoming: 2 ** 32,
          dataVolumeOutgoing: 127,
          accessPointNameNI: 'internet',
        },
      },
    ]);
    expect(out.trailer.groups).toEqual({ callEventsCount: 3 });
    const value = { ...out.header.groups, callEvents: out.records, ...out.trailer.groups };
    const again = decodeBytes(encodeFile('NRTRDE-2.01', { nrtrde: value }), { file: 'x' });
    expect(again.records).toEqual(out.records);
    expect(again.header.groups).toEqual(out.header.groups);
  });
});
