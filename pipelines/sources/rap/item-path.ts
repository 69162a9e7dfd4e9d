/**
 * RAP ErrorContext → a readable item path. Each context names an item by its APPLICATION tag
 * (PathItemId), its level in the structure and, for repeated items, its occurrence; the names come
 * from the schema of the TAP release the RAP file returns (then RAP's own types).
 */
import { rawSchema } from '../../asn1/schema-json.ts';
import type { ModuleName, Value } from '../../asn1/types.ts';
import { asInt, asList, asStruct } from '../shared/value.ts';

const cache = new Map<string, Map<number, string>>();

/** APPLICATION tag → type name, for a TAP module and RAP 1.05 (TAP names win). */
export function tagNames(tapModule: ModuleName | undefined): Map<number, string> {
  const key = tapModule ?? '';
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const names = new Map<number, string>();
  const schema = rawSchema();
  for (const module of [tapModule, 'RAP-1.05' as const]) {
    if (module === undefined) continue;
    for (const [name, type] of Object.entries(schema[module])) {
      if (type.tag !== undefined && !names.has(type.tag)) names.set(type.tag, name);
    }
  }
  cache.set(key, names);
  return names;
}

/**
 * `[{pathItemId: 3, itemLevel: 1}, {pathItemId: 9, itemOccurrence: 2, itemLevel: 2}]` →
 * `CallEventDetailList/MobileOriginatedCall[2]`. Unknown tags are written as numbers.
 */
export function rapItemPath(
  errorContext: Value | undefined,
  names: ReadonlyMap<number, string>,
): string {
  return asList(errorContext)
    .map((v) => asStruct(v) ?? {})
    .map((c) => ({
      id: asInt(c.pathItemId),
      level: asInt(c.itemLevel) ?? 0,
      occurrence: asInt(c.itemOccurrence),
    }))
    .sort((a, b) => a.level - b.level)
    .map((c) => {
      const name = c.id === null ? '?' : (names.get(c.id) ?? String(c.id));
      return c.occurrence === null ? name : `${name}[${c.occurrence}]`;
    })
    .join('/');
}
