/**
 * TAP files in both directions: each partner sends us the usage of our roamers (CD<partner>GBRHM…)
 * and we send each partner the usage of its roamers in our network (CDGBRHM<partner>…). One file
 * per period of one or two days (a Notification when the period had no billed usage),
 * consecutive FileSequenceNumbers per sender and recipient, records streamed through the
 * project's encoder with AuditControlInfo totals accumulated on the way. The TAP stories are
 * planted in the partners' files: late files, a sequence gap, a record sent twice and a wrong
 * TotalCharge.
 */
import path from 'node:path';
import { encodeFile, encodeFileChunks } from '../asn1/index.ts';
import type { Struct } from '../asn1/types.ts';
import type { Month } from './calendar.ts';
import { FileSink } from './csv-writer.ts';
import type { FileEntry } from './manifest.ts';
import type { GenerateOptions } from './options.ts';
import { rngFor } from './prng.ts';
import { routingMix, type StoryPlan } from './stories.ts';
import { dailyCounts, dayEvents, type TapEvent } from './tap-events.ts';
import {
  AuditTotals,
  batchControlInfo,
  headerGroups,
  sequenceText,
  tapFileName,
  tapModule,
} from './tap-header.ts';
import type { TapLedger } from './tap-ledger.ts';
import { fileTimes, isLate, periodEnd, periods } from './tap-periods.ts';
import { tapRecord } from './tap-records.ts';
import { inboundSide, outboundSide, type TapSide } from './tap-side.ts';
import { newTapFacts, type TapFacts } from './tap-facts.ts';
import type { Partner } from './world.ts';

/**
 * Share of records the recipient returns as severe errors (RAP), at most this many per side and
 * month: we return some of the partners' records; partners that check ours return a few of them.
 */
const SEVERE_SHARE = { outbound: 0.004, inbound: 0.006 } as const;
const SEVERE_MAX = 200;

export interface SevereReturn {
  fileSequence: string;
  record: Struct;
  event: TapEvent;
  reason: 'duplicate' | 'charge-not-agreed';
}

/** What one side's month of TAP files gives its recipient to return in RAP. */
export interface SideMonthTap {
  side: TapSide;
  month: Month;
  severe: SevereReturn[];
  fatal: { fileSequence: string; audit: Struct; events: TapEvent[] } | null;
  missing: string | null;
  /** When the month's last file was available: RAP is sent after it. */
  lastAvailable: number;
}

export interface TapOutput {
  files: FileEntry[];
  months: SideMonthTap[];
  facts: TapFacts;
  ledger: TapLedger;
}

interface SideState {
  sequence: number;
  duplicate: { record: Struct; event: TapEvent; file: string } | null;
}

const next = (n: number) => (n >= 99_999 ? 1 : n + 1);

export function writeTapFiles(
  o: GenerateOptions,
  partners: readonly Partner[],
  months: readonly Month[],
  plan: StoryPlan,
  ledger: TapLedger,
): TapOutput {
  const out: TapOutput = { files: [], months: [], facts: newTapFacts(), ledger };
  for (const p of partners) {
    for (const side of [outboundSide(p), inboundSide(p)]) {
      const state: SideState = { sequence: side.firstSequence, duplicate: null };
      for (const m of months) out.months.push(writeMonth(o, partners, plan, side, m, state, out));
    }
  }
  return out;
}

