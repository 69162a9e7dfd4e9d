/**
 * Compiles the schema JSON into linked type descriptors with per-type tag → route tables, once per
 * module (and, for RAP, once per imported TAP release). Everything the decoder and encoder know
 * about TAP, RAP and NRTRDE comes from here: a new release is a schema change, not a code change.
 */
import { APPLICATION, tagKey, UNIVERSAL } from '../ber/header.ts';
import type { BodyDecoder, ElementDecoder } from './decoders.ts';
import { importsTap, newestTapModule, rawSchema, type RawType } from './schema-json.ts';
import type { ModuleName } from './types.ts';

export const SEQ = 1;
export const SEQ_OF = 2;
export const CHOICE = 3;
export const INT = 4;
/** AsciiString-based: latin1, trimmed. */
export const ASCII = 5;
/** Other named OCTET STRING text bases (NumberString, HexString, Currency): latin1 as sent. */
export const TEXT = 6;
export const BCD = 7;
/** OCTET STRING with no text base: bytes. */
export const BYTES = 8;

/** Text bases with their own value rule; any other untagged OCTET STRING base is TEXT. */
const TEXT_BASES: Readonly<Record<string, number>> = { AsciiString: ASCII, BCDString: BCD };

/** How a child TLV with a given tag maps into its parent's value. */
export interface Route {
  /** Field name (sequence), alternative name (choice), '' (sequence_of). */
  name: string;
  /** Alternatives of untagged CHOICEs crossed on the way, outermost first. */
  wraps: string[];
  /** The type whose tag the TLV carries. */
  type: TypeDesc;
}

export interface FieldDesc {
  name: string;
  type: TypeDesc;
  optional: boolean;
}

export interface TypeDesc {
  name: string;
  kind: number;
  /** Wire tag key, or -1 for an untagged CHOICE (no TLV of its own). */
  tag: number;
  /** Sequence fields or choice alternatives. */
  fields: FieldDesc[];
  fieldNames: Set<string>;
  of: TypeDesc | undefined;
  /** Child tag → route (sequence, sequence_of, choice); filled after linking. */
  byTag: Map<number, Route>;
  /** Size hint from the schema, when given. */
  size: string | undefined;
  /** Generated decoders (decode-gen.ts), compiled on first use. */
  body: BodyDecoder | undefined;
  element: ElementDecoder | undefined;
}

export interface CompiledModule {
  name: ModuleName;
  /** For RAP: the TAP module whose types it imports. */
  tapModule: ModuleName | undefined;
  type(name: string): TypeDesc;
  has(name: string): boolean;
  typeNames(): string[];
  /** The module's top-level type (DataInterChange, RapDataInterChange, Nrtrde). */
  root: TypeDesc;
}

const UNIVERSAL_INTEGER = tagKey(UNIVERSAL, 2);
const UNIVERSAL_OCTET_STRING = tagKey(UNIVERSAL, 4);
const UNIVERSAL_SEQUENCE = tagKey(UNIVERSAL, 16);

function newDesc(name: string, kind: number, tag: number): TypeDesc {
  return {
    name,
    kind,
    tag,
    fields: [],
    fieldNames: new Set(),
    of: undefined,
    byTag: new Map(),
    size: undefined,
    body: undefined,
    element: undefined,
  };
}

class Compiler {
  private readonly descs = new Map<string, TypeDesc>();
  private readonly pending: TypeDesc[] = [];
  private readonly aliases: [TypeDesc, TypeDesc][] = [];

  constructor(
    private readonly lookup: (name: string) => RawType | undefined,
    private readonly moduleLabel: string,
  ) {}

  raw(name: string): RawType {
    const t = this.lookup(name);
    if (t === undefined) throw new Error(`${this.moduleLabel}: type ${name} is not defined`);
    return t;
  }

  resolve(name: string): TypeDesc {
    const known = this.descs.get(name);
    if (known !== undefined) return known;
    const raw = this.raw(name);
    const appTag = raw.tag === undefined ? undefined : tagKey(APPLICATION, raw.tag);
    let d: TypeDesc;
    if (raw.kind === 'primitive') {
      d = this.primitive(name, raw, appTag);
    } else if (raw.kind === 'sequence' || raw.kind === 'sequence_of') {
      d = newDesc(name, raw.kind === 'sequence' ? SEQ : SEQ_OF, appTag ?? UNIVERSAL_SEQUENCE);
      this.descs.set(name, d);
      if (raw.kind === 'sequence') {
        d.fields = (raw.fields ?? []).map((f) => ({
          name: f.name,
          type: this.resolve(f.type),
          optional: f.optional === true,
        }));
      } else {
        if (raw.of === undefined)
          throw new Error(`${this.moduleLabel}: ${name} has no element type`);
        d.of = this.resolve(raw.of);
      }
    } else {
      d = newDesc(name, CHOICE, appTag ?? -1);
      this.descs.set(name, d);
      d.fields = (raw.alternatives ?? []).map((a) => ({
        name: a.name,
        type: this.resolve(a.type),
        optional: false,
      }));
    }
    d.fieldNames = new Set(d.fields.map((f) => f.name));
    this.descs.set(name, d);
    this.pending.push(d);
    return d;
  }

