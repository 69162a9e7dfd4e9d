/** What each planted story put in the data, for manifest.json: partner, month, numbers. */
import type { Story } from './manifest.ts';
import type { GenerateOptions } from './options.ts';
import { targetOn, type SlaRow } from './reference.ts';
import type { StoryPlan } from './stories.ts';
import { homeImsi } from './subscribers.ts';
import type { XdrOutput } from './xdr-files.ts';
import { silentEvents, stormEvents } from './xdr-stories.ts';
import type { Partner } from './world.ts';

const ratio = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10000) / 10000);

export function xdrStories(
  o: GenerateOptions,
  partners: readonly Partner[],
  plan: StoryPlan,
  sla: readonly SlaRow[],
  xdr: XdrOutput,
): Story[] {
  const pdp = plan.pdpDrop;
  const storm = plan.saiStorm;
  const stormRows = stormEvents(o, partners, plan);
  const normalDays = xdr.saiPerDay.filter((_, i) => i !== storm.day - 1);
  const silent = silentEvents(o, partners, plan);
  const silentImsis = [...new Set(silent.map((e) => homeImsi(plan.silentRoamers.partner, e.sub)))];
  return [
    {
      story: 'pdp-success-drop',
      description:
        'GTPv1 CreatePDPContext success of our roamers (outbound) in this partner drops below its target in one month (no resources, APN congestion, system failure)',
      partner: pdp.partner.tadig,
      month: pdp.month.key,
      kpi: 'gtpv1_pdp_success',
      target: targetOn(sla, pdp.partner.tadig, 'gtpv1_pdp_success', pdp.month.key) ?? null,
      attempts: xdr.pdp.attempts,
      successes: xdr.pdp.attempts - xdr.pdp.failures,
      successRatio: ratio(xdr.pdp.attempts - xdr.pdp.failures, xdr.pdp.attempts),
    },
    {
      story: 'sai-storm',
      description:
        'A storm of SendAuthenticationInfo requests from the partner (outbound: its VLRs asking our HLR) within three hours of one day, from a few devices, with system failures and TCAP aborts',
      partner: storm.partner.tadig,
      date: `${storm.month.key}-${String(storm.day).padStart(2, '0')}`,
      fromHourUtc: storm.hour,
      hours: 3,
      stormRows: stormRows.length,
      devices: new Set(stormRows.map((e) => e.sub)).size,
      saiRowsThatDay: xdr.saiPerDay[storm.day - 1] ?? 0,
      saiRowsOtherDaysMax: Math.max(0, ...normalDays),
    },
    {
      story: 'silent-roamers',
      description:
        'Our subscribers registered in the partner network (successful UpdateLocation or ULR) who have no billed usage in any TAP file from the partner',
      partner: plan.silentRoamers.partner.tadig,
      month: plan.silentRoamers.month.key,
      registrations: silent.length,
      imsis: silentImsis,
    },
  ];
}
