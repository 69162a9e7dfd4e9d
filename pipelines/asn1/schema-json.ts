import { readFileSync } from 'node:fs';
import type { ModuleName } from './types.ts';

/** One type of the schema JSON, as written there. */
export interface RawType {
  kind: 'sequence' | 'sequence_of' | 'choice' | 'primitive';
  tag?: number;
  base?: string;
  size?: string;
  of?: string;
  fields?: { name: string; type: string; optional?: boolean }[];
  alternatives?: { name: string; type: string }[];
}

export type RawSchema = Record<ModuleName, Record<string, RawType>>;

let cached: RawSchema | undefined;

/** The schema JSON beside this file, read once. */
export function rawSchema(): RawSchema {
  cached ??= JSON.parse(
    readFileSync(new URL('./tap-rap-nrtrde.schema.json', import.meta.url), 'utf8'),
  ) as RawSchema;
  return cached;
}

/** Every module the schema describes, in the schema's order. */
export function moduleNames(): ModuleName[] {
  return Object.keys(rawSchema()) as ModuleName[];
}

/** `TAP-3.12` → `{ spec: 3, release: 12 }`. */
export function tapVersionOf(module: string): { spec: number; release: number } | undefined {
  const m = /^TAP-(\d+)\.(\d+)$/.exec(module);
  return m === null ? undefined : { spec: Number(m[1]), release: Number(m[2]) };
}

/** The TAP module for a specification/release pair, when the schema has it. */
export function tapModuleFor(spec: number, release: number): ModuleName | undefined {
  return moduleNames().find((m) => {
    const v = tapVersionOf(m);
    return v !== undefined && v.spec === spec && v.release === release;
  });
}

/** The newest TAP module of the schema (used for RAP files that do not name their release). */
export function newestTapModule(): ModuleName {
  let best: ModuleName | undefined;
  let bestRank = -1;
  for (const m of moduleNames()) {
    const v = tapVersionOf(m);
    if (v !== undefined && v.spec * 1000 + v.release > bestRank) {
      best = m;
      bestRank = v.spec * 1000 + v.release;
    }
  }
  if (best === undefined) throw new Error('the schema has no TAP module');
  return best;
}

const imports = new Map<ModuleName, boolean>();

/**
 * Modules whose types are not all defined locally import them from a TAP module (RAP). Asked for
 * each file decoded: worked out once per module.
 */
export function importsTap(module: ModuleName): boolean {
  let answer = imports.get(module);
  if (answer === undefined) {
    answer = referencesOtherTypes(module);
    imports.set(module, answer);
  }
  return answer;
}

function referencesOtherTypes(module: ModuleName): boolean {
  const types = rawSchema()[module];
  for (const t of Object.values(types)) {
    const refs = [
      ...(t.fields ?? []).map((f) => f.type),
      ...(t.alternatives ?? []).map((a) => a.type),
      ...(t.of === undefined ? [] : [t.of]),
      ...(t.base === undefined ? [] : [t.base]),
    ];
    for (const r of refs) if (r !== 'INTEGER' && r !== 'OCTET STRING' && !(r in types)) return true;
  }
  return false;
}
