/**
 * Quality stories for the manifest: the IPX outage and the speech-quality drop, with the KPI rows
 * the marts must show for the partner's months, summed from the IPX and active-test rows written.
 */
import type { ActiveTally } from './active.ts';
import type { Month } from './calendar.ts';
import type { Expectations } from './expect.ts';
import type { IpxOutput } from './ipx.ts';
import type { Story } from './manifest.ts';
import { quantileCont, round } from './stats.ts';
import type { StoryPlan } from './stories.ts';

export interface QualityFacts {
  months: readonly Month[];
  plan: StoryPlan;
  expect: Expectations;
  ipx: IpxOutput;
  active: readonly ActiveTally[];
}

function ipxStory(f: QualityFacts): Story {
  const o = f.plan.ipxOutage;
  const p = o.partner.tadig;
  const months = f.ipx.months.filter((m) => m.partner === p);
  const day = (d: number) => `${o.month.key}-${String(d).padStart(2, '0')}`;
  return {
    story: 'ipx-outage',
    description:
      "The partner's IPX path degrades for three days: probes go unanswered, round-trip delay, jitter and loss go up, and the month breaches its availability and loss targets. expected: availability = probes answered / sent; loss = Σ(packet_loss_pct × probes_sent) / Σ probes_sent (percent); RTD = PERCENTILE_CONT(0.95) of the intervals' rtd_p95_ms; jitter = mean of jitter_ms; over all traffic classes. IPX rows carry no direction: the rows are given as outbound, and the same values hold wherever a mart also writes them as inbound",
    partner: p,
    ipxProvider: o.partner.ipx,
    month: o.month.key,
    fromDate: day(o.day),
    toDate: day(o.day + o.days - 1),
    expected: months.flatMap((m) => [
      f.expect.row('ipx_availability', p, 'outbound', m.month, {
        numerator: m.answered,
        denominator: m.sent,
        value: null,
        sampleSize: m.sent,
      }),
      f.expect.row('ipx_packet_loss', p, 'outbound', m.month, {
        value: round(m.lossTimesSent / 1000 / m.sent),
        sampleSize: m.sent,
      }),
      f.expect.row('ipx_rtd_p95', p, 'outbound', m.month, {
        value: round(quantileCont(m.rtdP95, 0.95) ?? 0, 3),
        sampleSize: m.rows,
      }),
      f.expect.row('ipx_jitter', p, 'outbound', m.month, {
        value: round(m.jitterHundredths / 100 / m.rows),
        sampleSize: m.rows,
      }),
    ]),
  };
}

function mosStory(f: QualityFacts): Story {
  const s = f.plan.mosDrop;
  const p = s.partner.tadig;
  const voice = (month: string) =>
    f.active.filter(
      (t) =>
        t.partner === p &&
        t.month === month &&
        t.direction === 'outbound' &&
        t.type.startsWith('voice'),
    );
  return {
    story: 'mos-drop',
    description:
      'Speech quality of the test calls in the partner network (outbound voice-mo and voice-mt) drops in one month, below the agreed MOS. expected: mean MOS of the test calls set up',
    partner: p,
    month: s.month.key,
    drop: round(s.drop, 3),
    expected: f.months.map((m) => {
      const tests = voice(m.key);
      const count = tests.reduce((n, t) => n + t.mosCount, 0);
      const sum = tests.reduce((n, t) => n + t.mosHundredths, 0);
      return f.expect.row('voice_mos', p, 'outbound', m.key, {
        value: count === 0 ? null : round(sum / 100 / count),
        sampleSize: count,
      });
    }),
  };
}

export function qualityStories(f: QualityFacts): Story[] {
  return [ipxStory(f), mosStory(f)];
}
