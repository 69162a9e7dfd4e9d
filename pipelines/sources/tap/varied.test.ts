/**
 * A varied 3.12 file (test-varied.ts: every call event kind, CAMEL fees, refunds, faulty records)
 * encoded, decoded, then normalised and validated through the public API; expectations are
 * computed from the input values, independently of the normaliser's path tables.
 */
import { describe, expect, it } from 'vitest';
import { decodeStream, encodeFile } from '../../asn1/index.ts';
import type { DecodeItem, Struct, Value } from '../../asn1/types.ts';
import { createTapNormaliser, normaliseTapFile, type TapChargeRow } from './normalise.ts';
import { dtl, tapHeader } from './test-fixtures.ts';
import { variedRecord } from './test-varied.ts';
import { createValidator, validateTapFile } from './validate.ts';

const COUNT = 210;
const inputs = Array.from({ length: COUNT }, (_, i) => variedRecord(i));

async function decoded(): Promise<DecodeItem[]> {
  const audit = {
    earliestCallTimeStamp: dtl('20240301000000'),
    totalCharge: 0,
    totalTaxValue: 0,
    totalDiscountValue: 0,
    callEventDetailsCount: COUNT,
  };
  const bytes = encodeFile('TAP-3.12', {
    transferBatch: { ...tapHeader().groups, callEventDetails: inputs, auditControlInfo: audit },
  });
  const items: DecodeItem[] = [];
  for await (const item of decodeStream([bytes], { file: 'varied' })) items.push(item);
  return items;
}

const struct = (v: Value | undefined): Struct => v as Struct;
const list = (v: Value | undefined): Struct[] => (v ?? []) as Struct[];
const big = (v: Value | undefined): bigint => BigInt(v as number | bigint);

/** `20240301101500` with offset `+0100` → local and UTC ISO text, by Date arithmetic. */
function times(local: string, offset: string | undefined): { local: string; utc: string | null } {
  const n = (a: number, b: number): number => Number(local.slice(a, b));
  const iso = `${local.slice(0, 4)}-${local.slice(4, 6)}-${local.slice(6, 8)}T${local.slice(8, 10)}:${local.slice(10, 12)}:${local.slice(12, 14)}`;
  if (offset === undefined) return { local: iso, utc: null };
  const minutes =
    (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3)));
  const ms =
    Date.UTC(n(0, 4), n(4, 6) - 1, n(6, 8), n(8, 10), n(10, 12), n(12, 14)) - minutes * 60_000;
  return { local: iso, utc: new Date(ms).toISOString().replace('.000Z', 'Z') };
}

const OFFSETS: Record<number, string> = { 0: '+0100', 1: '-0530' };

/** The charge rows a MOC / MTC input must give, in file order. */
function callCharges(kind: string, body: Struct, index: number): Partial<TapChargeRow>[] {
  const rows: Partial<TapChargeRow>[] = [];
  let block = 0;
  list(body.basicServiceUsedList).forEach((used, u) => {
    list(used.chargeInformationList).forEach((info, c) => {
      const base = `${kind}/basicServiceUsedList[${u}]/chargeInformationList[${c}]`;
      list(info.chargeDetailList).forEach((d, j) => {
        rows.push({
          recordIndex: index,
          chargeInformationIndex: block,
          itemPath: `${base}/chargeDetailList[${j}]`,
          chargeType: d.chargeType as string,
          charge: big(d.charge),
          invoiceable: d.chargeType === '00',
          refund: false,
          exchangeRateCode: info.exchangeRateCode as number,
          exchangeRate: info.exchangeRateCode === 1 ? 116203n : null,
        });
      });
      block++;
    });
  });
  const camel = body.camelServiceUsed as Struct | undefined;
  if (camel !== undefined) {
    rows.push({
      chargeInformationIndex: block,
      itemPath: `${kind}/camelServiceUsed/camelInvocationFee`,
      source: 'camel-invocation-fee',
      charge: big(camel.camelInvocationFee),
      invoiceable: true,
    });
  }
  return rows;
}

