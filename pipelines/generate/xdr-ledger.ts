/**
 * What the probe writer put in the exports, for the manifest: per month, attributed partner
 * (empty when the row matches none), direction and procedure the attempts and their classes; and
 * for the story partners the registered subscribers, hourly signalling and data-session setups.
 */
import { causeClasses, type FailureClass } from './cause-classes.ts';
import type { Direction } from './tap-side.ts';
import { monthKey } from './tap-ledger.ts';
import type { XdrEvent, XdrRow } from './xdr-rows.ts';

export interface ProcedureTally {
  month: string;
  /** TADIG of the partner the row belongs to; '' for a network we have no agreement with. */
  partner: string;
  direction: Direction;
  interface: string;
  procedure: string;
  attempts: number;
  successes: number;
  technical: number;
  user: number;
  policy: number;
}

/** Successful registrations: a subscriber is registered in the network (domain.md §6). */
const REGISTRATIONS = new Set(['UpdateLocation', 'UpdateGprsLocation', 'ULR']);
const DATA_SETUP = new Set(['CreatePDPContext', 'CreateSession']);
/** Procedures of the signalling-storm KPI (kpi_catalogue.csv, signalling_storm_hours). */
export const STORM_PROCEDURES = new Set(['SendAuthenticationInfo', 'AIR', 'UpdateLocation', 'ULR']);

export interface Tracked {
  /** Partners whose registered subscribers are kept per month (outbound). */
  registrations: ReadonlySet<string>;
  /** Partner and month whose hourly storm-procedure rows are counted (outbound). */
  hourly: { partner: string; month: string; start: number; hours: number };
  /** Partner whose outbound data-session setups are kept. */
  sessions: string;
}

export interface SessionMonth {
  attempts: Record<string, number>;
  /** Latencies (ms, as written) of successful setups, per routing. */
  latencies: Record<string, number[]>;
}

const tallyKey = (...parts: string[]) => parts.join('|');

export class XdrLedger {
  readonly tallies = new Map<string, ProcedureTally>();
  readonly registered = new Map<string, Set<number>>();
  readonly hourly: number[];
  readonly sessions = new Map<string, SessionMonth>();
  /** Rows per attributed partner of each export without a partner_tadig column. */
  readonly untagged = new Map<string, Record<string, number>>();
  private readonly classOf = causeClasses();

  constructor(readonly tracked: Tracked) {
    this.hourly = new Array<number>(tracked.hourly.hours).fill(0);
  }

  add(e: XdrEvent, row: XdrRow, file: string, tagged: boolean): void {
    const partner = e.stranger === true ? '' : e.partner.tadig;
    const direction: Direction = e.outbound ? 'outbound' : 'inbound';
    const month = monthKey(e.t);
    const { proc } = e;
    const k = tallyKey(month, partner, direction, proc.name);
    let t = this.tallies.get(k);
    if (t === undefined) {
      t = {
        month,
        partner,
        direction,
        interface: proc.interface,
        procedure: proc.name,
        attempts: 0,
        successes: 0,
        technical: 0,
        user: 0,
        policy: 0,
      };
      this.tallies.set(k, t);
    }
    const cls: FailureClass = this.classOf(proc.interface, row.result);
    t.attempts += 1;
    if (cls === 'success') t.successes += 1;
    else t[cls] += 1;
    if (!tagged) {
      const counts = this.untagged.get(file) ?? {};
      counts[partner] = (counts[partner] ?? 0) + 1;
      this.untagged.set(file, counts);
    }
    if (!e.outbound || partner === '') return;
    const tr = this.tracked;
    if (cls === 'success' && REGISTRATIONS.has(proc.name) && tr.registrations.has(partner)) {
      const rk = tallyKey(partner, month);
      let subs = this.registered.get(rk);
      if (subs === undefined) this.registered.set(rk, (subs = new Set()));
      subs.add(e.sub);
    }
    if (
      partner === tr.hourly.partner &&
      month === tr.hourly.month &&
      STORM_PROCEDURES.has(proc.name)
    ) {
      const hour = Math.floor((e.t - tr.hourly.start) / 3_600_000);
      this.hourly[hour] = (this.hourly[hour] ?? 0) + 1;
    }
    if (partner === tr.sessions && DATA_SETUP.has(proc.name)) {
      let s = this.sessions.get(month);
      if (s === undefined) this.sessions.set(month, (s = { attempts: {}, latencies: {} }));
      s.attempts[row.routing] = (s.attempts[row.routing] ?? 0) + 1;
      if (cls === 'success' && row.latency !== null)
        (s.latencies[row.routing] ??= []).push(row.latency);
    }
  }

  tally(month: string, partner: string, direction: Direction, procedure: string) {
    return this.tallies.get(tallyKey(month, partner, direction, procedure));
  }

  registeredSubs(partner: string, month: string): ReadonlySet<number> {
    return this.registered.get(tallyKey(partner, month)) ?? new Set();
  }
}
