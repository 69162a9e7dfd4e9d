/**
 * The streaming layer: walks the top-level units of a file, yielding the header groups, one record
 * per element of the records list as soon as it is complete, the trailer groups and the end
 * summary. A synchronous generator that yields NEED_INPUT when it wants another chunk, so one
 * core serves both the async stream decoder and the synchronous decodeBytes.
 */
import { DecodeError } from '../lib/errors.ts';
import { element } from './decode-gen.ts';
import { decodeContent, headerAt, nextChild, skipUnknown, wrap } from './decode.ts';
import { NEED_MORE, type DecodeState } from './decode-state.ts';
import { detectAt, UNDECIDED, type Detected } from './detect.ts';
import { whyUndetected } from './detect-why.ts';
import type { Feeder } from './feeder.ts';
import { CHOICE, compiledModule, recordsRoute, type TypeDesc } from './schema.ts';
import type { DecodeItem, Struct, Value } from './types.ts';

export const NEED_INPUT: unique symbol = Symbol('need input');
export type Step = DecodeItem | typeof NEED_INPUT;

/** Runs `fn` until it stops running out of input, asking for more each time it does. */
function* attempt<T>(st: DecodeState, fn: () => T): Generator<typeof NEED_INPUT, T, undefined> {
  const depth = st.path.length;
  for (;;) {
    try {
      const v = fn();
      st.commit();
      return v;
    } catch (e) {
      if (e !== NEED_MORE) throw e;
      st.rollback();
      st.path.length = depth;
      yield NEED_INPUT;
    }
  }
}

const INF = Number.POSITIVE_INFINITY;

interface Child {
  /** File offset after the child (or after the container, when `end`). */
  next: number;
  end?: boolean;
  name?: string;
  value?: Value;
  /** The records list: file offset of its contents and its length (-1 indefinite). */
  list?: { c: number; length: number };
}

/** Reads the next child of the unit at file offset `p`: a group (decoded), the records list, an unknown TLV, or the end. */
function unitChild(
  st: DecodeState,
  type: TypeDesc,
  records: TypeDesc | undefined,
  p: number,
  end: number,
  indefinite: boolean,
): Child {
  const rp = p - st.base;
  const re = end - st.base;
  const cc = nextChild(st, rp, re, indefinite);
  if (cc < 0) return { next: st.pos + st.base, end: true };
  const route = type.byTag.get(st.h.tag);
  if (route === undefined) return { next: skipUnknown(st, rp, re) + st.base };
  if (route.type === records) {
    if (!st.h.constructed)
      throw st.error(rp, 'primitive encoding of the records list', route.type.name);
    return { next: p, list: { c: cc + st.base, length: st.h.length } };
  }
  const v = decodeContent(st, route.type, cc, re);
  const next = st.pos + st.base;
  return v === undefined ? { next } : { next, name: route.name, value: wrap(route.wraps, v) };
}

/** Decodes the record at file offset `p` of a records list; null at the list's end, undefined for an unknown TLV. */
function recordAt(
  st: DecodeState,
  list: TypeDesc,
  p: number,
  end: number,
  indefinite: boolean,
): Value | null | undefined {
  const rp = p - st.base;
  const re = end - st.base;
  const cc = nextChild(st, rp, re, indefinite);
  if (cc < 0) return null;
  return element(list)(st, rp, cc, re);
}

class Counters {
  pos = 0;
  padding = 0;
  records = 0;
}

/** File offset where the records list `at` of a unit ending at `unitEnd` ends (INF when both are indefinite). */
function listEnd(
  st: DecodeState,
  list: TypeDesc,
  at: { c: number; length: number },
  unitEnd: number,
): number {
  const end = at.length < 0 ? unitEnd : at.c + at.length;
  if (end > unitEnd)
    throw st.error(at.c - st.base, 'TLV runs past the end of its container', list.name);
  return end;
}

/**
 * One unit at `n.pos`: its header groups, then each record of its records list, then its trailer
 * groups. The records loop is written out here, not delegated to another generator, so that a
 * record reaches the consumer through a single generator resume.
 */
