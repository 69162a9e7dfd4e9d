/** What the TAP writer planted, as it happened (files, sequence numbers, amounts). */
import { DAY } from './calendar.ts';
import type { Month } from './calendar.ts';
import type { Story } from './manifest.ts';
import { homeImsi } from './subscribers.ts';
import type { FileTimes } from './tap-header.ts';
import type { TapEvent } from './tap-events.ts';
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

export function tapStories(
  facts: TapFacts,
  plan: { lateTap: { partner: Partner; month: Month; delayDays: number } },
): Story[] {
  const stories: Story[] = [
    {
      story: 'late-tap-files',
      description:
        'TAP files made available long after their events (a billing backlog released at once)',
      partner: plan.lateTap.partner.tadig,
      month: plan.lateTap.month.key,
      files: facts.late,
    },
  ];
  if (facts.gap !== null)
    stories.push({
      story: 'sequence-gap',
      description:
        'A FileSequenceNumber never sent: the next file skips it (we return it as missing in RAP)',
      partner: facts.gap.partner.tadig,
      month: facts.gap.month.key,
      fileBeforeGap: facts.gap.before,
      missingSequence: facts.gap.missing,
    });
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
    stories.push({
      story: 'audit-total-mismatch',
      description:
        "AuditControlInfo TotalCharge differs from the records' charge-type 00 sum (a fatal error: we return the file in RAP)",
      partner: a.partner.tadig,
      month: a.month.key,
      file: a.file,
      statedTotalCharge: a.stated,
      recordsTotalCharge: a.records,
      tapDecimalPlaces: a.partner.tapDecimalPlaces,
      currency: a.partner.tapCurrency,
    });
  }
  return stories;
}
