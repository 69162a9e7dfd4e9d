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

/**
 * Every value at `path` below `root`. Segments are field names separated by `/`; a segment ending
 * in `[]` iterates a list (`basicServiceUsedList[]/chargeInformationList[]`).
 */
export function select(root: Value | undefined, path: string, basePath = ''): Found[] {
  let current: Found[] = root === undefined ? [] : [{ value: root, path: basePath }];
  for (const segment of path.split('/')) {
    const many = segment.endsWith('[]');
    const name = many ? segment.slice(0, -2) : segment;
    const next: Found[] = [];
    for (const found of current) {
      const child = asStruct(found.value)?.[name];
      if (child === undefined) continue;
      const childPath = found.path === '' ? name : `${found.path}/${name}`;
      if (!many) next.push({ value: child, path: childPath });
      else
        asList(child).forEach((item, i) => next.push({ value: item, path: `${childPath}[${i}]` }));
    }
    current = next;
  }
  return current;
}

/** The first value found at any of `paths`, tried in order. */
export function first(root: Value | undefined, paths: readonly string[]): Value | undefined {
  for (const path of paths) {
    const found = select(root, path)[0];
    if (found !== undefined) return found.value;
  }
  return undefined;
}

/** The sum of every INTEGER found at `paths`, or null when none is present. */
export function sumAll(root: Value | undefined, paths: readonly string[]): bigint | null {
  let total: bigint | null = null;
  for (const path of paths) {
    for (const found of select(root, path)) {
      const n = asBigInt(found.value);
      if (n !== null) total = (total ?? 0n) + n;
    }
  }
  return total;
}

/** A field met while walking a value: its name, value, item path and the struct holding it. */
export interface FieldVisit {
  name: string;
  value: Value;
  path: string;
  parent: Struct;
}

/** Every field of every struct below `root`, depth first, grouped by field name. */
export function indexFields(root: Value, basePath: string): Map<string, FieldVisit[]> {
  const index = new Map<string, FieldVisit[]>();
  const visit = (value: Value, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${path}[${i}]`));
      return;
    }
    if (!isStruct(value)) return;
    for (const [name, child] of Object.entries(value)) {
      const childPath = path === '' ? name : `${path}/${name}`;
      const list = index.get(name) ?? [];
      list.push({ name, value: child, path: childPath, parent: value });
      index.set(name, list);
      visit(child, childPath);
    }
  };
  visit(root, basePath);
  return index;
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
