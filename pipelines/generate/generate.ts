/**
 * `roam generate`: a deterministic synthetic roaming world under one folder — reference data,
 * TAP / RAP / NRTRDE files, probe, IPX and active-test exports — and manifest.json describing it.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { probeXdrTable } from '../probes/raw-schema.ts';
import { writeActiveFiles } from './active.ts';
import { monthsFrom } from './calendar.ts';
import { writeIpxFiles } from './ipx.ts';
import { totals, writeManifest, type FileEntry, type Manifest } from './manifest.ts';
import type { GenerateOptions } from './options.ts';
import { csvToParquet } from './parquet.ts';
import { slaAgreements, writeReference } from './reference.ts';
import { planStories } from './stories.ts';
import { xdrStories } from './story-facts.ts';
import { tapStories } from './tap-facts.ts';
import { writeTapFiles } from './tap-files.ts';
import { writeNrtrdeFiles } from './nrtrde.ts';
import { writeRapFiles } from './rap.ts';
import { buildPartners } from './world.ts';
import { writeXdrFiles } from './xdr-files.ts';

export async function generateWorld(o: GenerateOptions): Promise<Manifest> {
  mkdirSync(o.out, { recursive: true });
  const months = monthsFrom(o.from, o.months);
  const partners = buildPartners(o.seed, o.partners);
  const plan = planStories(o, partners, months);
  const sla = slaAgreements(o.seed, partners, months);
  const files: FileEntry[] = writeReference(path.join(o.out, 'reference'), partners, sla).map(
    (f) => ({ path: `reference/${f.path}`, kind: 'reference', rows: f.rows }),
  );
  const xdr = writeXdrFiles(o, partners, months, plan);
  await csvToParquet(probeXdrTable, xdr.conversions);
  files.push(...xdr.files);
  const tap = writeTapFiles(o, partners, months, plan);
  files.push(...tap.files);
  const rap = writeRapFiles(o, tap.months);
  files.push(...rap.files);
  const nrtrde = writeNrtrdeFiles(o, partners, months);
  files.push(...nrtrde.files);
  files.push(...writeIpxFiles(o, partners, months));
  files.push(...writeActiveFiles(o, partners, months, plan));
  const manifest: Manifest = {
    generator: 'roam generate',
    seed: o.seed,
    options: { ...o, out: undefined },
    months: months.map((m) => m.key),
    partners: partners.map((p) => p.tadig),
    totals: totals(files),
    files,
    stories: [
      ...xdrStories(o, partners, plan, sla, xdr),
      ...tapStories(tap.facts, plan),
      {
        story: 'rap-returns',
        description:
          'What we return in RAP: the missing sequence number, the file with the wrong audit total (fatal) and severe returns (the duplicate, and records whose charge does not match the agreement)',
        files: rap.returns,
      },
      {
        story: 'late-nrtrde',
        description: 'NRTRDE files made available more than four hours after their window closed',
        files: nrtrde.lateFiles,
      },
    ],
  };
  writeManifest(o.out, manifest);
  return manifest;
}
