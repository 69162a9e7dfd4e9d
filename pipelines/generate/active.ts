/**
 * Active (robot) test results: per month one CSV of test calls, SMS and data sessions in each
 * partner's network, mostly outbound. Data sessions suffer in the PDP story's partner and month;
 * speech quality drops in the MOS story's.
 */
import path from 'node:path';
import { activeTestsTable } from '../sources/active/raw-schema.ts';
import { fileColumns } from '../columns/raw-table.ts';
import { CsvTime, DAY, type Month } from './calendar.ts';
import { CsvSink } from './csv-writer.ts';
import { relative, type FileEntry } from './manifest.ts';
import type { GenerateOptions } from './options.ts';
import { rngFor, type Rng } from './prng.ts';
import type { StoryPlan } from './stories.ts';
import type { Direction } from './tap-side.ts';
import type { Partner } from './world.ts';

export const ACTIVE_COLUMNS = fileColumns(activeTestsTable).map((c) => c.name);

const TYPES = ['voice-mo', 'voice-mt', 'sms-mo', 'sms-mt', 'data-session'] as const;
const CAUSES: Readonly<Record<string, readonly string[]>> = {
  voice: ['no answer', 'network busy', 'call dropped', 'no route to destination'],
  sms: ['not delivered', 'timeout', 'rejected by network'],
  data: ['session rejected', 'timeout', 'dns failure'],
};

function testsPerDay(o: GenerateOptions): number {
  return o.scale === 'small' ? 3 : o.scale === 'medium' ? 12 : 24;
}

interface Test {
  t: number;
  partner: Partner;
  outbound: boolean;
  type: (typeof TYPES)[number];
}

/** One partner, month, direction and test type as written. */
export interface ActiveTally {
  partner: string;
  month: string;
  direction: Direction;
  type: string;
  tests: number;
  successes: number;
  /** Voice tests set up with a MOS: their count and Σ MOS in hundredths (2 decimals). */
  mosCount: number;
  mosHundredths: number;
}

function row(rng: Rng, test: Test, time: CsvTime, degraded: boolean, mosDrop: number) {
  const service = test.type.startsWith('voice')
    ? 'voice'
    : test.type.startsWith('sms')
      ? 'sms'
      : 'data';
  const p = test.partner;
  const failRate = p.technicalFailure * 2 + (degraded && service === 'data' ? 0.25 : 0.005);
  const success = !rng.chance(failRate);
  const voice = service === 'voice' && success;
  const mos = voice ? 3.9 + 0.25 * rng.normal() - 0.1 * p.country.distance - mosDrop : 0;
  return [
    time.format(test.t),
    p.tadig,
    test.outbound ? 'outbound' : 'inbound',
    service,
    test.type,
    success,
    success ? null : rng.pick(CAUSES[service]!),
    voice || (service === 'data' && success)
      ? rng.lognormal(voice ? 3800 : 700, 0.35).toFixed(0)
      : null,
    voice ? Math.min(4.5, Math.max(1, mos)).toFixed(2) : null,
    voice ? rng.chance(0.99) : null,
    service === 'sms' && success ? rng.lognormal(3500 * p.latency, 0.5).toFixed(0) : null,
  ];
}

export function writeActiveFiles(
  o: GenerateOptions,
  partners: readonly Partner[],
  months: readonly Month[],
  stories: StoryPlan,
): { files: FileEntry[]; tallies: ActiveTally[] } {
  const perDay = testsPerDay(o);
  const time = new CsvTime();
  const tallies = new Map<string, ActiveTally>();
  const files = months.map((month) => {
    const rng = rngFor(o.seed, 'active', month.key);
    const file = path.join(o.out, 'active-tests', `active-tests-${month.key}.csv`);
    const csv = new CsvSink(file, ACTIVE_COLUMNS);
    for (let day = 0; day < month.days; day++) {
      const tests: Test[] = [];
      for (const partner of partners) {
        for (let k = 0; k < perDay; k++) {
          tests.push({
            t: month.start + day * DAY + rng.int(DAY),
            partner,
            outbound: rng.chance(0.8),
            type: TYPES[(day * perDay + k + partner.index) % TYPES.length]!,
          });
        }
      }
      tests.sort((a, b) => a.t - b.t);
      for (const test of tests) {
        const p = test.partner;
        const degraded = stories.pdpDrop.partner === p && stories.pdpDrop.month === month;
        const mos = stories.mosDrop;
        const drop = mos.partner === p && mos.month === month && test.outbound ? mos.drop : 0;
        const fields = row(rng, test, time, degraded && test.outbound, drop);
        csv.row(fields);
        const direction = test.outbound ? 'outbound' : 'inbound';
        const key = `${p.tadig}|${month.key}|${direction}|${test.type}`;
        let t = tallies.get(key);
        if (t === undefined) {
          t = {
            partner: p.tadig,
            month: month.key,
            direction,
            type: test.type,
            tests: 0,
            successes: 0,
            mosCount: 0,
            mosHundredths: 0,
          };
          tallies.set(key, t);
        }
        t.tests += 1;
        if (fields[5] === true) t.successes += 1;
        if (fields[8] !== null) {
          t.mosCount += 1;
          t.mosHundredths += Math.round(Number(fields[8]) * 100);
        }
      }
    }
    csv.close();
    return { path: relative(o.out, file), kind: 'active-tests' as const, rows: csv.rows };
  });
  return { files, tallies: [...tallies.values()] };
}
