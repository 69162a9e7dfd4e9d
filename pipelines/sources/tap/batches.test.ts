import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeFile, encodeFile } from '../../asn1/index.ts';
import type { DecodeItem } from '../../asn1/types.ts';
import { mixedRecord, transferBatch } from '../../asn1/fixtures/samples.ts';
import type { ColumnBatch } from '../../columns/column-batch.ts';
import { tapBatches } from './batches.ts';
import { validateTapFile } from './validate.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'roam-tap-batches-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rows = (batch: ColumnBatch, table: string): number => batch[table]?.rows ?? 0;

describe('TAP batches', () => {
  it('carry a record’s findings in that record’s batch, the audit’s in the last', async () => {
    // Ten realistic records: the MOCs have causeForTerm 0 and, like the GPRS ones, a tax code the
    // header has no Taxation table for; the audit's TotalCharge is 0 against their charges.
    const records = Array.from({ length: 10 }, (_, i) => mixedRecord(i));
    const file = path.join(dir, 'CDDEUD1GBRCN00001');
    writeFileSync(file, encodeFile('TAP-3.12', transferBatch('TAP-3.12', records)));
    const batches: ColumnBatch[] = [];
    for await (const batch of tapBatches(file, 2)) batches.push(batch);
    const expected: DecodeItem[] = [];
    for await (const item of decodeFile(file)) expected.push(item);
    const findings = validateTapFile('f', expected);
    const ofRecords = (from: number, to: number): number =>
      findings.filter((f) => f.recordIndex !== null && f.recordIndex >= from && f.recordIndex < to)
        .length;

    const [first] = batches;
    expect(rows(first!, 'raw.tap_events')).toBe(2);
    // Records 0 and 1 are MOCs: their findings are in the first batch already.
    expect(ofRecords(0, 2)).toBe(4);
    expect(rows(first!, 'raw.tap_validation')).toBe(ofRecords(0, 2));
    const last = batches.at(-1)!;
    expect(rows(last, 'raw.tap_audit')).toBe(1);
    // The last batch holds no record (10 records in batches of 2) and the audit's findings only.
    expect(rows(last, 'raw.tap_events')).toBe(0);
    const ofFile = findings.filter((f) => f.recordIndex === null);
    expect(ofFile.map((f) => f.rule)).toContain('TAP-AUDIT-TOTAL-CHARGE');
    expect(rows(last, 'raw.tap_validation')).toBe(ofFile.length);
    // Each batch of two records carries those records' findings.
    expect(batches.slice(0, 5).map((b) => rows(b, 'raw.tap_validation'))).toEqual(
      [0, 2, 4, 6, 8].map((from) => ofRecords(from, from + 2)),
    );
  });
});
