/**
 * Generated decoders: one function per constructed type (SEQUENCE, SEQUENCE OF, tagged CHOICE),
 * compiled from its tag routes on first use, with a `switch` on the child tag, primitive children
 * decoded inline, constructed children calling their own generated function, and literal property
 * names (V8 keeps such stores monomorphic, unlike `obj[name] = v`). Data in, code out: a new
 * release needs no code change. The code only ever embeds numbers and JSON-quoted schema names.
 */
import { readInteger } from '../ber/integer.ts';
import { readBcd, readLatin1 } from '../ber/strings.ts';
import { compileFunction } from '../lib/generated-code.ts';
import type { DecodeState } from './decode-state.ts';
import type { BodyDecoder, ElementDecoder } from './decoders.ts';
import {
  ASCII,
  BCD,
  BYTES,
  CHOICE,
  INT,
  SEQ,
  SEQ_OF,
  TEXT,
  type Route,
  type TypeDesc,
} from './schema.ts';

export interface GenDeps {
  nextChild: (st: DecodeState, p: number, ce: number, indefinite: boolean) => number;
  skipUnknown: (st: DecodeState, p: number, end: number) => number;
}

const q = (s: string): string => JSON.stringify(s);

function wrapped(wraps: string[], v: string): string {
  let out = v;
  for (let i = wraps.length - 1; i >= 0; i--) out = `{ ${q(wraps[i]!)}: ${out} }`;
  return out;
}

const READ: Readonly<Record<number, string>> = {
  // Up to 4 octets fit an int32: no call, no float maths.
  [INT]: `len <= 4
          ? len === 1 ? (buf[cc] << 24) >> 24
            : len === 2 ? (((buf[cc] << 24) >> 16) | buf[cc + 1])
            : len === 3 ? (((buf[cc] << 24) >> 8) | (buf[cc + 1] << 8) | buf[cc + 2])
            : ((buf[cc] << 24) | (buf[cc + 1] << 16) | (buf[cc + 2] << 8) | buf[cc + 3])
          : readInteger(buf, cc, len)`,
  [ASCII]: 'readLatin1(buf, cc, len, true)',
  [TEXT]: 'readLatin1(buf, cc, len, false)',
  [BCD]: 'readBcd(buf, cc, len)',
  // A copy in a plain Uint8Array: the input buffer is reused (and Buffer#slice would share it).
  [BYTES]: 'new Uint8Array(buf.buffer.slice(buf.byteOffset + cc, buf.byteOffset + e))',
};

/** What the generated source of one function refers to: child types (`T`) and constructors. */
interface Gen {
  types: TypeDesc[];
  /** Declarations put before the function: one constructor per SEQUENCE type decoded in it. */
  pre: string[];
}

/** A SEQUENCE of a few primitive fields: decoded inline in its parent, no call of its own. */
function inlinable(t: TypeDesc): boolean {
  if (t.kind !== SEQ || t.byTag.size > 8) return false;
  for (const r of t.byTag.values()) if (READ[r.type.kind] === undefined) return false;
  return true;
}

/** Code that sets `v` (undefined: a CHOICE of unknowns) and st.pos for a child of type t. */
function childCode(t: TypeDesc, g: Gen): string {
  const read = READ[t.kind];
  if (read !== undefined) {
    return `{
        if (h.constructed) throw st.error(cc, ${q(`constructed encoding of ${t.name}`)});
        const len = h.length, e = cc + len;
        if (e > ce || e > st.avail) st.short(cc, ce, e);
        ${t.kind === INT ? `if (len === 0) throw st.error(cc, 'empty INTEGER', ${q(t.name)});` : ''}
        st.pos = e;
        const buf = st.buf;
        v = ${read};
      }`;
  }
  const head = `if (!h.constructed) throw st.error(cc, 'primitive encoding of constructed type', ${q(t.name)});
        const len = h.length;
        let e = ce;
        if (len >= 0) {
          e = cc + len;
          if (e > ce || e > st.avail) st.short(cc, ce, e);
        }`;
  if (inlinable(t)) {
    // The child's own function body, in a block that shadows c, ce, indefinite, o, p and v.
    return `{
        ${head}
        let inner;
        {
          const c = cc, ce = e, indefinite = len < 0;
          ${seqLoop(t, g)}
          inner = o;
        }
        v = inner;
      }`;
  }
  const i = g.types.push(t) - 1;
  return `{
        ${head}
        const child = T[${i}];
        v = (child.body ?? body(child))(st, cc, e, len < 0);
      }`;
}

function switchCode(
  t: TypeDesc,
  g: Gen,
  onValue: (route: Route) => string,
  onUnknown: string,
): string {
  const cases: string[] = [];
  for (const [tag, route] of t.byTag) {
    cases.push(`
      case ${tag}: ${childCode(route.type, g)}
        ${onValue(route)}
        break;`);
  }
  return `switch (h.tag) {${cases.join('')}
      default:
        ${onUnknown}
    }`;
}

