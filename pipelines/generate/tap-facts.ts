/** What the TAP writer planted, as it happened (files, sequence numbers, amounts). */
import { DAY } from './calendar.ts';
import type { Month } from './calendar.ts';
import type { Expectations } from './expect.ts';
import type { Story } from './manifest.ts';
import { homeImsi } from './subscribers.ts';
import type { FileTimes } from './tap-header.ts';
import type { TapEvent } from './tap-events.ts';
import type { TapLedger } from './tap-ledger.ts';
import type { Partner } from './world.ts';

const iso = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z');

export function newTapFacts() {
  const late: { file: string; cutOffUtc: string; availableUtc: string; delayDays: number }[] = [];
  const facts = {
    late,
    lateFile(file: string, times: FileTimes, periodEnd: number) {
      late.push({
        file,
        cutOffUtc: iso(times.cutOff),
        availableUtc: iso(times.available),
        delayDays: Math.floor((times.available - periodEnd) / DAY),
      });
    },
    gap: null as { partner: Partner; month: Month; before: string; missing: string } | null,
    duplicateCaptured: false,
    duplicate: null as { first: string; second: string; partner: Partner; event: TapEvent } | null,
    duplicateSent(first: string, second: string, partner: Partner, event: TapEvent) {
      facts.duplicate = { first, second, partner, event };
    },
    auditMismatch: null as {
      partner: Partner;
      month: Month;
      file: string;
      stated: number;
      records: number;
    } | null,
  };
  return facts;
}

export type TapFacts = ReturnType<typeof newTapFacts>;

/** tap_timeliness of one side and month: events later than the limit in force. */
export function timelinessRow(
  expect: Expectations,
  ledger: TapLedger,
  partner: string,
  direction: 'outbound' | 'inbound',
  month: string,
) {
  const t = ledger.find(partner, direction, month);
  const limit = expect.threshold('tap_timeliness', partner, direction, month);
  const events = t?.events ?? 0;
  return expect.row('tap_timeliness', partner, direction, month, {
    numerator: limit === null ? 0 : (t?.lateOver[String(limit)] ?? 0),
    denominator: events,
    value: null,
    sampleSize: events,
  });
}

export function tapStories(
  facts: TapFacts,
  plan: { lateTap: { partner: Partner; month: Month; delayDays: number } },
  expect: Expectations,
  ledger: TapLedger,
): Story[] {
  const late = plan.lateTap;
  const stories: Story[] = [
    {
      story: 'late-tap-files',
      description:
        'TAP files made available long after their events (a billing backlog released at once)',
      partner: late.partner.tadig,
      month: late.month.key,
      files: facts.late,
      expected: [timelinessRow(expect, ledger, late.partner.tadig, 'outbound', late.month.key)],
    },
  ];
  if (facts.gap !== null) {
    const g = facts.gap;
    const t = ledger.find(g.partner.tadig, 'outbound', g.month.key);
    const seqs = (t?.sequences ?? []).map(Number);
    const expected = seqs.length === 0 ? 0 : Math.max(...seqs) - Math.min(...seqs) + 1;
    stories.push({
      story: 'sequence-gap',
      description:
        'A FileSequenceNumber never sent: the next file skips it (we return it as missing in RAP). expected: FileSequenceNumbers received against first-to-last of the month (files by UTC month of their TransferCutOffTimeStamp)',
      partner: g.partner.tadig,
      month: g.month.key,
      fileBeforeGap: g.before,
      missingSequence: g.missing,
      expected: [
        expect.row('tap_sequence_completeness', g.partner.tadig, 'outbound', g.month.key, {
          numerator: seqs.length,
          denominator: expected,
          value: null,
          sampleSize: expected,
        }),
      ],
    });
  }
  if (facts.duplicate !== null) {
    const d = facts.duplicate;
    stories.push({
      story: 'duplicate-record',
      description:
        'One call event sent in two TAP files (we return the second as a severe error in RAP)',
      partner: d.partner.tadig,
      firstFile: d.first,
      secondFile: d.second,
      imsi: homeImsi(d.partner, d.event.sub),
      eventType: d.event.kind,
      startUtc: iso(d.event.t),
      charge: d.event.charge,
    });
  }
  if (facts.auditMismatch !== null) {
    const a = facts.auditMismatch;
    const t = ledger.find(a.partner.tadig, 'outbound', a.month.key);
    const batches = t?.batches ?? 0;
    const files = batches + (t?.notifications ?? 0);
    stories.push({
      story: 'audit-total-mismatch',
      description:
        "AuditControlInfo TotalCharge differs from the records' charge-type 00 sum (a fatal error: we return the file in RAP). expected: per month of the partner's files (by TransferCutOffTimeStamp, UTC): the fatal return rate out of all its TAP files (notifications included), audit consistency out of its transfer batches",
      partner: a.partner.tadig,
      month: a.month.key,
      file: a.file,
      statedTotalCharge: a.stated,
      recordsTotalCharge: a.records,
      tapDecimalPlaces: a.partner.tapDecimalPlaces,
      currency: a.partner.tapCurrency,
      expected: [
        expect.row('rap_fatal_return_rate', a.partner.tadig, 'outbound', a.month.key, {
          numerator: 1,
          denominator: files,
          value: null,
          sampleSize: files,
        }),
        expect.row('tap_audit_consistency', a.partner.tadig, 'outbound', a.month.key, {
          numerator: batches - 1,
          denominator: batches,
          value: null,
          sampleSize: batches,
        }),
      ],
    });
  }
  return stories;
}
