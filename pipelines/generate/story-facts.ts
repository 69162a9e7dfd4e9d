/**
 * What each planted probe story put in the data, for manifest.json: partner, month and the KPI
 * rows the marts must show, counted from what the writers wrote (xdr-ledger.ts, tap-ledger.ts).
 */
import type { Month } from './calendar.ts';
import type { Expectations, ExpectedKpi } from './expect.ts';
import type { Story } from './manifest.ts';
import type { GenerateOptions } from './options.ts';
import type { StoryPlan } from './stories.ts';
import { homeImsi } from './subscribers.ts';
import { quantileCont, round } from './stats.ts';
import type { TapLedger } from './tap-ledger.ts';
import type { Direction } from './tap-side.ts';
import type { XdrOutput } from './xdr-files.ts';
import type { XdrLedger } from './xdr-ledger.ts';
import { silentEvents, stormEvents } from './xdr-stories.ts';
import { strangerNetwork, type Partner } from './world.ts';

export interface ProbeFacts {
  o: GenerateOptions;
  partners: readonly Partner[];
  months: readonly Month[];
  plan: StoryPlan;
  expect: Expectations;
  xdr: XdrOutput;
  ledger: XdrLedger;
  tap: TapLedger;
}

/** A success-rate KPI of the catalogue (plain or technical) from the probe tallies. */
export function successRow(
  f: ProbeFacts,
  kpi: string,
  partner: string,
  direction: Direction,
  month: string,
): ExpectedKpi {
  const k = f.expect.kpi(kpi);
  let attempts = 0;
  let successes = 0;
  let excluded = 0;
  for (const proc of k.procedures) {
    const t = f.ledger.tally(month, partner, direction, proc);
    attempts += t?.attempts ?? 0;
    successes += t?.successes ?? 0;
    excluded += (t?.user ?? 0) + (t?.policy ?? 0);
  }
  if (k.measure === 'technical_success_rate') {
    // The sample size of a rate is its attempts, user and policy failures included (as the
    // signalling KPI model counts it against min_sample).
    return f.expect.row(kpi, partner, direction, month, {
      numerator: successes,
      denominator: attempts - excluded,
      excluded,
      value: null,
      sampleSize: attempts,
    });
  }
  return f.expect.row(kpi, partner, direction, month, {
    numerator: successes,
    denominator: attempts,
    excluded: 0,
    value: null,
    sampleSize: attempts,
  });
}

function pdpStory(f: ProbeFacts): Story {
  const pdp = f.plan.pdpDrop;
  const p = pdp.partner.tadig;
  const row = successRow(f, 'gtpv1_pdp_success', p, 'outbound', pdp.month.key);
  return {
    story: 'pdp-success-drop',
    description:
      'GTPv1 CreatePDPContext success of our roamers (outbound) in this partner drops below its target and below the trend band of the months before (no resources, APN congestion, system failure)',
    partner: p,
    month: pdp.month.key,
    kpi: 'gtpv1_pdp_success',
    target: row.target,
    attempts: f.xdr.pdp.attempts,
    successes: f.xdr.pdp.attempts - f.xdr.pdp.failures,
    successRatio: round((f.xdr.pdp.attempts - f.xdr.pdp.failures) / f.xdr.pdp.attempts, 4),
    expected: f.months.flatMap((m) => [
      successRow(f, 'gtpv1_pdp_success', p, 'outbound', m.key),
      successRow(f, 'gtpv1_pdp_success_tech', p, 'outbound', m.key),
    ]),
  };
}

function stormStory(f: ProbeFacts): Story {
  const storm = f.plan.saiStorm;
  const stormRows = stormEvents(f.o, f.partners, f.plan);
  const normalDays = f.xdr.saiPerDay.filter((_, i) => i !== storm.day - 1);
  const first = (storm.day - 1) * 24 + storm.hour;
  const hours = [first, first + 1, first + 2];
  const hourText = (h: number) =>
    new Date(storm.month.start + h * 3_600_000).toISOString().slice(0, 13);
  const others = f.ledger.hourly.filter((_, h) => !hours.includes(h));
  const target = f.expect.row(
    'signalling_storm_hours',
    storm.partner.tadig,
    'outbound',
    storm.month.key,
    {
      value: hours.length,
      sampleSize: f.ledger.hourly.filter((n) => n > 0).length,
    },
  ).target;
  return {
    story: 'sai-storm',
    description:
      'A storm of SendAuthenticationInfo requests from the partner (outbound: its VLRs asking our HLR) within three hours of one day, from a few devices, with system failures and TCAP aborts',
    partner: storm.partner.tadig,
    date: `${storm.month.key}-${String(storm.day).padStart(2, '0')}`,
    fromHourUtc: storm.hour,
    hours: 3,
    stormRows: stormRows.length,
    devices: new Set(stormRows.map((e) => e.sub)).size,
    saiRowsThatDay: f.xdr.saiPerDay[storm.day - 1] ?? 0,
    saiRowsOtherDaysMax: Math.max(0, ...normalDays),
    kpi: 'signalling_storm_hours',
    target,
    stormHours: hours.map((h) => ({ hourUtc: hourText(h), rows: f.ledger.hourly[h] ?? 0 })),
    otherHoursMaxRows: Math.max(0, ...others),
    hoursWithSignalling: f.ledger.hourly.filter((n) => n > 0).length,
  };
}