describe('a varied TAP 3.12 file', () => {
  it('normalises every record as its input says, streaming and whole-file alike', async () => {
    const items = await decoded();
    const whole = normaliseTapFile('varied', items);
    expect(whole?.events).toHaveLength(COUNT);
    const header = items[0] as Extract<DecodeItem, { type: 'header' }>;
    const streaming = createTapNormaliser('varied', header);
    const records = items.filter((i) => i.type === 'record');
    const streamed = records.map((r) => streaming.record(r));
    expect(streamed.map((r) => r.event)).toEqual(whole?.events);
    expect(streamed.flatMap((r) => r.charges)).toEqual(whole?.charges);

    inputs.forEach((input, i) => {
      const [kind, value] = Object.entries(input)[0] as [string, Value];
      const body = struct(value);
      const rows = streamed[i];
      expect(rows?.event.recordKind).toBe(kind);
      if (kind !== 'mobileOriginatedCall' && kind !== 'mobileTerminatedCall') return;
      const basic = struct(body.basicCallInformation);
      const start = struct(basic.callEventStartTimeStamp);
      const local = start.localTimeStamp as string;
      const t = times(local, OFFSETS[start.utcTimeOffsetCode as number]);
      const valid = local !== '20240230120000';
      const service = struct(struct(list(body.basicServiceUsedList)[0]?.basicService).serviceCode);
      const charges = callCharges(kind, body, i);
      const total = charges
        .filter((c) => c.invoiceable === true)
        .reduce((sum, c) => sum + (c.charge ?? 0n), 0n);
      expect(rows?.event).toMatchObject({
        recordIndex: i,
        eventType:
          kind === 'mobileOriginatedCall'
            ? service.teleServiceCode === '22'
              ? 'sms-mo'
              : 'moc'
            : 'mtc',
        imsi: struct(struct(basic.chargeableSubscriber).simChargeableSubscriber).imsi,
        startLocal: valid ? t.local : null,
        startUtc: valid ? t.utc : null,
        durationSeconds: basic.totalCallEventDuration,
        teleServiceCode: service.teleServiceCode ?? null,
        bearerServiceCode: service.bearerServiceCode ?? null,
        recEntityCode: struct(struct(body.locationInformation).networkLocation).recEntityCode,
        totalCharge: total,
      });
      if (valid && t.utc !== null) {
        const end = new Date(Date.parse(t.utc) + (basic.totalCallEventDuration as number) * 1000);
        expect(rows?.event.endUtc).toBe(end.toISOString().replace('.000Z', 'Z'));
      }
      expect(rows?.charges).toHaveLength(charges.length);
      charges.forEach((c, k) => expect(rows?.charges[k]).toMatchObject(c));
    });
  });

  it('flags exactly the faults the inputs carry, streaming and whole-file alike', async () => {
    const items = await decoded();
    const whole = validateTapFile('varied', items);
    const validator = createValidator(
      'varied',
      items[0] as Extract<DecodeItem, { type: 'header' }>,
    );
    const streamed = items.filter((i) => i.type === 'record').flatMap((r) => validator.record(r));
    expect(streamed).toEqual(whole.filter((f) => f.recordIndex !== null));

    inputs.forEach((input, i) => {
      const [kind, value] = Object.entries(input)[0] as [string, Value];
      const rules = new Set(streamed.filter((f) => f.recordIndex === i).map((f) => f.rule));
      const expected = new Set<string>();
      if (
        JSON.stringify(input, (_k, v: unknown) => (typeof v === 'bigint' ? 0 : v)).includes(
          '20240230',
        )
      )
        expected.add('TAP-RECORD-TIMESTAMP');
      const call = kind === 'mobileOriginatedCall' || kind === 'mobileTerminatedCall';
      if (call && i % 7 === 3) {
        for (const rule of ['UTC-OFFSET-CODE', 'REC-ENTITY', 'EXCHANGE-RATE', 'TAX-CODE'])
          expected.add(`TAP-${rule}-UNKNOWN`);
        expected.add('TAP-CHARGE-TYPE');
        if (i % 2 === 1) expected.add('TAP-NEGATIVE-AMOUNT');
        if (i % 5 === 0) expected.add('TAP-CAUSE-FOR-TERM');
      }
      expect([...rules].sort(), `record ${i} (${kind})`).toEqual([...expected].sort());
      if (rules.has('TAP-NEGATIVE-AMOUNT')) {
        const body = struct(value);
        const used = list(body.basicServiceUsedList)[0];
        const info = list(used?.chargeInformationList)[0];
        const charge = big(list(info?.chargeDetailList)[0]?.charge);
        expect(streamed).toContainEqual(
          expect.objectContaining({
            recordIndex: i,
            rule: 'TAP-NEGATIVE-AMOUNT',
            itemPath: `${kind}/basicServiceUsedList[0]/chargeInformationList[0]/chargeDetailList[0]`,
            message: `charge ${charge} is negative`,
          }),
        );
      }
    });
  });
});
