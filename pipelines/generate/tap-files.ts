/**
 * TAP files each partner sends us: one per day (a Notification when the day had no billed
 * usage), consecutive FileSequenceNumbers, records streamed through the project's encoder with
 * AuditControlInfo totals accumulated on the way. The TAP stories are planted here: late files,
 * a sequence gap, a record sent twice and a wrong TotalCharge.
 */
import path from 'node:path';
import { encodeFile, encodeFileChunks } from '../asn1/index.ts';
import type { Struct } from '../asn1/types.ts';
import { DAY, type Month } from './calendar.ts';
import { FileSink } from './csv-writer.ts';
import type { FileEntry } from './manifest.ts';
import type { GenerateOptions } from './options.ts';
import { rngFor, type Rng } from './prng.ts';
import type { StoryPlan } from './stories.ts';
import { dailyCounts, dayEvents, type TapEvent } from './tap-events.ts';
import {
  AuditTotals,
  batchControlInfo,
  headerGroups,
  sequenceText,
  tapFileName,
  tapModule,
  type FileTimes,
} from './tap-header.ts';
import { tapRecord } from './tap-records.ts';
import { newTapFacts, type TapFacts } from './tap-facts.ts';
import type { Partner } from './world.ts';

const HOUR = 3_600_000;
/** Share of records we return as severe errors (RAP), at most this many per partner and month. */
const SEVERE_SHARE = 0.004;
const SEVERE_MAX = 200;

export interface SevereReturn {
  fileSequence: string;
  record: Struct;
  event: TapEvent;
  reason: 'duplicate' | 'charge-not-agreed';
}

/** What one partner's month of TAP files gives RAP to return. */
export interface PartnerMonthTap {
  partner: Partner;
  month: Month;
  severe: SevereReturn[];
  fatal: { fileSequence: string; audit: Struct } | null;
  missing: string | null;
  /** When the month's last file was available: RAP is sent after it. */
  lastAvailable: number;
}

export interface TapOutput {
  files: FileEntry[];
  months: PartnerMonthTap[];
  facts: TapFacts;
}

function fileTimes(rng: Rng, plan: StoryPlan, p: Partner, m: Month, day: number): FileTimes {
  const cutOff = m.start + (day + 1) * DAY;
  const late = plan.lateTap;
  if (
    late.partner === p &&
    late.month === m &&
    day + 1 >= late.firstDay &&
    day + 1 <= late.lastDay
  ) {
    const available = m.start + (late.lastDay + late.delayDays) * DAY + rng.range(8, 16) * HOUR;
    return { cutOff, created: available - 20 * 60_000, available };
  }
  const created = cutOff + rng.range(2, 10) * HOUR + rng.int(HOUR);
  return { cutOff, created, available: created + rng.range(5, 60) * 60_000 };
}

export function writeTapFiles(
  o: GenerateOptions,
  partners: readonly Partner[],
  months: readonly Month[],
  plan: StoryPlan,
): TapOutput {
  const out: TapOutput = { files: [], months: [], facts: newTapFacts() };
  for (const p of partners) {
    let sequence = p.firstSequence;
    let duplicate: { record: Struct; event: TapEvent; file: string } | null = null;
    const module = tapModule(p);
    for (const m of months) {
      const rng = rngFor(o.seed, 'tap-files', p.tadig, m.key);
      const pm: PartnerMonthTap = {
        partner: p,
        month: m,
        severe: [],
        fatal: null,
        missing: null,
        lastAvailable: 0,
      };
      dailyCounts(o, partners, p, m).forEach((count, day) => {
        const times = fileTimes(rng, plan, p, m, day);
        const name = tapFileName(p, sequence);
        const file = path.join(o.out, 'tap', name);
        pm.lastAvailable = Math.max(pm.lastAvailable, times.available);
        if (count === 0 && duplicate === null) {
          const sink = new FileSink(file);
          sink.binary(encodeFile(module, { notification: batchControlInfo(p, sequence, times) }));
          sink.close();
          out.files.push({ path: `tap/${name}`, kind: 'tap-notification', rows: 0 });
        } else {
          const totals = new AuditTotals();
          const trailer: Struct = {};
          const dupStory =
            plan.duplicate.partner === p &&
            plan.duplicate.month === m &&
            day + 1 >= plan.duplicate.day;
          const auditStory =
            plan.auditMismatch.partner === p &&
            plan.auditMismatch.month === m &&
            day + 1 >= plan.auditMismatch.day &&
            out.facts.auditMismatch === null;
          let delta = 0;
          const pending = duplicate;
          duplicate = null;
          const fileRng = rng.fork(name);
          const records = function* (): Generator<Struct> {
            if (pending !== null) {
              totals.add(pending.event);
              pm.severe.push({
                fileSequence: sequenceText(sequence),
                record: pending.record,
                event: pending.event,
                reason: 'duplicate',
              });
              out.facts.duplicateSent(pending.file, name, p, pending.event);
              yield pending.record;
            }
            for (const e of dayEvents(o, partners, p, m, day, count)) {
              totals.add(e);
              const record = tapRecord(p, e);
              if (dupStory && !out.facts.duplicateCaptured) {
                out.facts.duplicateCaptured = true;
                duplicate = { record, event: e, file: name };
              } else if (
                !auditStory &&
                pm.severe.length < SEVERE_MAX &&
                fileRng.chance(SEVERE_SHARE)
              ) {
                pm.severe.push({
                  fileSequence: sequenceText(sequence),
                  record,
                  event: e,
                  reason: 'charge-not-agreed',
                });
              }
              yield record;
            }
            if (auditStory)
              delta = Math.max(1, Math.round(totals.charge * plan.auditMismatch.share));
            trailer.auditControlInfo = totals.audit(p, delta);
          };
          const header = headerGroups(p, sequence, times);
          const sink = new FileSink(file);
          for (const chunk of encodeFileChunks(module, 'transferBatch', header, records(), trailer))
            sink.binary(chunk);
          sink.close();
          out.files.push({ path: `tap/${name}`, kind: 'tap-batch', rows: totals.count });
          if (auditStory) {
            pm.fatal = {
              fileSequence: sequenceText(sequence),
              audit: trailer.auditControlInfo as Struct,
            };
            out.facts.auditMismatch = {
              partner: p,
              month: m,
              file: name,
              stated: totals.charge + delta,
              records: totals.charge,
            };
          }
        }
        if (
          plan.lateTap.partner === p &&
          plan.lateTap.month === m &&
          day + 1 >= plan.lateTap.firstDay &&
          day + 1 <= plan.lateTap.lastDay
        )
          out.facts.lateFile(name, times, m.start + (day + 1) * DAY);
        sequence = sequence >= 99_999 ? 1 : sequence + 1;
        const gap = plan.sequenceGap;
        if (gap.partner === p && gap.month === m && day + 1 >= gap.day && out.facts.gap === null) {
          out.facts.gap = { partner: p, month: m, before: name, missing: sequenceText(sequence) };
          pm.missing = sequenceText(sequence);
          sequence = sequence >= 99_999 ? 1 : sequence + 1;
        }
      });
      out.months.push(pm);
    }
  }
  return out;
}
