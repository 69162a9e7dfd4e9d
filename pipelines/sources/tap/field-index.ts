/**
 * The validator's per-record field index (value.ts `indexFields` with `only`), as code generated
 * per record kind from the schema: one function per structured type reads the type's fields that
 * are asked for, or that can lead to one, by their literal names, so V8 keeps each load
 * monomorphic; the generic walk looks every key of every struct up by a name it only knows at run
 * time. Same visits, in schema order (decoded values keep the order of the wire, which the schema
 * prescribes).
 */
import { CHOICE, compiledModule, SEQ, SEQ_OF, type TypeDesc } from '../../asn1/schema.ts';
import type { ModuleName, Struct, Value } from '../../asn1/types.ts';
import { compileFunction } from '../../lib/generated-code.ts';
import type { FieldVisit } from '../shared/value.ts';

/** Indexes the fields of one record body under `basePath` into `index` (lists emptied first). */
export type FieldIndexer = (
  body: Struct,
  basePath: string,
  index: Map<string, FieldVisit[]>,
) => void;

const q = (s: string): string => JSON.stringify(s);

/** Adds one visit to the index. */
function visit(
  index: Map<string, FieldVisit[]>,
  name: string,
  value: Value,
  path: string,
  parent: Struct,
): void {
  const entry: FieldVisit = { name, value, path, parent };
  const list = index.get(name);
  if (list === undefined) index.set(name, [entry]);
  else list.push(entry);
}

/** Writes one function per structured type reachable from a record kind's type. */
class Generator {
  private readonly ids = new Map<TypeDesc, number>();
  private readonly leads = new Map<TypeDesc, boolean>();
  readonly functions: string[] = [];

  constructor(private readonly only: ReadonlySet<string>) {}

  /** Whether a value of `d` can hold a field asked for. */
  private leadsTo(d: TypeDesc, seen = new Set<TypeDesc>()): boolean {
    const known = this.leads.get(d);
    if (known !== undefined) return known;
    if (seen.has(d)) return false;
    seen.add(d);
    let found = false;
    if (d.kind === SEQ_OF && d.of !== undefined) found = this.leadsTo(d.of, seen);
    else if (d.kind === SEQ || d.kind === CHOICE)
      found = d.fields.some((f) => this.only.has(f.name) || this.leadsTo(f.type, seen));
    seen.delete(d);
    // Only a final answer is kept: within a cycle, false may just mean "not yet known".
    if (found || seen.size === 0) this.leads.set(d, found);
    return found;
  }

  /** The name of the function that walks a struct of type `d` (SEQUENCE or CHOICE). */
  walker(d: TypeDesc): string {
    let id = this.ids.get(d);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(d, id);
      this.functions.push(''); // reserves the slot; a recursive type refers to it by name
      const body = d.fields
        .map((f) => this.field(f.name, f.type))
        .filter((code) => code !== '')
        .join('\n');
      this.functions[id] = `function w${id}(o, p, x) {\n  let v;\n${body}\n}`;
    }
    return `w${id}`;
  }

  /** Code for one field `name` of type `d` of the struct `o` at path `p`. */
  private field(name: string, d: TypeDesc): string {
    const indexed = this.only.has(name);
    const inner = this.descend(d, 'v', 'c');
    if (!indexed && inner === '') return '';
    const path = `(p === '' ? ${q(name)} : p + ${q(`/${name}`)})`;
    return [
      `  v = o[${q(name)}];`,
      '  if (v !== undefined) {',
      `    const c = ${path};`,
      indexed ? `    visit(x, ${q(name)}, v, c, o);` : '',
      inner,
      '  }',
    ].join('\n');
  }

  /** Code that walks the value `v` of type `d` at path `path` (empty when nothing can be found). */
  private descend(d: TypeDesc, v: string, path: string, depth = 0): string {
    if (!this.leadsTo(d)) return '';
    if (d.kind === SEQ || d.kind === CHOICE)
      return `    if (typeof ${v} === 'object' && ${v} !== null && !Array.isArray(${v})) ${this.walker(d)}(${v}, ${path}, x);`;
    if (d.kind !== SEQ_OF || d.of === undefined) return '';
    const i = `i${depth}`;
    const item = `e${depth}`;
    const inner = this.descend(d.of, item, `${path} + '[' + ${i} + ']'`, depth + 1);
    return [
      `    if (Array.isArray(${v}))`,
      `      for (let ${i} = 0; ${i} < ${v}.length; ${i}++) {`,
      `        const ${item} = ${v}[${i}];`,
      `        if (${item} !== undefined) {`,
      inner,
      '        }',
      '      }',
    ].join('\n');
  }
}

function compileIndexer(type: TypeDesc, only: ReadonlySet<string>, name: string): FieldIndexer {
  const generator = new Generator(only);
  const root = generator.walker(type);
  const source = `${generator.functions.join('\n')}\nreturn ${root};`;
  type Walk = (o: Struct, p: string, x: Map<string, FieldVisit[]>) => void;
  const factory = compileFunction(`sources/tap/fields-${name}`, ['visit'], source) as (
    add: typeof visit,
  ) => Walk;
  const walk = factory(visit);
  return (body, basePath, index) => {
    for (const list of index.values()) list.length = 0;
    walk(body, basePath, index);
  };
}

const cache = new Map<string, FieldIndexer | null>();
const onlyIds = new WeakMap<ReadonlySet<string>, number>();
let nextOnlyId = 0;

/**
 * The generated indexer of the fields named in `only` for records of `kind` in `module`; null when
 * the schema has no such record kind (the caller falls back to the generic walk).
 */
export function fieldIndexer(
  module: ModuleName,
  kind: string,
  only: ReadonlySet<string>,
): FieldIndexer | null {
  let onlyId = onlyIds.get(only);
  if (onlyId === undefined) {
    onlyId = nextOnlyId++;
    onlyIds.set(only, onlyId);
  }
  const key = `${module} ${kind} ${onlyId}`;
  let indexer = cache.get(key);
  if (indexer === undefined) {
    const schema = compiledModule(module);
    const records = schema.has('CallEventDetail') ? schema.type('CallEventDetail') : undefined;
    const type = records?.fields.find((f) => f.name === kind)?.type;
    indexer =
      type === undefined || type.kind !== SEQ
        ? null
        : compileIndexer(type, only, `${module}-${kind}`);
    cache.set(key, indexer);
  }
  return indexer;
}
