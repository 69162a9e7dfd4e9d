/**
 * The decode workers stay pure of DuckDB: every module the decode worker imports at run time
 * (`import type` is erased), transitively, is one of ours or a Node built-in. Loading
 * @duckdb/node-api (its native library included) in each worker cost about a quarter of a second
 * of each worker's start, for nothing it used.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The specifiers a module imports at run time: `import … from` and `export … from`, not types. */
function runtimeImports(source: string): string[] {
  const out: string[] = [];
  const pattern = /^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (const match of source.matchAll(pattern)) out.push(match[1] as string);
  return out;
}

/** Every module reached from `entry`: our files by path, packages and built-ins by name. */
function graph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of runtimeImports(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec));
      else seen.add(spec);
    }
  };
  visit(entry);
  return seen;
}

describe('decode worker imports', () => {
  it('reach no package: only our modules and Node built-ins', () => {
    const reached = [...graph(path.resolve(import.meta.dirname, 'decode-worker.ts'))];
    const packages = reached.filter((m) => !m.startsWith('/') && !m.startsWith('node:'));
    expect(packages).toEqual([]);
    // The walk does follow the worker's imports down to the decoders and column builders.
    expect(reached.some((m) => m.endsWith('/asn1/decode-gen.ts'))).toBe(true);
    expect(reached.some((m) => m.endsWith('/columns/text-column.ts'))).toBe(true);
  });

  it('are read without type-only imports', () => {
    const source = [
      "import type { A } from '@duckdb/node-api';",
      "import { b, type C } from './b.ts';",
      "export { d } from './d.ts';",
      "import './side-effect.ts';",
    ].join('\n');
    expect(runtimeImports(source)).toEqual(['./b.ts', './d.ts', './side-effect.ts']);
  });
});
