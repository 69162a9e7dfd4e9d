/**
 * IPX measurements: per month one CSV, one row per interval × partner × traffic class, with
 * availability (probes sent / answered), round-trip delay, jitter and loss. A few short incidents
 * per partner make availability and loss move.
 */
import path from 'node:path';
import { fileColumns } from '../lib/raw-table.ts';
import { ipxMeasurementsTable } from '../ipx/raw-schema.ts';
import { CsvTime, type Month } from './calendar.ts';
import { CsvSink } from './csv-writer.ts';
import { relative, type FileEntry } from './manifest.ts';
import type { GenerateOptions } from './options.ts';
import { rngFor } from './prng.ts';
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
  return o.scale === 'small' ? 240 : 60;
}

export function writeIpxFiles(
  o: GenerateOptions,
  partners: readonly Partner[],
  months: readonly Month[],
): FileEntry[] {
  const minutes = intervalMinutes(o);
  const step = minutes * 60_000;
  const time = new CsvTime();
  return months.map((month) => {
    const rng = rngFor(o.seed, 'ipx', month.key);
    const intervals = Math.round((month.end - month.start) / step);
    // Incidents: per partner one or two intervals of degraded service.
    const incidents = new Map(
      partners.map((p) => [p, new Set([rng.int(intervals), rng.int(intervals)])]),
    );
    const file = path.join(o.out, 'ipx', `ipx-${month.key}.csv`);
    const csv = new CsvSink(file, IPX_COLUMNS);
    for (let i = 0; i < intervals; i++) {
      const t = month.start + i * step;
      const load = hourWeight(t);
      for (const p of partners) {
        const incident = incidents.get(p)!.has(i);
        const base = (18 + 32 * p.country.distance) * (0.9 + 0.2 * p.latency) * (1 + 0.12 * load);
        for (const [cls, factor] of CLASSES) {
          const sent = minutes * 6;
          const lost = incident
            ? Math.round(sent * (0.05 + rng.float() * 0.4))
            : rng.poisson(sent * 0.0004);
          const rtd = base * factor * (incident ? 1.8 : 1) * (0.95 + rng.float() * 0.1);
          const loss = incident ? 1 + rng.float() * 6 : rng.lognormal(0.04, 0.6);
          csv.row([
            time.format(t),
            minutes,
            p.ipx,
            p.tadig,
            cls,
            sent,
            sent - lost,
            rtd.toFixed(2),
            (rtd * (1.15 + rng.float() * 0.3)).toFixed(2),
            rng.lognormal(1.2 * p.country.distance, 0.35).toFixed(2),
            loss.toFixed(3),
          ]);
        }
      }
    }
    csv.close();
    return { path: relative(o.out, file), kind: 'ipx-measurements', rows: csv.rows };
  });
}
