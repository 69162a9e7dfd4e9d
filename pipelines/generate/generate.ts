/**
 * `roam generate`: a deterministic synthetic roaming world under one folder — reference data,
 * TAP / RAP / NRTRDE files, probe, IPX and active-test exports — and manifest.json describing it.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { probeXdrTable } from '../sources/probes/raw-schema.ts';
import { writeActiveFiles } from './active.ts';
import { billingStories } from './billing-facts.ts';
import { monthsFrom } from './calendar.ts';
import { catalogueKpi, readCatalogue } from './catalogue.ts';
import { writeExchangeFiles } from './exchange-files.ts';
import { Expectations } from './expect.ts';
import { writeIpxFiles } from './ipx.ts';
import { totals, writeManifest, type FileEntry, type Manifest } from './manifest.ts';
import type { GenerateOptions } from './options.ts';
import { csvToParquet } from './parquet.ts';
import { qualityStories } from './quality-facts.ts';
import { writeReference } from './reference.ts';
import { slaAgreements } from './sla.ts';
import { planStories } from './stories.ts';
import { probeStories } from './story-facts.ts';
import { tapStories } from './tap-facts.ts';
import { writeTapFiles } from './tap-files.ts';
import { TapLedger } from './tap-ledger.ts';
import { writeNrtrdeFiles } from './nrtrde.ts';
import { writeRapFiles } from './rap.ts';
import { buildPartners } from './world.ts';
import { writeXdrFiles } from './xdr-files.ts';
import { XdrLedger } from './xdr-ledger.ts';

export async function generateWorld(o: GenerateOptions): Promise<Manifest> {
  mkdirSync(o.out, { recursive: true });
  const months = monthsFrom(o.from, o.months);
  const partners = buildPartners(o.seed, o.partners);
  const plan = planStories(o, partners, months);
  const kpis = readCatalogue();
  const sla = slaAgreements(o, partners, months, kpis, plan);
  const expect = new Expectations(kpis, sla);
  const files: FileEntry[] = writeReference(path.join(o.out, 'reference'), partners, kpis, sla).map(
    (f) => ({ path: `reference/${f.path}`, kind: 'reference', rows: f.rows }),
  );
  const storm = plan.saiStorm;
  const xdrLedger = new XdrLedger({
    registrations: new Set([plan.silentRoamers.partner.tadig]),
    hourly: {
      partner: storm.partner.tadig,
      month: storm.month.key,
      start: storm.month.start,
      hours: storm.month.days * 24,
    },
    sessions: plan.routingShift.partner.tadig,
  });
  const xdr = writeXdrFiles(o, partners, months, plan, xdrLedger);
  await csvToParquet(probeXdrTable, xdr.conversions);
  files.push(...xdr.files);
  const limits = [catalogueKpi(kpis, 'tap_timeliness').threshold ?? 72, plan.tapLimit.hours];
  const tapLedger = new TapLedger(
    [...new Set(limits)],
    new Set([plan.silentRoamers.partner.tadig]),
  );
  const tap = writeTapFiles(o, partners, months, plan, tapLedger);
  files.push(...tap.files);
  const rap = writeRapFiles(o, tap.months);
  files.push(...rap.files);
  const nrtrdeLimit = catalogueKpi(kpis, 'nrtrde_within_4h').threshold ?? 4;
  const nrtrde = writeNrtrdeFiles(o, partners, months, plan, nrtrdeLimit);
  files.push(...nrtrde.files);
  const ipx = writeIpxFiles(o, partners, months, plan);
  files.push(...ipx.files);
  const active = writeActiveFiles(o, partners, months, plan);
  files.push(...active.files);
  const probe = { o, partners, months, plan, expect, xdr, ledger: xdrLedger, tap: tapLedger };
  const manifest: Manifest = {
    generator: 'roam generate',
    seed: o.seed,
    options: { ...o, out: undefined },
    months: months.map((m) => m.key),
    partners: partners.map((p) => p.tadig),
    totals: totals(files),
    files,
    stories: [],
  };
  const stories = [
    ...probeStories(probe),
    ...tapStories(tap.facts, plan, expect, tapLedger),
    ...billingStories({
      partners,
      months,
      plan,
      expect,
      ledger: tapLedger,
      sides: tap.months,
      rap,
      nrtrde,
    }),
    ...qualityStories({ months, plan, expect, ipx, active: active.tallies }),
  ];
  const lastMonth = months.at(-1)?.key ?? o.from;
  const exchange = writeExchangeFiles(o.out, o.seed, partners, lastMonth, stories, kpis);
  manifest.files.push(...exchange.files);
  manifest.totals = totals(manifest.files);
  manifest.stories = [...stories, exchange.story];
  writeManifest(o.out, manifest);
  return manifest;
}
