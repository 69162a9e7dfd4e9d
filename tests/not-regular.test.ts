/** Devices, FIFOs and links to them get one line and exit 1 from decode and ingest, never a hang. */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { samplesDir } from '../pipelines/lib/paths.ts';
import { roam, tempDir } from './helpers/temp.ts';

let dir = '';
let inbox = '';

beforeAll(async () => {
  dir = await tempDir('not-regular');
  inbox = path.join(dir, 'inbox');
  mkdirSync(inbox);
  const nrtrde = path.join(samplesDir, 'nrtrde');
  const [first] = readdirSync(nrtrde).sort();
  copyFileSync(path.join(nrtrde, first ?? ''), path.join(inbox, 'nrtrde-file'));
  symlinkSync(path.join(inbox, 'nrtrde-file'), path.join(inbox, 'linked-nrtrde'));
  symlinkSync('/dev/zero', path.join(inbox, 'zero.dat'));
  execFileSync('mkfifo', [path.join(inbox, 'pipe')]);
});

describe('inputs that are not regular files', () => {
  it('roam decode of a link to /dev/zero and of a FIFO: one line each, exit 1', async () => {
    const result = await roam(['decode', path.join(inbox, 'zero.dat'), path.join(inbox, 'pipe')]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      `error: ${path.join(inbox, 'zero.dat')}: not read: it is a character device, not a regular file`,
      `error: ${path.join(inbox, 'pipe')}: not read: it is a FIFO (named pipe), not a regular file`,
    ]);
  });

  it('roam ingest loads the files and the link to one, refuses the rest, exit 1', async () => {
    const warehouse = path.join(dir, 'warehouse.duckdb');
    const result = await roam(['ingest', inbox, '--warehouse', warehouse, '--format', 'json']);
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout) as {
      files: Array<{ file: string; status: string }>;
      refused: Array<{ path: string; why: string }>;
    };
    expect(summary.files.map((f) => [path.basename(f.file), f.status])).toEqual([
      ['linked-nrtrde', 'loaded'],
      ['nrtrde-file', 'skipped-duplicate'],
    ]);
    expect(summary.refused.map((r) => path.basename(r.path)).sort()).toEqual(['pipe', 'zero.dat']);
    expect(result.stderr).toMatch(/zero\.dat: not read: it is a character device/);
  });
});
