import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeFile, encodeFile } from '../../asn1/index.ts';
import type { DecodeItem, Struct } from '../../asn1/types.ts';
import type { Finding } from '../shared/rules.ts';
import { NRTRDE_RULES } from './rules.ts';
import { samplesDir } from '../../lib/paths.ts';
import { allFindings } from '../shared/test-findings.ts';
import { createNrtrdeValidator } from './validate.ts';

/** A valid NRTRDE file's content: one event of each kind. A fresh copy each call. */
function content(): Struct {
  const core = (imsi: string, start: string): Struct => ({
    imsi,
    callEventStartTimeStamp: start,
    utcTimeOffset: '+0100',
    callEventDuration: 60,
  });
  return {
    specificationVersionNumber: 2,
    releaseVersionNumber: 1,
    sender: 'DEUD1',
    recipient: 'GBRCN',
    sequenceNumber: '0000123',
    fileAvailableTimeStamp: '20240302030000',
    utcTimeOffset: '+0100',
    callEvents: [
      { moc: { ...core('262011234567890', '20240302010000'), chargeAmount: 10 } },
      { mtc: { ...core('262011234567891', '20240302011000'), callingNumber: '4930123' } },
      { gprs: { ...core('262011234567892', '20240302012000'), dataVolumeIncoming: 100 } },
    ],
    callEventsCount: 3,
  };
}

/** The content as the decoder yields it. */
function items(c: Struct): DecodeItem[] {
  const { callEvents, callEventsCount, ...groups } = c;
  return [
    { type: 'header', kind: 'nrtrde', module: 'NRTRDE-2.01', groups },
    ...((callEvents ?? []) as Struct[]).map((value, index): DecodeItem => ({
      type: 'record',
      index,
      offset: 0,
      value,
    })),
    { type: 'trailer', groups: callEventsCount === undefined ? {} : { callEventsCount } },
  ];
}

/** Every finding of a decoded NRTRDE file, in file order. */
const validate = (items: Iterable<DecodeItem>): Finding[] =>
  allFindings(items, (header) => createNrtrdeValidator('NRDEUD1GBRCN0000123', header));

const ids = (f: Finding[]): string[] => [...new Set(f.map((x) => x.rule))].sort();
const run = (c: Struct): Finding[] => validate(items(c));
/** The body of the nth event. */
const event = (c: Struct, n: number): Struct =>
  Object.values((c.callEvents as Struct[])[n]!)[0] as Struct;

/** Rule, the fault that triggers it, and rules the same fault rightly triggers too. */
const cases: [rule: string, mutate: (c: Struct) => void, also?: string[]][] = [
  ['NRTRDE-HEADER-ITEM-MISSING', (c) => delete c.sequenceNumber],
  ['NRTRDE-HEADER-TIMESTAMP', (c) => (c.fileAvailableTimeStamp = '20240302250000')],
  ['NRTRDE-EVENT-ITEM-MISSING', (c) => delete event(c, 1).imsi],
  ['NRTRDE-EVENT-TIMESTAMP', (c) => (event(c, 2).utcTimeOffset = '0100')],
  ['NRTRDE-COUNT-MISSING', (c) => delete c.callEventsCount],
  ['NRTRDE-COUNT', (c) => (c.callEventsCount = 4)],
];

describe('NRTRDE 2.01 validation', () => {
  it('finds nothing in a valid file', () => {
    expect(run(content())).toEqual([]);
  });

  it.each(cases)('%s fires on its fault, and only it', (rule, mutate, also = []) => {
    const c = content();
    mutate(c);
    expect(ids(run(c))).toEqual([rule, ...also].sort());
  });

  it('covers every NRTRDE rule of the table in these tests', () => {
    const tested = new Set(cases.map(([rule]) => rule));
    expect(NRTRDE_RULES.map((r) => r.id).filter((id) => !tested.has(id))).toEqual([]);
    expect(NRTRDE_RULES.every((r) => r.id.startsWith('NRTRDE-'))).toBe(true);
  });

  it('gives event findings their record index and severity', () => {
    const c = content();
    event(c, 1).callEventStartTimeStamp = '2024030201';
    expect(run(c)).toEqual([
      {
        file: 'NRDEUD1GBRCN0000123',
        recordIndex: 1,
        itemPath: 'mtc/callEventStartTimeStamp',
        rule: 'NRTRDE-EVENT-TIMESTAMP',
        severity: 'severe',
        message: "'2024030201' is not a CCYYMMDDhhmmss date and time",
      },
    ]);
  });

  it('checks the count of a file without events, decoded from its bytes', () => {
    const c = content();
    delete c.callEvents;
    const file = decodeBytes(encodeFile('NRTRDE-2.01', c), { file: 'nr' });
    expect(file.header.groups.callEventsCount).toBe(3);
    expect(validate([file.header, file.trailer]).map((f) => [f.rule, f.message])).toEqual([
      ['NRTRDE-COUNT', 'count 3 but the file has 0 events'],
    ]);
    c.callEventsCount = 0;
    expect(validate(items(c))).toEqual([]);
  });

  it('finds nothing in the shipped sample', async () => {
    const dir = path.join(samplesDir, 'nrtrde');
    const names = readdirSync(dir);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const all: DecodeItem[] = [];
      for await (const item of decodeFile(path.join(dir, name))) all.push(item);
      expect(validate(all), name).toEqual([]);
    }
  });
});
