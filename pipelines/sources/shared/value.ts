/**
 * Reading decoded values (see asn1/types.ts) without casts: typed accessors that return null when a
 * field is absent or of another shape, and a small path language over schema field names.
 */
import type { Struct, Value } from '../../asn1/types.ts';
import { compileFunction } from '../../lib/generated-code.ts';

export function isStruct(value: Value | undefined): value is Struct {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Uint8Array)
  );
}

export function asStruct(value: Value | undefined): Struct | undefined {
  return isStruct(value) ? value : undefined;
}

export function asList(value: Value | undefined): Value[] {
  return Array.isArray(value) ? value : [];
}

/** Text of a string field; numbers are written in decimal. */
export function asText(value: Value | undefined): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return value.toString();
  return null;
}

/** An INTEGER as an exact bigint. */
export function asBigInt(value: Value | undefined): bigint | null {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  return null;
}

/** An INTEGER that fits a JavaScript number exactly (codes, counts, seconds). */
export function asInt(value: Value | undefined): number | null {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (
    typeof value === 'bigint' &&
    value <= BigInt(Number.MAX_SAFE_INTEGER) &&
    value >= BigInt(Number.MIN_SAFE_INTEGER)
  ) {
    return Number(value);
  }
  return null;
}

/** The chosen alternative of a CHOICE value: `{ name: value }`. */
export function choiceOf(value: Value | undefined): [string, Value] | undefined {
  const struct = asStruct(value);
  if (struct === undefined) return undefined;
  const entries = Object.entries(struct);
  return entries.length === 1 ? entries[0] : undefined;
}

/** A value found by `select`, with its item path (`a/b[0]/c`). */
export interface Found {
  value: Value;
  path: string;
}

/** One segment of a `select` path: a field name, iterated when it ends in `[]`. */
interface Segment {
  name: string;
  many: boolean;
}

const compiled = new Map<string, Segment[]>();

/** The segments of a path, split once per distinct path. */
function segments(path: string): Segment[] {
  let list = compiled.get(path);
  if (list === undefined) {
    list = path.split('/').map((segment) => {
      const many = segment.endsWith('[]');
      return { name: many ? segment.slice(0, -2) : segment, many };
    });
    compiled.set(path, list);
  }
  return list;
}

const q = (text: string): string => JSON.stringify(text);

/**
 * Code that reads `list[at…]` below the value `v` (a struct, known not to be undefined) and runs
 * `found` on each value it reaches, depth first; a miss falls through. With `p`, the variable
 * holding `v`'s item path, `found` also gets the variable holding the value's item path. Field
 * names are literals, so each load stays monomorphic in V8 (a walk that looks each name up at run
 * time makes one megamorphic load per step).
 */
function walkCode(
  list: readonly Segment[],
  at: number,
  v: string,
  p: string | null,
  found: (v: string, p: string | null) => string,
): string {
  if (at === list.length) return found(v, p);
  const { name, many } = list[at] as Segment;
  const c = `c${at}`;
  const cp = p === null ? null : `p${at}`;
  const read = `const ${c} = isStruct(${v}) ? ${v}[${q(name)}] : undefined;`;
  const path =
    cp === null ? '' : `const ${cp} = ${p} === '' ? ${q(name)} : ${p} + ${q(`/${name}`)};`;
  if (!many)
    return `${read}\nif (${c} !== undefined) {\n${path}\n${walkCode(list, at + 1, c, cp, found)}\n}`;
  const [i, e, ep] = [`i${at}`, `e${at}`, `q${at}`];
  const itemPath = cp === null ? '' : `const ${ep} = ${cp} + '[' + ${i} + ']';`;
  return (
    `${read}\nif (Array.isArray(${c})) {\n${path}\n` +
    `for (let ${i} = 0; ${i} < ${c}.length; ${i}++) {\nconst ${e} = ${c}[${i}];\n${itemPath}\n` +
    `${walkCode(list, at + 1, e, cp === null ? null : ep, found)}\n}\n}`
  );
}

/** Functions made from generated code, with the helpers it calls; `name` names the code. */
function generated<F>(name: string, source: string): F {
  const factory = compileFunction(`sources/${name}`, ['isStruct', 'asBigInt'], source) as (
    struct: typeof isStruct,
    bigInt: typeof asBigInt,
  ) => F;
  return factory(isStruct, asBigInt);
}

type Selector = (root: Value, basePath: string) => Found[];
const selectors = new Map<string, Selector>();

/**
 * Every value at `path` below `root`. Segments are field names separated by `/`; a segment ending
 * in `[]` iterates a list (`basicServiceUsedList[]/chargeInformationList[]`).
 */