  /** A primitive: a universal base, a text base, or an alias re-tagging another type. */
  private primitive(name: string, raw: RawType, appTag: number | undefined): TypeDesc {
    let tag = appTag;
    let cur = raw;
    let curName = name;
    while (cur.kind === 'primitive') {
      if (tag === undefined && cur.tag !== undefined) tag = tagKey(APPLICATION, cur.tag);
      const base = cur.base ?? 'OCTET STRING';
      if (base === 'INTEGER' || base === 'OCTET STRING') {
        // The text base is the untagged type right above OCTET STRING (AsciiString, BCDString…).
        const kind =
          base === 'INTEGER' ? INT : cur.tag !== undefined ? BYTES : (TEXT_BASES[curName] ?? TEXT);
        const d = newDesc(
          name,
          kind,
          tag ?? (kind === INT ? UNIVERSAL_INTEGER : UNIVERSAL_OCTET_STRING),
        );
        d.size = raw.size;
        return d;
      }
      curName = base;
      cur = this.raw(base);
    }
    // An alias of a structured type: its structure under the alias's tag (a CHOICE stays a
    // CHOICE: tagged means an explicit wrapper, untagged means no TLV of its own).
    const target = this.resolve(curName);
    const d = newDesc(name, target.kind, tag ?? target.tag);
    d.size = raw.size;
    this.aliases.push([d, target]);
    return d;
  }

  /** Fills every descriptor's tag → route table; throws on ambiguous tags. */
  link(): void {
    for (const [alias, target] of this.aliases) {
      alias.fields = target.fields;
      alias.of = target.of;
      alias.fieldNames = new Set(alias.fields.map((f) => f.name));
    }
    for (const d of [...this.pending, ...this.aliases.map(([a]) => a)]) {
      d.byTag = new Map();
      const add = (tag: number, route: Route): void => {
        if (d.byTag.has(tag)) throw new Error(`${this.moduleLabel}: ambiguous tag in ${d.name}`);
        d.byTag.set(tag, route);
      };
      if (d.kind === SEQ || d.kind === CHOICE) {
        for (const f of d.fields) {
          for (const r of firstRoutes(f.type))
            add(r.tag, { name: f.name, wraps: r.wraps, type: r.type });
        }
      } else if (d.kind === SEQ_OF && d.of !== undefined) {
        for (const r of firstRoutes(d.of)) add(r.tag, { name: '', wraps: r.wraps, type: r.type });
      }
    }
  }

  has(name: string): boolean {
    return this.descs.has(name);
  }
}

/** The tags a value of `d` can start with, and the untagged choices crossed to reach each. */
export function firstRoutes(d: TypeDesc): { tag: number; wraps: string[]; type: TypeDesc }[] {
  if (d.kind !== CHOICE || d.tag >= 0) return [{ tag: d.tag, wraps: [], type: d }];
  const out: { tag: number; wraps: string[]; type: TypeDesc }[] = [];
  for (const alt of d.fields) {
    for (const r of firstRoutes(alt.type))
      out.push({ tag: r.tag, wraps: [alt.name, ...r.wraps], type: r.type });
  }
  return out;
}

const ROOTS: readonly string[] = ['DataInterChange', 'RapDataInterChange', 'Nrtrde'];

function compile(name: ModuleName, tapModule: ModuleName | undefined): CompiledModule {
  const schema = rawSchema();
  const own = schema[name];
  const imported = tapModule === undefined ? undefined : schema[tapModule];
  const c = new Compiler(
    (n) => own[n] ?? imported?.[n],
    tapModule === undefined ? name : `${name}+${tapModule}`,
  );
  for (const n of Object.keys(own)) c.resolve(n);
  c.link();
  const rootName = ROOTS.find((r) => r in own);
  if (rootName === undefined) throw new Error(`${name}: no top-level type`);
  const root = c.resolve(rootName);
  return {
    name,
    tapModule,
    type: (n) => {
      if (!c.has(n)) {
        c.resolve(n);
        c.link();
      }
      return c.resolve(n);
    },
    has: (n) => own[n] !== undefined || imported?.[n] !== undefined,
    typeNames: () => Object.keys(own),
    root,
  };
}

const compiled = new Map<string, CompiledModule>();

/**
 * The compiled module. A module that imports TAP types (RAP) is compiled against `tapModule`
 * (default: the newest TAP module).
 */
export function compiledModule(name: ModuleName, tapModule?: ModuleName): CompiledModule {
  const tap = importsTap(name) ? (tapModule ?? newestTapModule()) : undefined;
  const key = tap === undefined ? name : `${name}+${tap}`;
  let m = compiled.get(key);
  if (m === undefined) {
    m = compile(name, tap);
    compiled.set(key, m);
  }
  return m;
}

/**
 * The route of a top-level type's repeated records: its SEQUENCE OF field whose elements are an
 * untagged CHOICE (CallEventDetailList, ReturnDetailList, NRTRDE CallEventList).
 */
export function recordsRoute(top: TypeDesc): Route | undefined {
  for (const r of top.byTag.values()) {
    const of = r.type.of;
    if (r.type.kind === SEQ_OF && of !== undefined && of.kind === CHOICE && of.tag < 0) return r;
  }
  return undefined;
}