function writeMonth(
  o: GenerateOptions,
  partners: readonly Partner[],
  plan: StoryPlan,
  side: TapSide,
  m: Month,
  state: SideState,
  out: TapOutput,
): SideMonthTap {
  const p = side.partner;
  const outbound = side.direction === 'outbound';
  const label = outbound ? 'tap-files' : 'tap-files-inbound';
  const rng = rngFor(o.seed, label, p.tadig, m.key);
  const counts = dailyCounts(o, partners, side, m);
  const routing = routingMix(plan, p, m, side.direction);
  const sm: SideMonthTap = {
    side,
    month: m,
    severe: [],
    fatal: null,
    missing: null,
    lastAvailable: 0,
  };
  const story = (s: { partner: Partner; month: Month }) =>
    outbound && s.partner === p && s.month === m;
  for (const period of periods(m, side.everyDays)) {
    const times = fileTimes(rng, plan, side, m, period);
    const sequence = sequenceText(state.sequence);
    const name = tapFileName(side, state.sequence);
    const file = path.join(o.out, 'tap', name);
    const count = counts.slice(period.first, period.first + period.days).reduce((s, c) => s + c, 0);
    sm.lastAvailable = Math.max(sm.lastAvailable, times.available);
    const lastDay = period.first + period.days;
    if (count === 0 && state.duplicate === null) {
      const sink = new FileSink(file);
      sink.binary(
        encodeFile(tapModule(side), {
          notification: batchControlInfo(side, state.sequence, times),
        }),
      );
      sink.close();
      out.files.push({ path: `tap/${name}`, kind: 'tap-notification', rows: 0 });
      out.ledger.file(side, m, sequence, false);
    } else {
      const totals = new AuditTotals();
      const trailer: Struct = {};
      const dupStory = story(plan.duplicate) && lastDay >= plan.duplicate.day;
      const auditStory =
        story(plan.auditMismatch) &&
        lastDay >= plan.auditMismatch.day &&
        out.facts.auditMismatch === null;
      let delta = 0;
      const pending = state.duplicate;
      state.duplicate = null;
      const fileRng = rng.fork(name);
      const written: TapEvent[] = [];
      const take = (e: TapEvent) => {
        totals.add(e);
        out.ledger.event(side, e, times.available);
        if (auditStory) written.push(e);
      };
      const records = function* (): Generator<Struct> {
        if (pending !== null) {
          take(pending.event);
          sm.severe.push({
            fileSequence: sequence,
            record: pending.record,
            event: pending.event,
            reason: 'duplicate',
          });
          out.facts.duplicateSent(pending.file, name, p, pending.event);
          yield pending.record;
        }
        for (let d = period.first; d < lastDay; d++) {
          for (const e of dayEvents(o, partners, side, m, d, counts[d]!, routing)) {
            take(e);
            const record = tapRecord(side, e);
            if (dupStory && !out.facts.duplicateCaptured) {
              out.facts.duplicateCaptured = true;
              state.duplicate = { record, event: e, file: name };
            } else if (
              !auditStory &&
              (outbound || p.returnsRap) &&
              sm.severe.length < SEVERE_MAX &&
              fileRng.chance(SEVERE_SHARE[side.direction])
            ) {
              sm.severe.push({
                fileSequence: sequence,
                record,
                event: e,
                reason: 'charge-not-agreed',
              });
            }
            yield record;
          }
        }
        if (auditStory) delta = Math.max(1, Math.round(totals.charge * plan.auditMismatch.share));
        trailer.auditControlInfo = totals.audit(side, delta);
      };
      const header = headerGroups(side, state.sequence, times);
      const sink = new FileSink(file);
      for (const chunk of encodeFileChunks(
        tapModule(side),
        'transferBatch',
        header,
        records(),
        trailer,
      ))
        sink.binary(chunk);
      sink.close();
      out.files.push({ path: `tap/${name}`, kind: 'tap-batch', rows: totals.count });
      out.ledger.file(side, m, sequence, true);
      if (auditStory) {
        sm.fatal = {
          fileSequence: sequence,
          audit: trailer.auditControlInfo as Struct,
          events: written,
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
    if (isLate(plan, side, m, period)) out.facts.lateFile(name, times, periodEnd(m, period));
    state.sequence = next(state.sequence);
    const gap = plan.sequenceGap;
    if (story(gap) && lastDay >= gap.day && out.facts.gap === null) {
      out.facts.gap = { partner: p, month: m, before: name, missing: sequenceText(state.sequence) };
      sm.missing = sequenceText(state.sequence);
      state.sequence = next(state.sequence);
    }
  }
  return sm;
}
