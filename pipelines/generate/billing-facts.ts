/**
 * Billing stories for the manifest: the partner with a 36 h TAP limit, RAP in both directions,
 * each partner's net position per month (what it bills us against what we bill it, after RAP),
 * and NRTRDE timeliness — all summed from what the TAP, RAP and NRTRDE writers wrote.
 */
import type { Month } from './calendar.ts';
import type { Expectations } from './expect.ts';
import type { Story } from './manifest.ts';
import type { NrtrdeOutput } from './nrtrde.ts';
import type { RapOutput } from './rap.ts';
import { decimalText } from './stats.ts';
import type { StoryPlan } from './stories.ts';
import type { SideMonthTap } from './tap-files.ts';
import { monthKey, type TapLedger } from './tap-ledger.ts';
import { timelinessRow } from './tap-facts.ts';
import type { Direction } from './tap-side.ts';
import type { Partner } from './world.ts';

export interface BillingFacts {
  partners: readonly Partner[];
  months: readonly Month[];
  plan: StoryPlan;
  expect: Expectations;
  ledger: TapLedger;
  sides: readonly SideMonthTap[];
  rap: RapOutput;
  nrtrde: NrtrdeOutput;
}

const SCALE = 6;
const at6 = (amount: number, scale: number) => BigInt(amount) * 10n ** BigInt(SCALE - scale);

function tapLimitStory(f: BillingFacts): Story {
  const { partner, hours } = f.plan.tapLimit;
  const catalogue = f.expect.kpi('tap_timeliness').threshold;
  const directions: Direction[] = ['outbound', 'inbound'];
  return {
    story: 'tap-36h-limit',
    description: `An agreement with its own TAP limit for the files the partner sends us (outbound): ${hours} h instead of the catalogue's ${catalogue} h (sla_agreements.csv threshold). Its files come late in the day, so events of the early hours are late against ${hours} h, none against ${catalogue} h. The files we send it (inbound) keep the catalogue's limit`,
    partner: partner.tadig,
    thresholdHours: hours,
    catalogueHours: catalogue,
    months: f.months.flatMap((m) =>
      directions.map((direction) => {
        const t = f.ledger.find(partner.tadig, direction, m.key);
        return {
          month: m.key,
          direction,
          events: t?.events ?? 0,
          lateAgainstAgreement: t?.lateOver[String(hours)] ?? 0,
          lateAgainstCatalogue: t?.lateOver[String(catalogue)] ?? 0,
        };
      }),
    ),
    expected: f.months.flatMap((m) =>
      directions.map((d) => timelinessRow(f.expect, f.ledger, partner.tadig, d, m.key)),
    ),
  };
}

function rapStories(f: BillingFacts): Story[] {
  const entry = (r: RapOutput['returns'][number]) => ({
    file: r.file,
    partner: r.partner,
    month: r.month,
    missing: r.missing,
    fatal: r.fatal,
    severe: r.severe,
    severeCharge: decimalText(r.severeCharge, r.scale),
  });
  return [
    {
      story: 'rap-returns',
      description:
        'What we return in RAP: the missing sequence number, the file with the wrong audit total (fatal) and severe returns (the duplicate, and records whose charge does not match the agreement)',
      files: f.rap.returns.filter((r) => r.direction === 'outbound').map(entry),
    },
    {
      story: 'rap-returns-received',
      description:
        'RAP the partners send us about the TAP files we sent them (inbound): severe returns of records whose charge their checks reject; we acknowledge each. severeCharge in the TAP currency of our files',
      files: f.rap.returns.filter((r) => r.direction === 'inbound').map(entry),
    },
  ];
}

/** Charges per side and event month returned in RAP: severe records, and fatal files' records. */
function returned(sides: readonly SideMonthTap[]) {
  const out = new Map<string, { severe: bigint; fatal: bigint }>();
  const add = (tadig: string, d: Direction, month: string, kind: 'severe' | 'fatal', v: bigint) => {
    const k = `${tadig}|${d}|${month}`;
    const r = out.get(k) ?? { severe: 0n, fatal: 0n };
    r[kind] += v;
    out.set(k, r);
  };
  for (const sm of sides) {
    const { partner, direction, tapDecimalPlaces: scale } = sm.side;
    for (const r of sm.severe)
      add(partner.tadig, direction, monthKey(r.event.t), 'severe', at6(r.event.charge, scale));
    for (const e of sm.fatal?.events ?? [])
      add(partner.tadig, direction, monthKey(e.t), 'fatal', at6(e.charge, scale));
  }
  return out;
}

function netPositionStory(f: BillingFacts): Story {
  const back = returned(f.sides);
  const rows = f.partners.flatMap((p) =>
    f.months.map((m) => {
      const side = (d: Direction) => {
        const t = f.ledger.find(p.tadig, d, m.key);
        const charge = t === undefined ? 0n : at6(t.charge, t.scale);
        const r = back.get(`${p.tadig}|${d}|${m.key}`) ?? { severe: 0n, fatal: 0n };
        const accepted = charge - r.severe - r.fatal;
        return {
          figures: {
            events: t?.events ?? 0,
            scale: t?.scale ?? null,
            charge: decimalText(charge, SCALE),
            severeReturned: decimalText(r.severe, SCALE),
            fatalReturned: decimalText(r.fatal, SCALE),
            accepted: decimalText(accepted, SCALE),
          },
          accepted,
        };
      };
      const out = side('outbound');
      const inb = side('inbound');
      return {
        partner: p.tadig,
        month: m.key,
        currency: p.tapCurrency === 'SDR' ? 'XDR' : p.tapCurrency,
        outbound: out.figures,
        inbound: inb.figures,
        net: decimalText(inb.accepted - out.accepted, SCALE),
      };
    }),
  );
  return {
    story: 'net-position',
    description:
      "Each partner's net position per month in its TAP currency: what we bill it (inbound: its roamers in our network, files we send) less what it bills us (outbound: our roamers, files it sends), each after what RAP returned. Charges are ChargeType 00 sums of the events that started in the month (UTC), exact, 6 decimals; a record sent twice counts in charge and is returned as severe",
    rows,
  };
}

function nrtrdeStory(f: BillingFacts): Story {
  return {
    story: 'late-nrtrde',
    description:
      "NRTRDE files made available more than four hours after their window closed. expected: per partner and month (of the event start), the records made available within the catalogue's limit after the event ended",
    files: f.nrtrde.lateFiles,
    expected: f.nrtrde.months.map((n) =>
      f.expect.row('nrtrde_within_4h', n.partner, 'outbound', n.month, {
        numerator: n.withinLimit,
        denominator: n.records,
        value: null,
        sampleSize: n.records,
      }),
    ),
  };
}

export function billingStories(f: BillingFacts): Story[] {
  return [tapLimitStory(f), ...rapStories(f), netPositionStory(f), nrtrdeStory(f)];
}
