import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeFile, encodeFile } from '../../asn1/index.ts';
import type { DecodeItem, Struct } from '../../asn1/types.ts';
import type { Finding } from '../shared/rules.ts';
import { RAP_RULES } from './rules.ts';
import { samplesDir } from '../../lib/paths.ts';
import { allFindings } from '../shared/test-findings.ts';
import { dtl } from '../tap/test-fixtures.ts';
import { createRapValidator } from './validate.ts';
import { rapItems, rapReturnBatch } from './test-fixtures.ts';

/** Every finding of a decoded RAP file, in file order. */
const validate = (items: Iterable<DecodeItem>): Finding[] =>
  allFindings(items, (header) => createRapValidator('RCGBRCNDEUD100007', header));

const ids = (f: Finding[]): string[] => [...new Set(f.map((x) => x.rule))].sort();
const run = (batch: Struct): Finding[] => validate(rapItems(batch));

const bci = (b: Struct): Struct => b.rapBatchControlInfoRap as Struct;
const audit = (b: Struct): Struct => b.rapAuditControlInfo as Struct;
/** The body of the nth return detail. */
const detail = (b: Struct, n: number): Struct =>
  Object.values((b.returnDetails as Struct[])[n]!)[0] as Struct;

/** Rule, the fault that triggers it, and rules the same fault rightly triggers too. */
const cases: [rule: string, mutate: (b: Struct) => void, also?: string[]][] = [
  ['RAP-BATCH-CONTROL-MISSING', (b) => delete b.rapBatchControlInfoRap],
  ['RAP-BATCH-CONTROL-ITEM-MISSING', (b) => delete bci(b).rapReleaseVersionNumber],
  ['RAP-HEADER-TIMESTAMP', (b) => (bci(b).rapFileCreationTimeStamp = dtl('20240230100000'))],
  ['RAP-RETURN-ITEM-MISSING', (b) => delete detail(b, 0).lastSeqNumber],
  ['RAP-ERROR-CODE-MISSING', (b) => delete (detail(b, 3).errorDetail as Struct[])[1]!.errorCode],
  [
    'RAP-RETURN-DETAILS-MISSING',
    (b) => delete b.returnDetails,
    ['RAP-AUDIT-COUNT', 'RAP-AUDIT-SEVERE-VALUE'],
  ],
  ['RAP-AUDIT-MISSING', (b) => delete b.rapAuditControlInfo],
  ['RAP-AUDIT-ITEM-MISSING', (b) => delete audit(b).returnDetailsCount],
  ['RAP-AUDIT-COUNT', (b) => (audit(b).returnDetailsCount = 3)],
  ['RAP-AUDIT-SEVERE-VALUE', (b) => (audit(b).totalSevereReturnValue = 1499)],
  ['RAP-AUDIT-SEVERE-TAX', (b) => (audit(b).totalSevereReturnTax = 20)],
];

describe('RAP 1.05 validation', () => {
  it('finds nothing in a valid return batch', () => {
    expect(run(rapReturnBatch())).toEqual([]);
  });

  it.each(cases)('%s fires on its fault, and only it', (rule, mutate, also = []) => {
    const b = rapReturnBatch();
    mutate(b);
    expect(ids(run(b))).toEqual([rule, ...also].sort());
  });

  it('covers every RAP rule of the table in these tests', () => {
    const tested = new Set([...cases.map(([rule]) => rule)]);
    expect(RAP_RULES.map((r) => r.id).filter((id) => !tested.has(id))).toEqual([]);
    expect(RAP_RULES.every((r) => r.id.startsWith('RAP-') && r.severity === 'fatal')).toBe(true);
  });

  it('checks each return kind and a FatalReturn without its error group', () => {
    const b = rapReturnBatch();
    delete detail(b, 1).startMissingSeqNumber;
    delete detail(b, 2).batchControlError;
    delete detail(b, 3).callEventDetail;
    audit(b).totalSevereReturnValue = 0;
    expect(run(b).map((f) => [f.recordIndex, f.itemPath, f.message])).toEqual([
      [1, 'missingReturn/startMissingSeqNumber', 'mandatory item startMissingSeqNumber is missing'],
      [2, 'fatalReturn', 'no error group says what failed'],
      [3, 'severeReturn/callEventDetail', 'mandatory item callEventDetail is missing'],
    ]);
  });

  it('reports a ReturnBatch without returnDetails, decoded from its bytes, as fatal, audit read', () => {
    const b = rapReturnBatch();
    delete b.returnDetails;
    audit(b).totalSevereReturnValue = 0;
    const file = decodeBytes(encodeFile('RAP-1.05', { returnBatch: b }), { file: 'rap' });
    expect(file.header.groups.rapAuditControlInfo).toBeDefined();
    expect(
      validate([file.header, file.trailer]).map((f) => [f.rule, f.severity, f.message]),
    ).toEqual([
      ['RAP-RETURN-DETAILS-MISSING', 'fatal', 'the ReturnBatch has no return details'],
      ['RAP-AUDIT-COUNT', 'fatal', 'count 4 but the file has 0 return details'],
    ]);
  });

  it('reports a ReturnBatch with neither returnDetails nor rapAuditControlInfo', () => {
    const b = rapReturnBatch();
    delete b.returnDetails;
    delete b.rapAuditControlInfo;
    const file = decodeBytes(encodeFile('RAP-1.05', { returnBatch: b }), { file: 'rap' });
    expect(ids(validate([file.header, file.trailer]))).toEqual([
      'RAP-AUDIT-MISSING',
      'RAP-RETURN-DETAILS-MISSING',
    ]);
  });

  it('checks an acknowledgement for its own mandatory items only', () => {
    const groups: Struct = {
      sender: 'DEUD1',
      recipient: 'GBRCN',
      rapFileSequenceNumber: '00007',
      ackFileCreationTimeStamp: dtl('20240306090000'),
      ackFileAvailableTimeStamp: dtl('20240306091500'),
    };
    const ack = (g: Struct): DecodeItem[] => [
      { type: 'header', kind: 'rap-acknowledgement', module: 'RAP-1.05', groups: g },
      { type: 'trailer', groups: {} },
    ];
    expect(validate(ack(groups))).toEqual([]);
    delete groups.ackFileAvailableTimeStamp;
    expect(validate(ack(groups)).map((f) => f.itemPath)).toEqual([
      'acknowledgement/ackFileAvailableTimeStamp',
    ]);
  });

  it('finds nothing in the shipped sample', async () => {
    const dir = path.join(samplesDir, 'rap');
    const names = readdirSync(dir);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const items: DecodeItem[] = [];
      for await (const item of decodeFile(path.join(dir, name))) items.push(item);
      expect(validate(items), name).toEqual([]);
    }
  });
});