function silentStory(f: ProbeFacts): Story {
  const s = f.plan.silentRoamers;
  const p = s.partner.tadig;
  const silent = silentEvents(f.o, f.partners, f.plan);
  const imsis = [...new Set(silent.map((e) => homeImsi(s.partner, e.sub)))];
  const expected = f.months.map((m) => {
    const registered = f.ledger.registeredSubs(p, m.key);
    const billed = f.tap.billedSubs(p, 'outbound', m.key);
    const unbilled = [...registered].filter((sub) => !billed.has(sub)).length;
    return f.expect.row('silent_roamer_share', p, 'outbound', m.key, {
      numerator: unbilled,
      denominator: registered.size,
      value: null,
      sampleSize: registered.size,
    });
  });
  return {
    story: 'silent-roamers',
    description:
      "Our subscribers registered in the partner network (successful UpdateLocation or ULR) who have no billed usage in any TAP file from the partner. expected: per month, subscribers (IMSIs) with a successful UpdateLocation, UpdateGprsLocation or ULR attributed to the partner (outbound) and how many of them have no event that month (UTC start) in the partner's TAP files",
    partner: p,
    month: s.month.key,
    registrations: silent.length,
    imsis,
    expected,
  };
}

function unattributedStory(f: ProbeFacts): Story {
  const stranger = strangerNetwork(f.partners);
  const rows = [...f.ledger.tallies.values()]
    .filter((t) => t.partner === '')
    .map((t) => ({
      month: t.month,
      direction: t.direction,
      interface: t.interface,
      procedure: t.procedure,
      attempts: t.attempts,
      successes: t.successes,
    }))
    .sort((a, b) =>
      `${a.month}${a.direction}${a.procedure}` < `${b.month}${b.direction}${b.procedure}` ? -1 : 1,
    );
  const byMonth = f.months.map((m) => ({
    month: m.key,
    outbound: rows
      .filter((r) => r.month === m.key && r.direction === 'outbound')
      .reduce((s, r) => s + r.attempts, 0),
    inbound: rows
      .filter((r) => r.month === m.key && r.direction === 'inbound')
      .reduce((s, r) => s + r.attempts, 0),
  }));
  return {
    story: 'unattributed-probe-rows',
    description:
      "Probe rows of a network we have no agreement with: inbound roamers whose IMSI matches no partner's imsi_prefixes, and our subscribers registering in it (rejected: roaming not allowed), whose serving node GT and origin realm match no partner. Where an export has partner_tadig it is empty on these rows",
    imsiPrefix: stranger.mcc + stranger.mnc,
    mscGtPrefix: stranger.mscGt,
    sgsnGtPrefix: stranger.sgsnGt,
    realm: stranger.realm,
    rowsPerMonth: byMonth,
    rows,
  };
}

function untaggedStory(f: ProbeFacts): Story {
  return {
    story: 'probe-exports-without-partner',
    description:
      "Probe exports written without the partner_tadig column (one per pair of months): inbound rows are attributed by the IMSI's home network (longest imsi_prefixes match), outbound ones by the serving node GT (MAP, GTPv1: msc_gt_prefixes / sgsn_gt_prefixes) or the Diameter Origin-Realm (diameter_realm). rowsByPartner: what the attribution must give ('' = no partner)",
    files: f.xdr.untagged.map((file) => ({
      file: `probes/${file}`,
      rowsByPartner: Object.fromEntries(
        Object.entries(f.ledger.untagged.get(file) ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)),
      ),
    })),
  };
}

function routingStory(f: ProbeFacts): Story {
  const r = f.plan.routingShift;
  const p = r.partner.tadig;
  const months = f.months.map((m) => {
    const s = f.ledger.sessions.get(m.key) ?? { attempts: {}, latencies: {} };
    const all = Object.values(s.latencies).flat();
    const p95 = quantileCont(all, 0.95);
    return {
      month: m.key,
      sessionsByRouting: s.attempts,
      successfulSetups: all.length,
      setupP95Ms: p95 === null ? null : round(p95, 3),
      setupP95MsByRouting: Object.fromEntries(
        Object.entries(s.latencies).map(([k, v]) => [k, round(quantileCont(v, 0.95) ?? 0, 3)]),
      ),
    };
  });
  return {
    story: 'regional-breakout',
    description:
      "From this month on the partner breaks most of our roamers' data sessions out at a regional packet gateway instead of routing them home: the routing mix changes and the data session setup time (p95 of successful CreatePDPContext and CreateSession, outbound) drops. p95 values are PERCENTILE_CONT(0.95) of the latencies as written, rounded to 0.001 ms",
    partner: p,
    fromMonth: r.month.key,
    mix: r.mix,
    months,
    expected: months.map((m) =>
      f.expect.row('data_setup_time_p95', p, 'outbound', m.month, {
        value: m.setupP95Ms,
        sampleSize: m.successfulSetups,
      }),
    ),
  };
}

export function probeStories(f: ProbeFacts): Story[] {
  return [
    pdpStory(f),
    stormStory(f),
    silentStory(f),
    unattributedStory(f),
    untaggedStory(f),
    routingStory(f),
  ];
}
