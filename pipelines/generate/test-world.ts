/** Test support: generate a small world once per test file into a temporary folder. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateWorld } from './generate.ts';
import type { Manifest } from './manifest.ts';
import { resolveOptions, type RawGenerateOptions } from './options.ts';

export async function smallWorld(
  raw: RawGenerateOptions = {},
): Promise<{ dir: string; manifest: Manifest }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'roam-generate-'));
  const manifest = await generateWorld(resolveOptions({ scale: 'small', ...raw, out: dir }));
  return { dir, manifest };
}

/** Every file under `dir` (relative, `/`-separated) with the sha256 of its bytes. */
export function digests(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (sub: string) => {
    for (const name of readdirSync(path.join(dir, sub)).sort()) {
      const rel = sub === '' ? name : `${sub}/${name}`;
      if (statSync(path.join(dir, rel)).isDirectory()) walk(rel);
      else
        out.set(
          rel,
          createHash('sha256')
            .update(readFileSync(path.join(dir, rel)))
            .digest('hex'),
        );
    }
  };
  walk('');
  return out;
}
