/**
 * How pipelines/ hangs together, checked over the TypeScript sources (tests left out): no import
 * cycle between files, none between the top folders (pipelines/columns, ingest, sources, …), the
 * column batches and their writer below everything that uses them, and the sources each on its
 * own, known to ingest, `roam decode` and the build only through the registry (see
 * docs/architecture.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../pipelines/lib/paths.ts';

const pipelines = path.join(projectRoot, 'pipelines');

/** Every TypeScript file under pipelines/ but tests, relative to it (`ingest/run.ts`). */
function sourceFiles(dir = pipelines): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    const ours = entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts');
    return ours ? [path.relative(pipelines, full).split(path.sep).join('/')] : [];
  });
}

/** The relative specifiers a module imports: `import`, `import type`, `export … from`, `import()`. */
function relativeImports(source: string): string[] {
  const pattern =
    /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;
  return [...source.matchAll(pattern)].map((m) => (m[1] ?? m[2]) as string);
}

/** File → the files of pipelines/ it imports (relative to pipelines/). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles()) {
    const text = readFileSync(path.join(pipelines, file), 'utf8');
    const targets = relativeImports(text).map((spec) =>
      path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)),
    );
    graph.set(file, targets);
  }
  return graph;
}

/** The cycles of a graph (its strongly connected components of more than one node, or loops). */
function cycles(nodes: Iterable<string>, next: (node: string) => string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node) as number);
    stack.push(node);
    for (const to of next(node)) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node) as number, low.get(to) as number));
      } else if (stack.includes(to))
        low.set(node, Math.min(low.get(node) as number, index.get(to) as number));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
      component.push(top);
      if (top === node) break;
    }
    if (component.length > 1 || next(node).includes(node)) found.push(component.sort());
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return found;
}

/** `sources/tap/read.ts` → `sources`; `cli.ts` → `.` */
const topFolder = (file: string) => (file.includes('/') ? (file.split('/')[0] as string) : '.');

/** `sources/tap/read.ts` → `tap`; a file of sources/ itself → undefined. */
const sourceFolder = (file: string) =>
  file.startsWith('sources/') && file.split('/').length > 2 ? file.split('/')[1] : undefined;

const graph = importGraph();
const edges = [...graph].flatMap(([from, tos]) => tos.map((to) => ({ from, to })));

describe('imports in pipelines/', () => {
  it('are read from the sources, type imports and re-exports included', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('ingest/run.ts')).toContain('sources/index.ts');
    const text =
      "import type { A } from './a.ts';\nexport { b } from '../b.ts';\nawait import('./c.ts');";
    expect(relativeImports(text)).toEqual(['./a.ts', '../b.ts', './c.ts']);
  });

  it('form no cycle between files', () => {
    expect(cycles(graph.keys(), (file) => graph.get(file) ?? [])).toEqual([]);
  });

  it('form no cycle between the top folders', () => {
    const folders = new Map<string, Set<string>>();
    for (const { from, to } of edges) {
      const [a, b] = [topFolder(from), topFolder(to)];
      if (a !== b) folders.set(a, (folders.get(a) ?? new Set()).add(b));
    }
    expect(cycles(folders.keys(), (f) => [...(folders.get(f) ?? [])])).toEqual([]);
  });

  it('keep lib/ at the bottom, and the column batches and their writer just above it', () => {
    const outside = (folder: string, allowed: RegExp) =>
      edges.filter((e) => e.from.startsWith(folder) && !allowed.test(e.to));
    expect(outside('lib/', /^lib\//)).toEqual([]);
    expect(outside('columns/', /^(columns|lib)\//)).toEqual([]);
  });

  it('keep each source to itself: its own folder, sources/shared and the contract', () => {
    // RAP returns TAP call events: its returns are read with TAP's charge and event code.
    const allowed: Record<string, string[]> = { rap: ['tap'] };
    const crossing = edges.filter(({ from, to }) => {
      const [a, b] = [sourceFolder(from), sourceFolder(to)];
      if (a === undefined || b === undefined || a === b || b === 'shared') return false;
      return !(allowed[a] ?? []).includes(b);
    });
    expect(crossing).toEqual([]);
    const registry = ['sources/index.ts', 'sources/recognise.ts'];
    const back = edges.filter(
      ({ from, to }) => sourceFolder(from) !== undefined && registry.includes(to),
    );
    expect(back).toEqual([]);
    const upwards = edges.filter(
      ({ from, to }) => from.startsWith('sources/') && /^(ingest|commands|build)\//.test(to),
    );
    expect(upwards).toEqual([]);
  });

  it('name no source in ingest, the commands and the build: they go through the registry', () => {
    const named = edges.filter(
      ({ from, to }) => /^(ingest|commands|build)\//.test(from) && sourceFolder(to) !== undefined,
    );
    expect(named).toEqual([]);
  });
});