function* unit(
  st: DecodeState,
  feeder: Feeder,
  det: Detected,
  n: Counters,
): Generator<Step, void, undefined> {
  const mod = compiledModule(det.module, det.tapModule);
  const start = n.pos;
  const head = yield* attempt(st, () => {
    const c = headerAt(st, start - st.base, INF);
    return { c: c + st.base, tag: st.h.tag, length: st.h.length };
  });
  const type =
    mod.root.kind === CHOICE && mod.root.tag < 0 ? mod.root.byTag.get(head.tag)?.type : mod.root;
  if (type === undefined) throw st.error(start - st.base, 'unexpected top-level tag');
  const indefinite = head.length < 0;
  const end = indefinite ? INF : head.c + head.length;
  const records = recordsRoute(type)?.type;
  st.path.length = 0;
  st.path.push(type.name);
  const groups: Struct = {};
  let trailer: Struct = {};
  let headerDone = false;
  const header = (): DecodeItem => ({
    type: 'header',
    kind: det.kind,
    module: det.module,
    ...(det.tapModule === undefined ? {} : { tapModule: det.tapModule }),
    groups,
  });
  let p = head.c;
  for (;;) {
    feeder.keepFrom = p;
    const child = yield* attempt(st, () => unitChild(st, type, records, p, end, indefinite));
    p = child.next;
    if (child.end === true) break;
    if (child.name !== undefined && child.value !== undefined) {
      if (headerDone) trailer[child.name] = child.value;
      else groups[child.name] = child.value;
    }
    if (child.list === undefined || records === undefined) continue;
    if (!headerDone) yield header();
    headerDone = true;
    trailer = {};
    // The records list.
    const list = records;
    const listIndefinite = child.list.length < 0;
    const listEndAt = listEnd(st, list, child.list, end);
    st.path.push(list.name);
    const depth = st.path.length;
    p = child.list.c;
    for (;;) {
      feeder.keepFrom = p;
      st.recordIndex = n.records;
      let v: Value | null | undefined;
      for (;;) {
        try {
          v = recordAt(st, list, p, listEndAt, listIndefinite);
          st.commit();
          break;
        } catch (e) {
          if (e !== NEED_MORE) throw e;
          st.rollback();
          st.path.length = depth;
          yield NEED_INPUT;
        }
      }
      if (v === null) {
        st.recordIndex = undefined;
        st.path.pop();
        p = (listIndefinite ? st.pos : listEndAt - st.base) + st.base;
        break;
      }
      const offset = p;
      p = st.pos + st.base;
      if (v !== undefined) yield { type: 'record', index: n.records++, offset, value: v as Struct };
    }
  }
  if (!headerDone) yield header();
  yield { type: 'trailer', groups: trailer };
  n.pos = p;
}

/** The whole file: padding, units, and the end summary. */
export function* decodeItems(st: DecodeState, feeder: Feeder): Generator<Step, void, undefined> {
  const n = new Counters();
  let units = 0;
  for (;;) {
    for (;;) {
      feeder.keepFrom = n.pos;
      const rel = n.pos - st.base;
      if (rel < st.avail) {
        const b = st.buf[rel];
        if (b !== 0 && b !== 0xff) break;
        n.pos++;
        n.padding++;
        continue;
      }
      if (st.eof) break;
      yield NEED_INPUT;
    }
    if (n.pos - st.base >= st.avail) break;
    let det: Detected | typeof UNDECIDED | undefined;
    for (;;) {
      det = detectAt(st.buf, n.pos - st.base, st.avail, st.eof);
      if (det !== UNDECIDED) break;
      if (st.eof) throw st.error(n.pos - st.base, 'undecidable unit');
      yield NEED_INPUT;
    }
    if (det === undefined) {
      if (units > 0) throw st.error(n.pos - st.base, 'unexpected data after the last unit');
      const why = whyUndetected(st.buf, n.pos - st.base, st.avail, st.eof);
      if (why === undefined) throw st.error(n.pos - st.base, 'not a TAP, RAP or NRTRDE file');
      throw new DecodeError(why.message, st.file, st.base + why.offset, why.tagPath);
    }
    units++;
    yield* unit(st, feeder, det, n);
  }
  if (units === 0) throw new DecodeError('no TAP, RAP or NRTRDE data', st.file, n.pos, '');
  yield { type: 'end', bytes: n.pos, paddingBytes: n.padding, unknownTags: st.unknownTags() };
}
