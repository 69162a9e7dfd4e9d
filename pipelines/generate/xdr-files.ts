/**
 * Probe exports: one file per month and interface family (MAP, Diameter, GTP), rows in time
 * order. The main traffic is one stream of sorted times whose partner, procedure and direction
 * are drawn by weight; planted rows (SAI storm, silent roamers, a non-partner network) are merged
 * in by time. One export in each pair of months comes without the partner_tadig column, as many
 * real probes deliver them: its rows are attributed by IMSI, serving node or origin realm.
 */
import path from 'node:path';
import { fileColumns } from '../columns/raw-table.ts';
import { probeXdrTable } from '../sources/probes/raw-schema.ts';
import { DAY, type Month } from './calendar.ts';
import { CsvSink } from './csv-writer.ts';
import { relative, type FileEntry } from './manifest.ts';
import type { GenerateOptions } from './options.ts';
import type { Conversion } from './parquet.ts';
import { rngFor, WeightedPicker } from './prng.ts';
import { routingMix, type StoryPlan } from './stories.ts';
import { sortedTimes } from './times.ts';
import { expectedXdr, pools } from './volumes.ts';
import { FAMILIES, PROCEDURES, type Family, type Procedure } from './xdr-codes.ts';
import type { XdrLedger } from './xdr-ledger.ts';
import { pickCode, Quota, XdrRows, type XdrEvent } from './xdr-rows.ts';
import { storyEvents } from './xdr-stories.ts';
import type { Partner } from './world.ts';

/**
 * The columns the generator writes: the raw table's, but for the GTPv2 Serving Network PLMN, which
 * its exports do not carry (every export with GTPv2 rows names the partner instead).
 */
export const XDR_COLUMNS = fileColumns(probeXdrTable)
  .map((c) => c.name)
  .filter((c) => c !== 'serving_plmn');

interface Slot {
  partner: Partner;
  proc: Procedure;
  outbound: boolean;
}

function procedureShares(p: Partner): Map<Procedure, number> {
  const raw = PROCEDURES.map(
    (proc) =>
      [
        proc,
        proc.weight.legacy * p.legacyShare +
          proc.weight.modern * (1 - p.legacyShare) +
          proc.weight.any,
      ] as const,
  );
  const total = raw.reduce((s, [, w]) => s + w, 0);
  return new Map(raw.map(([proc, w]) => [proc, w / total]));
}

function familySlots(o: GenerateOptions, partners: readonly Partner[], family: Family) {
  const entries: [Slot, number][] = [];
  for (const partner of partners) {
    const e = expectedXdr(o, partners, partner);
    for (const [proc, share] of procedureShares(partner)) {
      if (proc.family !== family) continue;
      entries.push([{ partner, proc, outbound: true }, e * share * partner.outboundShare]);
      entries.push([{ partner, proc, outbound: false }, e * share * (1 - partner.outboundShare)]);
    }
  }
  return entries;
}

/** Which files are CSV: one family per month, rotating, so both formats always occur. */
export function xdrFormat(familyIndex: number, monthIndex: number): 'csv' | 'parquet' {
  return (familyIndex + monthIndex) % 3 === 0 ? 'csv' : 'parquet';
}

/**
 * Whether an export carries partner_tadig: all but one per pair of months, the MAP or the
 * Diameter one in turn (GTP exports always do: no rule attributes an outbound GTPv2 row).
 */
export function xdrHasPartner(familyIndex: number, monthIndex: number): boolean {
  const pair = Math.floor(monthIndex / 2);
  return !(monthIndex === 2 * pair + (pair % 2) && familyIndex === pair % 2);
}

export interface XdrOutput {
  files: FileEntry[];
  /** CSV files to turn into Parquet. */
  conversions: Conversion[];
  /** GTPv1 CreatePDPContext of the PDP story: attempts and failures as written. */
  pdp: { attempts: number; failures: number };
  /** Outbound SAI rows of the storm partner per day of the storm month (index 0 = day 1). */
  saiPerDay: number[];
  /** Exports written without partner_tadig. */
  untagged: string[];
}

export function writeXdrFiles(
  o: GenerateOptions,
  partners: readonly Partner[],
  months: readonly Month[],
  stories: StoryPlan,
  ledger: XdrLedger,
): XdrOutput {
  const out: XdrOutput = {
    files: [],
    conversions: [],
    pdp: { attempts: 0, failures: 0 },
    saiPerDay: new Array<number>(stories.saiStorm.month.days).fill(0),
    untagged: [],
  };
  const pdp = new Quota(stories.pdpDrop.failureRate);
  months.forEach((month, mi) => {
    FAMILIES.forEach((family, fi) => {
      const rng = rngFor(o.seed, 'xdr', month.key, family);
      const entries = familySlots(o, partners, family);
      const picker = new WeightedPicker(entries);
      const count = Math.round(entries.reduce((s, [, w]) => s + w, 0));
      const extras = storyEvents(o, partners, stories, month, family);
      const format = xdrFormat(fi, mi);
      const tagged = xdrHasPartner(fi, mi);
      const columns = tagged ? XDR_COLUMNS : XDR_COLUMNS.filter((c) => c !== 'partner_tadig');
      const name = `xdr-${family}-${month.key}.${format}`;
      const csvPath = path.join(o.out, 'probes', format === 'csv' ? name : `.${name}.csv`);
      const sink = new CsvSink(csvPath, columns);
      const rows = new XdrRows(rng.fork('rows'));
      const poolOf = new Map(partners.map((p) => [p, pools(o, partners, p)]));
      const storm = stories.saiStorm;
      const emit = (e: XdrEvent) => {
        if (
          month === storm.month &&
          e.partner === storm.partner &&
          e.outbound &&
          e.proc.name === 'SendAuthenticationInfo'
        ) {
          const day = Math.floor((e.t - month.start) / DAY);
          out.saiPerDay[day] = (out.saiPerDay[day] ?? 0) + 1;
        }
        const mix = routingMix(stories, e.partner, month, e.outbound ? 'outbound' : 'inbound');
        const row = rows.line(e, tagged, mix);
        ledger.add(e, row, name, tagged);
        sink.line(row.line);
      };
      let x = 0;
      for (const t of sortedTimes(rng, count, month.start, month.end)) {
        while (x < extras.length && extras[x]!.t <= t) emit(extras[x++]!);
        const slot = picker.pick(rng);
        const pool = poolOf.get(slot.partner)!;
        const e: XdrEvent = {
          t,
          ...slot,
          sub: rng.int(slot.outbound ? pool.outbound : pool.inbound),
        };
        if (
          slot.partner === stories.pdpDrop.partner &&
          month === stories.pdpDrop.month &&
          slot.outbound &&
          slot.proc.name === 'CreatePDPContext'
        ) {
          e.result = pdp.fail()
            ? pickCode(rng, [
                [199, 4],
                [229, 3],
                [204, 2],
              ])
            : 128;
        }
        emit(e);
      }
      while (x < extras.length) emit(extras[x++]!);
      sink.close();
      const finalPath = path.join(o.out, 'probes', name);
      if (format === 'parquet') out.conversions.push({ csv: csvPath, parquet: finalPath, columns });
      if (!tagged) out.untagged.push(name);
      out.files.push({ path: relative(o.out, finalPath), kind: 'probe-xdr', rows: sink.rows });
    });
  });
  out.pdp = { attempts: pdp.attempts, failures: pdp.failures };
  return out;
}