/** The loop over the children at [c, ce) (`indefinite`), for a type of kind SEQ, SEQ_OF or CHOICE. */
function childLoop(
  t: TypeDesc,
  g: Gen,
  init: string,
  onValue: (r: Route) => string,
  onUnknown = 'p = skipUnknown(st, p, ce); continue;',
): string {
  return `${init}
      let p = c;
      let v;
      st.path.push(${q(t.name)});
      for (;;) {
        const cc = nextChild(st, p, ce, indefinite);
        if (cc < 0) break;
        ${switchCode(t, g, onValue, onUnknown)}
        p = st.pos;
      }
      st.path.pop();`;
}

/**
 * A SEQUENCE's loop, leaving its object in `o`. Each SEQUENCE type decoded in the function gets a
 * constructor whose instances are plain objects (prototype Object.prototype, so indistinguishable
 * from `{}`): V8 sizes them from the fields the type's values get (in-object slack tracking)
 * instead of `{}`'s 4 in-object slots and a grown out-of-object property array.
 */
function seqLoop(t: TypeDesc, g: Gen): string {
  const ctor = `Struct${g.pre.length}`;
  g.pre.push(`function ${ctor}() {} ${ctor}.prototype = Object.prototype;`);
  return childLoop(
    t,
    g,
    `const o = new ${ctor}();`,
    (r) => `if (v !== undefined) {
          if (o[${q(r.name)}] !== undefined) throw st.error(p, ${q(`duplicate field ${r.name}`)});
          o[${q(r.name)}] = ${wrapped(r.wraps, 'v')};
        }`,
  );
}

function bodySource(t: TypeDesc, g: Gen): string {
  const fn = (code: string, done: string): string => `
    return function ${t.name.replace(/\W/g, '_')}(st, c, ce, indefinite) {
      const h = st.h;
      ${code}
      ${done}
    };`;
  if (t.kind === SEQ) return fn(seqLoop(t, g), 'return o;');
  if (t.kind === SEQ_OF) {
    // The first element makes a one-element array: `[]` then push would reserve 17 slots.
    return fn(
      childLoop(
        t,
        g,
        'let a;',
        (r) => `if (v !== undefined) {
          if (a === undefined) a = [${wrapped(r.wraps, 'v')}];
          else a.push(${wrapped(r.wraps, 'v')});
        }`,
      ),
      'return a === undefined ? [] : a;',
    );
  }
  return fn(
    childLoop(
      t,
      g,
      'let out; let unknown = false;',
      (r) => `if (out !== undefined) throw st.error(p, 'CHOICE holds more than one alternative');
        if (v !== undefined) out = ${wrapped([r.name, ...r.wraps], 'v')};`,
      'p = skipUnknown(st, p, ce); unknown = true; continue;',
    ),
    `if (out === undefined && !unknown) throw st.error(c, 'empty CHOICE');
      return out;`,
  );
}

function elementSource(t: TypeDesc, g: Gen): string {
  const names = (r: Route): string[] => (t.kind === CHOICE ? [r.name, ...r.wraps] : r.wraps);
  return `
    return function ${t.name.replace(/\W/g, '_')}_element(st, p, cc, ce) {
      const h = st.h;
      let v;
      ${switchCode(t, g, (r) => `return v === undefined ? undefined : ${wrapped(names(r), 'v')};`, 'st.pos = skipUnknown(st, p, ce); return undefined;')}
    };`;
}

function build<F>(name: string, src: string, deps: GenDeps, g: Gen): F {
  const factory = compileFunction(
    `asn1/${name}`,
    ['nextChild', 'skipUnknown', 'readInteger', 'readLatin1', 'readBcd', 'body', 'T'],
    g.pre.join('\n') + src,
  ) as (...args: unknown[]) => F;
  return factory(deps.nextChild, deps.skipUnknown, readInteger, readLatin1, readBcd, body, g.types);
}

let deps: GenDeps | undefined;

export function setGenDeps(d: GenDeps): void {
  deps = d;
}

/** The generated body decoder of a constructed type (compiled once, kept on the descriptor). */
export function body(t: TypeDesc): BodyDecoder {
  if (t.body !== undefined) return t.body;
  if (deps === undefined) throw new Error('decoder dependencies not set');
  const g: Gen = { types: [], pre: [] };
  t.body = build<BodyDecoder>(`${t.name}-body`, bodySource(t, g), deps, g);
  return t.body;
}

/** The generated element decoder of a SEQUENCE OF or untagged CHOICE (routes by child tag). */
export function element(t: TypeDesc): ElementDecoder {
  if (t.element !== undefined) return t.element;
  if (deps === undefined) throw new Error('decoder dependencies not set');
  const g: Gen = { types: [], pre: [] };
  t.element = build<ElementDecoder>(`${t.name}-element`, elementSource(t, g), deps, g);
  return t.element;
}
