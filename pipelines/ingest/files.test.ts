import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/helpers/temp.ts';
import { listInputFiles, scanInputs } from './files.ts';

let inbox = '';

beforeAll(async () => {
  inbox = path.join(await tempDir('files'), 'inbox');
  mkdirSync(path.join(inbox, 'sub'), { recursive: true });
  writeFileSync(path.join(inbox, 'a.csv'), 'x\n1\n');
  writeFileSync(path.join(inbox, 'sub', 'b.csv'), 'x\n2\n');
  writeFileSync(path.join(inbox, 'README.md'), 'about the data');
  symlinkSync(path.join(inbox, 'sub', 'b.csv'), path.join(inbox, 'link-to-b.csv'));
  symlinkSync('/dev/zero', path.join(inbox, 'zero.dat'));
  symlinkSync(path.join(inbox, 'gone'), path.join(inbox, 'dangling'));
  symlinkSync(path.join(inbox, 'sub'), path.join(inbox, 'folder-link'));
  execFileSync('mkfifo', [path.join(inbox, 'pipe')]);
});

describe('input files', () => {
  it('follows links to regular files and refuses devices, FIFOs and other links, one each', async () => {
    const { files, refused } = await scanInputs([inbox]);
    const rel = (f: string) => path.relative(inbox, f);
    expect(files.map(rel)).toEqual(['a.csv', 'link-to-b.csv', path.join('sub', 'b.csv')]);
    expect(Object.fromEntries(refused.map((r) => [rel(r.path), r.why]))).toEqual({
      'zero.dat': 'a character device',
      dangling: 'a link to nothing',
      'folder-link': 'a link to a folder (name the folder itself instead)',
      pipe: 'a FIFO (named pipe)',
    });
  });

  it('refuses a device given directly, and a dangling link given directly is a usage error', async () => {
    expect((await scanInputs(['/dev/zero'])).refused).toEqual([
      { path: '/dev/zero', why: 'a character device' },
    ]);
    await expect(scanInputs([path.join(inbox, 'dangling')])).rejects.toThrow(/a link to nothing/);
    await expect(listInputFiles([inbox])).rejects.toThrow(/not read: it is a/);
  });
});
