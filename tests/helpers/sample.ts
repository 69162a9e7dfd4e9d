/** Facts about the shipped sample, read from its files and manifest (never typed in by hand). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { referenceDir, samplesDir } from '../../pipelines/lib/paths.ts';

export interface PdpStory {
  story: 'pdp-success-drop';
  partner: string;
  month: string;
  target: number;
  attempts: number;
  successes: number;
}

interface Manifest {
  months: string[];
  stories: Array<{ story: string } & Record<string, unknown>>;
}

export const manifest = JSON.parse(
  readFileSync(path.join(samplesDir, 'manifest.json'), 'utf8'),
) as Manifest;

export function pdpStory(): PdpStory {
  const story = manifest.stories.find((s) => s.story === 'pdp-success-drop');
  if (story === undefined) throw new Error('the sample has no pdp-success-drop story');
  return story as unknown as PdpStory;
}

/** partners.csv as TADIG → name (its names contain no commas). */
export function samplePartners(): Map<string, string> {
  const [, ...lines] = readFileSync(path.join(referenceDir, 'partners.csv'), 'utf8')
    .trim()
    .split('\n');
  return new Map(lines.map((l) => l.split(',')).map(([tadig, name]) => [tadig ?? '', name ?? '']));
}

export const probeHeader =
  'event_time,partner_tadig,direction,interface,procedure,imsi,result_code,latency_ms';
