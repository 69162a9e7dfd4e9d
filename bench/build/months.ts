/**
 * Which month each file of a generated world belongs to, so that a benchmark can ingest the first
 * months and then one more. Exports (probes, IPX, active tests) name their month; TAP, RAP and
 * NRTRDE files are read through their batch producers (untimed) and take the month of their last
 * event (a RAP file: of its creation). Reference data and files without events go with the first
 * months.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Manifest } from '../../pipelines/generate/manifest.ts';
import { defaultBatchSize } from '../../pipelines/columns/batch-builder.ts';
import { sources } from '../../pipelines/sources/index.ts';

/** The manifest's kinds of TAP, RAP and NRTRDE files → the kind of their source. */
const berKinds: Record<string, string> = {
  'tap-batch': 'tap',
  'tap-notification': 'tap',
  'rap-return-batch': 'rap',
  'rap-acknowledgement': 'rap',
  nrtrde: 'nrtrde',
};

async function lastEventMonth(kind: string, file: string): Promise<string | null> {
  const read = sources.find((s) => s.kind === kind)?.read;
  if (read === undefined || !('decode' in read)) throw new Error(`no source decodes ${kind}`);
  const source = read.decode(file, defaultBatchSize);
  let step = await source.next();
  while (step.done !== true) step = await source.next();
  const at = step.value.lastEventAt ?? step.value.firstEventAt;
  return at === null ? null : at.slice(0, 7);
}

/** File (relative to the world) → `YYYY-MM`, or null for reference data and empty files. */
export async function monthsOfFiles(
  world: string,
  manifest: Manifest,
): Promise<Record<string, string | null>> {
  const months: Record<string, string | null> = {};
  for (const entry of manifest.files) {
    const ber = berKinds[entry.kind];
    months[entry.path] =
      ber !== undefined
        ? await lastEventMonth(ber, path.join(world, entry.path))
        : (/(\d{4}-\d{2})/.exec(path.basename(entry.path))?.[1] ?? null);
  }
  return months;
}

/** The same, computed once and kept in the world's folder. */
export async function cachedMonths(world: string): Promise<Record<string, string | null>> {
  const cache = path.join(world, '..', 'file-months.json');
  if (existsSync(cache))
    return JSON.parse(readFileSync(cache, 'utf8')) as Record<string, string | null>;
  const manifest = JSON.parse(readFileSync(path.join(world, 'manifest.json'), 'utf8')) as Manifest;
  const months = await monthsOfFiles(world, manifest);
  writeFileSync(cache, JSON.stringify(months));
  return months;
}

/**
 * Two folders of links into the world: `head` (every file up to `lastHeadMonth`, reference data
 * and files without events) and `tail` (the later months).
 */
export function splitWorld(
  world: string,
  months: Record<string, string | null>,
  lastHeadMonth: string,
  out: string,
): { head: string; tail: string; headFiles: number; tailFiles: number } {
  const head = path.join(out, 'head');
  const tail = path.join(out, 'tail');
  rmSync(head, { recursive: true, force: true });
  rmSync(tail, { recursive: true, force: true });
  let headFiles = 0;
  let tailFiles = 0;
  for (const [file, month] of Object.entries(months)) {
    const inHead = month === null || month <= lastHeadMonth;
    const link = path.join(inHead ? head : tail, file);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(path.resolve(world, file), link);
    if (inHead) headFiles += 1;
    else tailFiles += 1;
  }
  return { head, tail, headFiles, tailFiles };
}
