/**
 * Every generated TAP, RAP and NRTRDE file decodes with the project's decoder; TAP files pass the
 * project's validator except for the planted audit mismatch, which it finds; counts match the
 * manifest.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeFile } from '../asn1/index.ts';
import type { DecodeItem } from '../asn1/types.ts';
import { validateTapFile } from '../sources/tap/validate.ts';
import type { Manifest } from './manifest.ts';
import { smallWorld } from './test-world.ts';

let dir = '';
let manifest: Manifest;
const decoded = new Map<string, DecodeItem[]>();

beforeAll(async () => {
  ({ dir, manifest } = await smallWorld({ seed: '11' }));
  for (const f of manifest.files) {
    if (!['tap', 'rap', 'nrtrde'].includes(f.path.split('/')[0]!)) continue;
    const items: DecodeItem[] = [];
    for await (const item of decodeFile(path.join(dir, f.path))) items.push(item);
    decoded.set(f.path, items);
  }
});

const story = (name: string) => manifest.stories.find((s) => s.story === name);
const records = (items: DecodeItem[]) => items.filter((i) => i.type === 'record').length;
const kindOf = (items: DecodeItem[]) =>
  items.find((i) => i.type === 'header')?.type === 'header'
    ? (items[0] as { kind: string }).kind
    : undefined;

describe('generated TAP, RAP and NRTRDE files', () => {
  it('decode, with the kind and record count the manifest states', () => {
    const coded = manifest.files.filter((f) => decoded.has(f.path));
    expect(coded.length).toBeGreaterThan(100);
    for (const kind of [
      'tap-batch',
      'tap-notification',
      'rap-return-batch',
      'rap-acknowledgement',
      'nrtrde',
    ])
      expect(
        coded.some((f) => f.kind === kind),
        kind,
      ).toBe(true);
    for (const f of coded) {
      const items = decoded.get(f.path)!;
      expect(kindOf(items), f.path).toBe(f.kind);
      expect(records(items), f.path).toBe(f.rows);
      expect(items.at(-1)).toMatchObject({ type: 'end', unknownTags: [] });
    }
  });

  it('file names carry sender, recipient and sequence of the content', () => {
    for (const f of manifest.files.filter(
      (x) => x.kind === 'tap-batch' || x.kind === 'tap-notification',
    )) {
      const header = decoded.get(f.path)![0]!;
      if (header.type !== 'header') throw new Error('no header');
      const bci = (header.groups.batchControlInfo ?? header.groups) as Record<string, unknown>;
      expect(path.basename(f.path)).toBe(
        `CD${String(bci.sender)}${String(bci.recipient)}${String(bci.fileSequenceNumber)}`,
      );
    }
  });

  it('mix TAP 3.12 and 3.11 and every event kind', () => {
    const modules = new Set<string>();
    const kinds = new Set<string>();
    for (const [file, items] of decoded) {
      if (!file.startsWith('tap/')) continue;
      for (const i of items) {
        if (i.type === 'header') modules.add(i.module);
        if (i.type === 'record') kinds.add(Object.keys(i.value)[0]!);
      }
    }
    expect([...modules].sort()).toEqual(['TAP-3.11', 'TAP-3.12']);
    expect([...kinds].sort()).toEqual([
      'gprsCall',
      'mobileOriginatedCall',
      'mobileSession',
      'mobileTerminatedCall',
    ]);
  });

  it('validate without fatal or severe findings, except the planted audit mismatch', () => {
    const planted = story('audit-total-mismatch');
    expect(planted).toBeDefined();
    const serious: string[] = [];
    for (const [file, items] of decoded) {
      if (!file.startsWith('tap/')) continue;
      for (const f of validateTapFile(file, items))
        if (f.severity !== 'warning') serious.push(`${path.basename(file)} ${f.rule}`);
    }
    expect(serious).toEqual([`${String(planted?.file)} TAP-AUDIT-TOTAL-CHARGE`]);
  });

  it('RAP returns the planted faults: missing sequence, fatal audit file, severe duplicate', () => {
    const returned = new Map<string, unknown[]>();
    for (const [file, items] of decoded) {
      if (!file.startsWith('rap/RC')) continue;
      for (const i of items)
        if (i.type === 'record')
          returned.set(`${file}#${i.index}`, [Object.keys(i.value)[0], i.value]);
    }
    const kinds = [...returned.values()].map((v) => v[0]);
    expect(kinds).toContain('missingReturn');
    expect(kinds.filter((k) => k === 'fatalReturn').length).toBe(1);
    expect(kinds).toContain('severeReturn');
    const gap = story('sequence-gap');
    const text = JSON.stringify([...returned.values()].map((v) => v[1]));
    expect(text).toContain(`"startMissingSeqNumber":"${String(gap?.missingSequence)}"`);
  });
});
