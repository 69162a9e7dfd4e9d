/**
 * NRTRDE files from the partners that send them: copies of the same events as their TAP files,
 * cut into one-hour windows (windows without events send nothing), mostly made available within
 * an hour of the window's end, a few hours late now and then.
 */
import path from 'node:path';
import { encodeFileChunks } from '../asn1/index.ts';
import type { Struct } from '../asn1/types.ts';
import { DAY, type Month } from './calendar.ts';
import { FileSink } from './csv-writer.ts';
import type { FileEntry } from './manifest.ts';
import type { GenerateOptions } from './options.ts';
import { localTime } from './partner-time.ts';
import { rngFor } from './prng.ts';
import { routingMix, type StoryPlan } from './stories.ts';
import { dailyCounts, dayEvents, type TapEvent } from './tap-events.ts';
import { sequenceText } from './tap-header.ts';
import { monthKey } from './tap-ledger.ts';
import { nrtrdeRecord } from './tap-records.ts';
import { outboundSide } from './tap-side.ts';
import { HOME, type Partner } from './world.ts';

const HOUR = 3_600_000;
const WINDOW = HOUR;

/** NRTRDE records of one partner and month (of the event start), and how many came in time. */
export interface NrtrdeMonth {
  partner: string;
  month: string;
  records: number;
  /** Records made available within the limit (hours) after the event ended. */
  withinLimit: number;
}

export interface NrtrdeOutput {
  files: FileEntry[];
  /** Files made available more than four hours after their window closed. */
  lateFiles: string[];
  months: NrtrdeMonth[];
}

export function writeNrtrdeFiles(
  o: GenerateOptions,
  partners: readonly Partner[],
  months: readonly Month[],
  plan: StoryPlan,
  limitHours: number,
): NrtrdeOutput {
  const out: NrtrdeOutput = { files: [], lateFiles: [], months: [] };
  for (const p of partners.filter((x) => x.sendsNrtrde)) {
    const side = outboundSide(p);
    let sequence = 1 + rngFor(o.seed, 'nrtrde-start', p.tadig).int(900_000);
    for (const m of months) {
      const rng = rngFor(o.seed, 'nrtrde', p.tadig, m.key);
      const routing = routingMix(plan, p, m, 'outbound');
      const tally: NrtrdeMonth = { partner: p.tadig, month: m.key, records: 0, withinLimit: 0 };
      dailyCounts(o, partners, side, m).forEach((count, day) => {
        const events = dayEvents(o, partners, side, m, day, count, routing);
        let next = events.next();
        for (let w = 0; w < DAY / WINDOW && !next.done; w++) {
          const end = m.start + day * DAY + (w + 1) * WINDOW;
          if (next.value.t >= end) continue;
          const late = rng.chance(0.01);
          const delay = (late ? rng.range(4, 10) * HOUR : 0) + rng.lognormal(35, 0.6) * 60_000;
          const available = Math.floor((end + delay) / 1000) * 1000;
          const local = localTime(p, available);
          const name = `NR${p.tadig}${HOME.tadig}${sequenceText(sequence, 7)}`;
          const header: Struct = {
            specificationVersionNumber: 2,
            releaseVersionNumber: 1,
            sender: p.tadig,
            recipient: HOME.tadig,
            sequenceNumber: sequenceText(sequence, 7),
            fileAvailableTimeStamp: local.stamp,
            utcTimeOffset: local.offset,
          };
          const trailer: Struct = {};
          let written = 0;
          function* records(): Generator<Struct> {
            while (!next.done && next.value.t < end) {
              const e: TapEvent = next.value;
              written += 1;
              tally.records += 1;
              if (monthKey(e.t) !== m.key) throw new RangeError('NRTRDE event outside its month');
              if (available - (e.t + e.duration * 1000) <= limitHours * HOUR)
                tally.withinLimit += 1;
              yield nrtrdeRecord(side, e);
              next = events.next();
            }
            trailer.callEventsCount = written;
          }
          const sink = new FileSink(path.join(o.out, 'nrtrde', name));
          for (const chunk of encodeFileChunks('NRTRDE-2.01', 'nrtrde', header, records(), trailer))
            sink.binary(chunk);
          sink.close();
          out.files.push({ path: `nrtrde/${name}`, kind: 'nrtrde', rows: written });
          if (late) out.lateFiles.push(name);
          sequence = sequence >= 9_999_999 ? 1 : sequence + 1;
        }
      });
      out.months.push(tally);
    }
  }
  return out;
}
