/**
 * Active (robot) test results: per month one CSV of test calls, SMS and data sessions in each
 * partner's network, mostly outbound. Data sessions suffer in the PDP story's partner and month.
 */
import path from 'node:path';
import { activeTestsTable } from '../active/raw-schema.ts';
import { fileColumns } from '../lib/raw-table.ts';
import { CsvTime, DAY, type Month } from './calendar.ts';
import { CsvSink } from './csv-writer.ts';
import { relative, type FileEntry } from './manifest.ts';
import type { GenerateOptions } from './options.ts';
import { rngFor, type Rng } from './prng.ts';
import type { StoryPlan } from './stories.ts';
import type { Partner } from './world.ts';

export const ACTIVE_COLUMNS = fileColumns(activeTestsTable).map((c) => c.name);

const TYPES = ['voice-mo', 'voice-mt', 'sms-mo', 'sms-mt', 'data-session'] as const;
const CAUSES: Readonly<Record<string, readonly string[]>> = {
  voice: ['no answer', 'network busy', 'call dropped', 'no route to destination'],
  sms: ['not delivered', 'timeout', 'rejected by network'],
  data: ['session rejected', 'timeout', 'dns failure'],
};

function testsPerDay(o: GenerateOptions): number {
  return o.scale === 'small' ? 2 : o.scale === 'medium' ? 12 : 24;
}

interface Test {
  t: number;
  partner: Partner;
  outbound: boolean;
  type: (typeof TYPES)[number];
}

function row(rng: Rng, test: Test, time: CsvTime, degraded: boolean) {
  const service = test.type.startsWith('voice')
    ? 'voice'
    : test.type.startsWith('sms')
      ? 'sms'
      : 'data';
  const p = test.partner;
  const failRate = p.technicalFailure * 3 + (degraded && service === 'data' ? 0.25 : 0.01);
  const success = !rng.chance(failRate);
  const voice = service === 'voice' && success;
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
    voice
      ? Math.min(4.5, Math.max(1, 3.9 + 0.25 * rng.normal() - 0.1 * p.country.distance)).toFixed(2)
      : null,
    voice ? rng.chance(0.985) : null,
    service === 'sms' && success ? rng.lognormal(3500 * p.latency, 0.5).toFixed(0) : null,
  ];
}

export function writeActiveFiles(
  o: GenerateOptions,
  partners: readonly Partner[],
  months: readonly Month[],
  stories: StoryPlan,
): FileEntry[] {
  const perDay = testsPerDay(o);
  const time = new CsvTime();
  return months.map((month) => {
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
        const degraded =
          stories.pdpDrop.partner === test.partner && stories.pdpDrop.month === month;
        csv.row(row(rng, test, time, degraded && test.outbound));
      }
    }
    csv.close();
    return { path: relative(o.out, file), kind: 'active-tests', rows: csv.rows };
  });
}
