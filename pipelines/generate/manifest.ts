/** manifest.json: seed, options, every file with its kind and counts, and the planted stories. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GenerateOptions } from './options.ts';

export type FileKind =
  | 'reference'
  | 'probe-xdr'
  | 'active-tests'
  | 'ipx-measurements'
  | 'tap-batch'
  | 'tap-notification'
  | 'rap-return-batch'
  | 'rap-acknowledgement'
  | 'nrtrde'
  | 'kpi-exchange';

export interface FileEntry {
  /** Relative to the output folder, `/`-separated. */
  path: string;
  kind: FileKind;
  /** CSV / Parquet rows, or call events / return details in a TAP, RAP or NRTRDE file. */
  rows: number;
}

export interface Story {
  story: string;
  description: string;
  [fact: string]: unknown;
}

export interface Manifest {
  generator: string;
  seed: number;
  /** The options, without the output folder (so the manifest does not depend on it). */
  options: Omit<GenerateOptions, 'out'> & { out?: undefined };
  months: string[];
  partners: string[];
  totals: Record<string, { files: number; rows: number }>;
  files: FileEntry[];
  stories: Story[];
}

export function totals(files: readonly FileEntry[]): Manifest['totals'] {
  const out: Manifest['totals'] = {};
  for (const f of files) {
    const t = (out[f.kind] ??= { files: 0, rows: 0 });
    t.files += 1;
    t.rows += f.rows;
  }
  return out;
}

export function writeManifest(out: string, manifest: Manifest): void {
  const files = [...manifest.files].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
  const text = JSON.stringify({ ...manifest, files }, null, 2);
  writeFileSync(path.join(out, 'manifest.json'), `${text}\n`);
}

/** A path relative to `out` with `/` separators, whatever the platform. */
export function relative(out: string, file: string): string {
  return path.relative(out, file).split(path.sep).join('/');
}
