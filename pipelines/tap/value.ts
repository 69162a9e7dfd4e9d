/**
 * Reading decoded values (see asn1/types.ts) without casts: typed accessors that return null when a
 * field is absent or of another shape, and a small path language over schema field names.
 */
import type { Struct, Value } from '../asn1/types.ts';

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

/** The child `name` of a struct; undefined when `value` is not a struct or has no such field. */
function childOf(value: Value, name: string): Value | undefined {
  return isStruct(value) ? value[name] : undefined;
}

function collect(
  value: Value,
  path: string,
  list: readonly Segment[],
  at: number,
  out: Found[],
): void {
  if (at === list.length) {
    out.push({ value, path });
    return;
  }
  const segment = list[at] as Segment;
  const child = childOf(value, segment.name);
  if (child === undefined) return;
  const childPath = path === '' ? segment.name : `${path}/${segment.name}`;
  if (!segment.many) {
    collect(child, childPath, list, at + 1, out);
  } else if (Array.isArray(child)) {
    for (let i = 0; i < child.length; i++)
      collect(child[i] as Value, `${childPath}[${i}]`, list, at + 1, out);
  }
}

/**
 * Every value at `path` below `root`. Segments are field names separated by `/`; a segment ending
 * in `[]` iterates a list (`basicServiceUsedList[]/chargeInformationList[]`).
 */
export function select(root: Value | undefined, path: string, basePath = ''): Found[] {
  const out: Found[] = [];
  if (root !== undefined) collect(root, basePath, segments(path), 0, out);
  return out;
}

/** The first value at `list[at…]` below `value`, depth first (the order `select` yields). */
function firstAt(value: Value, list: readonly Segment[], at: number): Value | undefined {
  let current = value;
  for (let k = at; k < list.length; k++) {
    const segment = list[k] as Segment;
    const child = childOf(current, segment.name);
    if (child === undefined) return undefined;
    if (!segment.many) {
      current = child;
      continue;
    }
    if (!Array.isArray(child)) return undefined;
    for (const item of child) {
      const found = firstAt(item, list, k + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  return current;
}

/** Paths split once (see `compilePaths`), for `firstOf` and `sumOf`. */
export type CompiledPaths = readonly (readonly Segment[])[];

export function compilePaths(paths: readonly string[]): CompiledPaths {
  return paths.map(segments);
}

/** The first value found at any of the compiled paths, tried in order. */
export function firstOf(root: Value | undefined, paths: CompiledPaths): Value | undefined {
  if (root === undefined) return undefined;
  for (const path of paths) {
    const found = firstAt(root, path, 0);
    if (found !== undefined) return found;
  }
  return undefined;
}

function sumAt(
  value: Value,
  list: readonly Segment[],
  at: number,
  total: bigint | null,
): bigint | null {
  if (at === list.length) {
    const n = asBigInt(value);
    return n === null ? total : (total ?? 0n) + n;
  }
  const segment = list[at] as Segment;
  const child = childOf(value, segment.name);
  if (child === undefined) return total;
  if (!segment.many) return sumAt(child, list, at + 1, total);
  if (!Array.isArray(child)) return total;
  let sum = total;
  for (const item of child) sum = sumAt(item, list, at + 1, sum);
  return sum;
}

/** The sum of every INTEGER found at the compiled paths, or null when none is present. */
export function sumOf(root: Value | undefined, paths: CompiledPaths): bigint | null {
  let total: bigint | null = null;
  if (root === undefined) return total;
  for (const path of paths) total = sumAt(root, path, 0, total);
  return total;
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
