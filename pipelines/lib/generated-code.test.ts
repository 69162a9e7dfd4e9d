import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileFunction } from './generated-code.ts';

describe('compileFunction', () => {
  const before = process.env.ROAM_GENERATED_DIR;
  afterEach(() => {
    if (before === undefined) delete process.env.ROAM_GENERATED_DIR;
    else process.env.ROAM_GENERATED_DIR = before;
  });

  it('names the code for a debugger, each name once', () => {
    delete process.env.ROAM_GENERATED_DIR;
    const add = compileFunction('test/add', ['a', 'b'], 'return a + b;') as (
      a: number,
      b: number,
    ) => number;
    const again = compileFunction('test/add', ['a'], 'return a;');
    expect(add(2, 3)).toBe(5);
    expect(add.toString()).toContain('//# sourceURL=roam-generated/test/add.js');
    expect(again.toString()).toContain('//# sourceURL=roam-generated/test/add-2.js');
  });

  it('writes the code under ROAM_GENERATED_DIR, as it is compiled', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'roam-generated-'));
    process.env.ROAM_GENERATED_DIR = dir;
    const twice = compileFunction('test/twice x', ['n'], 'return 2 * n;') as (n: number) => number;
    const written = readFileSync(path.join(dir, 'test', 'twice_x.js'), 'utf8');
    expect(written).toContain('(function anonymous(n\n) {\nreturn 2 * n;');
    // The file holds what was compiled: evaluated, it is the same function.
    expect((eval(written) as typeof twice)(21)).toBe(twice(21));
  });
});
