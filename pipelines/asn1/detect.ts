/**
 * File kind and module detection from content: the top-level tag, the first child's tag (TAP
 * TransferBatch and NRTRDE both use APPLICATION 1) and, for TAP and RAP, the TAP
 * SpecificationVersionNumber / ReleaseVersionNumber found near the start.
 */
import { isEoc, newHeader, readHeader, SHORT, type TlvHeader } from '../ber/header.ts';
import { readInteger } from '../ber/integer.ts';
import { skipTlv } from '../ber/skip.ts';
import { compiledModule, recordsRoute, type TypeDesc } from './schema.ts';
import { moduleNames, newestTapModule, tapModuleFor, tapVersionOf } from './schema-json.ts';
import type { FileKind, ModuleName } from './types.ts';

export interface Detected {
  kind: FileKind;
  module: ModuleName;
  /** RAP: the TAP module of the release it returns. */
  tapModule?: ModuleName;
}

/** Returned when the bytes so far are not enough to decide. */
export const UNDECIDED: unique symbol = Symbol('undecided');

const KIND_OF_TYPE: Readonly<Record<string, FileKind>> = {
  TransferBatch: 'tap-batch',
  Notification: 'tap-notification',
  ReturnBatch: 'rap-return-batch',
  Acknowledgement: 'rap-acknowledgement',
  Nrtrde: 'nrtrde',
};

export interface Candidate {
  module: ModuleName;
  type: TypeDesc;
  kind: FileKind;
}

let candidatesByTag: Map<number, Candidate[]> | undefined;

/** The top-level types (of every module) a unit with this tag can be. */
export function candidates(tag: number): Candidate[] {
  if (candidatesByTag === undefined) {
    candidatesByTag = new Map();
    for (const module of moduleNames()) {
      const root = compiledModule(module).root;
      const tops =
        root.tag < 0
          ? [...root.byTag.entries()].map(([t, r]) => [t, r.type] as const)
          : [[root.tag, root] as const];
      for (const [t, type] of tops) {
        const kind = KIND_OF_TYPE[type.name];
        if (kind === undefined) continue;
        const list = candidatesByTag.get(t) ?? [];
        list.push({ module, type, kind });
        candidatesByTag.set(t, list);
      }
    }
  }
  return candidatesByTag.get(tag) ?? [];
}

export interface Versions {
  spec?: number;
  release?: number;
}

function versionTags(): { spec: number; release: number } {
  const tap = compiledModule(newestTapModule());
  return {
    spec: tap.type('SpecificationVersionNumber').tag,
    release: tap.type('ReleaseVersionNumber').tag,
  };
}

/**
 * Looks for the TAP version numbers among the unit's children and the first child's children,
 * stopping at the records list. UNDECIDED when the bytes end first (and more may come).
 */
export function scanVersions(
  buf: Uint8Array,
  c: number,
  end: number,
  complete: boolean,
  stopTag: number | undefined,
  h: TlvHeader,
  found: Versions,
  depth: number,
): typeof UNDECIDED | undefined {
  const tags = versionTags();
  let p = c;
  let first = true;
  while (p < end) {
    if (found.spec !== undefined && found.release !== undefined) return undefined;
    if (p + 2 <= end && isEoc(buf, p)) return undefined;
    const cc = readHeader(buf, p, end, h);
    if (cc === SHORT) return complete ? undefined : UNDECIDED;
    if (cc < 0 || h.tag === stopTag) return undefined;
    if (
      !h.constructed &&
      (h.tag === tags.spec || h.tag === tags.release) &&
      h.length > 0 &&
      h.length <= 6
    ) {
      if (cc + h.length > end) return complete ? undefined : UNDECIDED;
      const v = Number(readInteger(buf, cc, h.length));
      if (h.tag === tags.spec) found.spec = v;
      else found.release = v;
    } else if (first && depth === 0 && h.constructed) {
      const whole = h.length >= 0 && cc + h.length <= end;
      const childEnd = whole ? cc + h.length : end;
      if (
        scanVersions(buf, cc, childEnd, complete || whole, undefined, h, found, 1) === UNDECIDED
      ) {
        return UNDECIDED;
      }
    }
    const e = skipTlv(buf, p, end, h);
    if (e === SHORT) return complete ? undefined : UNDECIDED;
    if (e < 0) return undefined;
    p = e;
    first = false;
  }
  return complete ? undefined : UNDECIDED;
}

/**
 * What the unit starting at `off` is. `end` is the number of bytes available; `eof` says no more
 * will come. UNDECIDED when more bytes are needed; undefined when it is none of ours.
 */
export function detectAt(
  buf: Uint8Array,
  off: number,
  end: number,
  eof: boolean,
): Detected | typeof UNDECIDED | undefined {
  const h = newHeader();
  const c = readHeader(buf, off, end, h);
  if (c === SHORT) return eof ? undefined : UNDECIDED;
  if (c < 0 || !h.constructed) return undefined;
  let found = candidates(h.tag);
  const whole = h.length >= 0 && c + h.length <= end;
  const unitEnd = whole ? c + h.length : end;
  if (found.length > 1 && new Set(found.map((f) => f.type.name)).size > 1) {
    const cc = readHeader(buf, c, unitEnd, h);
    if (cc === SHORT) return eof || whole ? undefined : UNDECIDED;
    const childTag = h.tag;
    found = found.filter((f) => f.type.byTag.has(childTag));
  }
  const pick = found[0];
  if (pick === undefined) return undefined;
  const tapVersion = tapVersionOf(pick.module);
  const needsVersion = tapVersion !== undefined || pick.kind === 'rap-return-batch';
  if (!needsVersion) return { kind: pick.kind, module: pick.module };
  const versions: Versions = {};
  const stop = recordsRoute(pick.type)?.type.tag;
  if (scanVersions(buf, c, unitEnd, eof || whole, stop, h, versions, 0) === UNDECIDED)
    return UNDECIDED;
  const module =
    versions.spec === undefined || versions.release === undefined
      ? undefined
      : tapModuleFor(versions.spec, versions.release);
  if (tapVersion !== undefined)
    return module === undefined ? undefined : { kind: pick.kind, module };
  return { kind: pick.kind, module: pick.module, tapModule: module ?? newestTapModule() };
}

/** Kind and module of a file from its first bytes (leading 0x00/0xFF padding skipped). */
export function detectKind(
  firstBytes: Uint8Array,
): { kind: FileKind; module: ModuleName } | undefined {
  let p = 0;
  while (p < firstBytes.length && (firstBytes[p] === 0 || firstBytes[p] === 0xff)) p++;
  const d = detectAt(firstBytes, p, firstBytes.length, false);
  return d === UNDECIDED ? undefined : d;
}
