/**
 * IPX measurements: per month one CSV, one row per interval × partner × traffic class, with
 * availability (probes sent / answered), round-trip delay, jitter and loss. Now and then a short
 * incident on one partner's path; the planted outage degrades one partner for three days.
 */
import path from 'node:path';
import { fileColumns } from '../columns/raw-table.ts';
import { ipxMeasurementsTable } from '../sources/ipx/raw-schema.ts';
import { CsvTime, DAY, type Month } from './calendar.ts';
import { CsvSink } from './csv-writer.ts';
import { relative, type FileEntry } from './manifest.ts';
import type { GenerateOptions } from './options.ts';
import { rngFor } from './prng.ts';
import type { StoryPlan } from './stories.ts';
import { hourWeight } from './times.ts';
import type { Partner } from './world.ts';

const CLASSES = [
  ['conversational', 1],
  ['streaming', 1.05],
  ['interactive', 1.1],
  ['background', 1.25],
  ['signalling', 0.95],
] as const;

export const IPX_COLUMNS = fileColumns(ipxMeasurementsTable).map((c) => c.name);

export function intervalMinutes(o: GenerateOptions): number {
  return o.scale === 'small' ? 480 : 60;
}

/** One partner's month of IPX rows as written: sums for availability and loss, the delays. */
export interface IpxMonth {
  partner: string;
  month: string;
  rows: number;
  sent: number;
  answered: number;
  /** Σ packet_loss_pct × probes_sent, in thousandths of a percent (the CSV's 3 decimals). */
  lossTimesSent: number;
  /** rtd_p95_ms of every row, as written. */
  rtdP95: number[];
  /** Σ jitter_ms in hundredths (2 decimals). */
  jitterHundredths: number;
  incidentRows: number;
}

export interface IpxOutput {
  files: FileEntry[];
  months: IpxMonth[];
}

export function writeIpxFiles(
  o: GenerateOptions,
  partners: readonly Partner[],
  months: readonly Month[],
  plan: StoryPlan,
): IpxOutput {
  const minutes = intervalMinutes(o);
  const step = minutes * 60_000;
  const time = new CsvTime();
  const out: IpxOutput = { files: [], months: [] };
  const outage = plan.ipxOutage;
  for (const month of months) {
    const rng = rngFor(o.seed, 'ipx', month.key);
    const intervals = Math.round((month.end - month.start) / step);
    // Now and then (half the partner-months) one interval of degraded service.
    const incidents = new Map(partners.map((p) => [p, rng.chance(0.5) ? rng.int(intervals) : -1]));
    const tally = new Map(
      partners.map((p): [Partner, IpxMonth] => [
        p,
        {
          partner: p.tadig,
          month: month.key,
          rows: 0,
          sent: 0,
          answered: 0,
          lossTimesSent: 0,
          rtdP95: [],
          jitterHundredths: 0,
          incidentRows: 0,
        },
      ]),
    );
    const outageStart = month.start + (outage.day - 1) * DAY;
    const file = path.join(o.out, 'ipx', `ipx-${month.key}.csv`);
    const csv = new CsvSink(file, IPX_COLUMNS);
    for (let i = 0; i < intervals; i++) {
      const t = month.start + i * step;
      const load = hourWeight(t);
      for (const p of partners) {
        const down =
          outage.partner === p &&
          outage.month === month &&
          t >= outageStart &&
          t < outageStart + outage.days * DAY;
        const incident = down || incidents.get(p) === i;
        const base = (18 + 32 * p.country.distance) * (0.9 + 0.2 * p.latency) * (1 + 0.12 * load);
        const m = tally.get(p)!;
        for (const [cls, factor] of CLASSES) {
          const sent = minutes * 6;
          const lost = down
            ? Math.round(sent * (0.1 + rng.float() * 0.3))
            : incident
              ? Math.round(sent * (0.01 + rng.float() * 0.02))
              : rng.poisson(sent * 0.0004);
          const rtd =
            base *
            factor *
            (down ? 1.8 + rng.float() * 0.7 : incident ? 1.5 : 1) *
            (0.95 + rng.float() * 0.1);
          const loss = down
            ? 2 + rng.float() * 6
            : incident
              ? 0.5 + rng.float() * 2.5
              : rng.lognormal(0.04, 0.6);
          const rtdP95 = (rtd * (1.15 + rng.float() * 0.3)).toFixed(2);
          const jitter = rng.lognormal(1.2 * p.country.distance * (down ? 2 : 1), 0.35).toFixed(2);
          const lossText = loss.toFixed(3);
          csv.row([
            time.format(t),
            minutes,
            p.ipx,
            p.tadig,
            cls,
            sent,
            sent - lost,
            rtd.toFixed(2),
            rtdP95,
            jitter,
            lossText,
          ]);
          m.rows += 1;
          m.sent += sent;
          m.answered += sent - lost;
          m.lossTimesSent += Math.round(Number(lossText) * 1000) * sent;
          m.rtdP95.push(Number(rtdP95));
          m.jitterHundredths += Math.round(Number(jitter) * 100);
          if (incident) m.incidentRows += 1;
        }
      }
    }
    csv.close();
    out.files.push({ path: relative(o.out, file), kind: 'ipx-measurements', rows: csv.rows });
    out.months.push(...tally.values());
  }
  return out;
}