export function select(root: Value | undefined, path: string, basePath = ''): Found[] {
  if (root === undefined) return [];
  let selector = selectors.get(path);
  if (selector === undefined) {
    const walk = walkCode(
      segments(path),
      0,
      'root',
      'base',
      (v, p) => `out.push({ value: ${v}, path: ${p} });`,
    );
    selector = generated<Selector>(
      `select ${path.replaceAll('/', '.')}`,
      `return (root, base) => {\nconst out = [];\n${walk}\nreturn out;\n};`,
    );
    selectors.set(path, selector);
  }
  return selector(root, basePath);
}

/** Paths compiled into code that reads them (see `compilePaths`), for `firstOf` and `sumOf`. */
export interface CompiledPaths {
  /** The first value found at any of the paths, tried in order, depth first. */
  readonly first: (root: Value) => Value | undefined;
  /** The sum of every INTEGER found at the paths, or null when none is present. */
  readonly sum: (root: Value) => bigint | null;
}

const compiledPaths = new Map<string, CompiledPaths>();

/** Compiles a list of paths once (the same list again gets the same functions). */
export function compilePaths(paths: readonly string[]): CompiledPaths {
  const key = paths.join('\n');
  let compiled = compiledPaths.get(key);
  if (compiled === undefined) {
    const lists = paths.map(segments);
    const first = lists.map((list) => walkCode(list, 0, 'root', null, (v) => `return ${v};`));
    const add = (v: string) =>
      `{ const n = asBigInt(${v}); if (n !== null) total = (total ?? 0n) + n; }`;
    const sum = lists.map((list) => walkCode(list, 0, 'root', null, add));
    compiled = generated<CompiledPaths>(
      `paths ${(paths[0] ?? '').replaceAll('/', '.')}`,
      `return {\n  first(root) {\n{${first.join('}\n{')}}\nreturn undefined;\n  },\n` +
        `  sum(root) {\nlet total = null;\n{${sum.join('}\n{')}}\nreturn total;\n  },\n};`,
    );
    compiledPaths.set(key, compiled);
  }
  return compiled;
}

/** The first value found at any of the compiled paths, tried in order. */
export function firstOf(root: Value | undefined, paths: CompiledPaths): Value | undefined {
  return root === undefined ? undefined : paths.first(root);
}

/** The sum of every INTEGER found at the compiled paths, or null when none is present. */
export function sumOf(root: Value | undefined, paths: CompiledPaths): bigint | null {
  return root === undefined ? null : paths.sum(root);
}

/** A field met while walking a value: its name, value, item path and the struct holding it. */
export interface FieldVisit {
  name: string;
  value: Value;
  path: string;
  parent: Struct;
}

function visitFields(
  value: Value,
  path: string,
  index: Map<string, FieldVisit[]>,
  only: ReadonlySet<string> | undefined,
): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (i in value) visitFields(value[i] as Value, `${path}[${i}]`, index, only);
    }
    return;
  }
  if (!isStruct(value)) return;
  for (const name in value) {
    const child = value[name] as Value;
    const wanted = only === undefined || only.has(name);
    const inner = typeof child === 'object' && child !== null && !(child instanceof Uint8Array);
    if (!wanted && !inner) continue;
    const childPath = path === '' ? name : `${path}/${name}`;
    if (wanted) {
      const list = index.get(name);
      const entry: FieldVisit = { name, value: child, path: childPath, parent: value };
      if (list === undefined) index.set(name, [entry]);
      else list.push(entry);
    }
    if (inner) visitFields(child, childPath, index, only);
  }
}

/**
 * Every field of every struct below `root`, depth first, grouped by field name. With `only`, the
 * walk still covers everything but indexes just those names (and builds no path for the others).
 * With `into`, its lists are emptied and reused (a name met before then maps to an empty list): for
 * a walk per record without a new index each time.
 */
export function indexFields(
  root: Value,
  basePath: string,
  only?: ReadonlySet<string>,
  into = new Map<string, FieldVisit[]>(),
): Map<string, FieldVisit[]> {
  for (const list of into.values()) list.length = 0;
  visitFields(root, basePath, into, only);
  return into;
}

/** A value as short text for messages. */
export function show(value: Value | undefined): string {
  if (value === undefined) return 'absent';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') {
    return value.toString();
  }
  if (value instanceof Uint8Array) return `0x${Buffer.from(value).toString('hex')}`;
  return Array.isArray(value) ? `a list of ${value.length}` : 'a group';
}
