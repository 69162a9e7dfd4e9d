import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { LineSpool } from './decode-spool.ts';

const spoolDirs = (): string[] =>
  readdirSync(os.tmpdir()).filter((name) => name.startsWith('roam-decode-'));

describe('the findings spool', () => {
  it('gives back the lines in order from memory while they are few', async () => {
    const spool = new LineSpool(10);
    ['a', 'b'].forEach((l) => spool.add(l));
    expect(spool.count).toBe(2);
    const out: string[] = [];
    for await (const l of spool.drain()) out.push(l);
    expect(out).toEqual(['a', 'b']);
  });

  it('moves them to a temporary file past its memory, and removes the file once drained', async () => {
    const before = new Set(spoolDirs());
    const spool = new LineSpool(2);
    const lines = Array.from({ length: 7 }, (_, i) => `    severe RULE #${i} path: message ${i}`);
    lines.forEach((l) => spool.add(l));
    const made = spoolDirs().filter((d) => !before.has(d));
    expect(made).toHaveLength(1);
    const out: string[] = [];
    for await (const l of spool.drain()) out.push(l);
    expect(out).toEqual(lines);
    expect(existsSync(`${os.tmpdir()}/${made[0]!}`)).toBe(false);
    expect(spool.count).toBe(0);
  });
});
