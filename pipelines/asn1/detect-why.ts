/**
 * Why a unit is none roam decodes, in words: a release roam does not read, a file cut short
 * (and inside which type) or a TAP batch without its release. Nothing to say when it is not
 * TAP, RAP or NRTRDE at all.
 */
import { isEoc, newHeader, readHeader, SHORT, type TlvHeader } from '../ber/header.ts';
import { skipTlv } from '../ber/skip.ts';
import { candidates, scanVersions, UNDECIDED, type Candidate, type Versions } from './detect.ts';
import { recordsRoute, type TypeDesc } from './schema.ts';
import { moduleNames, tapModuleFor, tapVersionOf } from './schema-json.ts';

export interface Undetected {
  message: string;
  /** Where it is said to be: the unit's start, or the end of the bytes for a cut. */
  offset: number;
  /** Type names from the unit down to where the bytes end ('' when not a cut). */
  tagPath: string;
}

const families = ['TAP', 'RAP', 'NRTRDE'] as const;

const familyOf = (module: string): string => module.split('-')[0] ?? module;

/** The releases roam reads, e.g. `TAP 3.10–3.12, RAP 1.05, NRTRDE 2.01`. */
export function supportedReleases(): string {
  return families
    .map((family) => {
      const versions = moduleNames()
        .filter((m) => familyOf(m) === family)
        .map((m) => m.slice(family.length + 1))
        .sort();
      const range =
        versions.length > 1 ? `${versions[0]}–${versions[versions.length - 1]}` : versions[0];
      return range === undefined ? undefined : `${family} ${range}`;
    })
    .filter((s) => s !== undefined)
    .join(', ');
}

/**
 * The type names of the TLVs at `p` that the bytes (ending at `end`) leave open, outermost
 * first; undefined when the TLV is whole (or malformed, which is no cut).
 */
function openPath(
  buf: Uint8Array,
  p: number,
  end: number,
  type: TypeDesc | undefined,
): string[] | undefined {
  const h = newHeader();
  const c = readHeader(buf, p, end, h);
  if (c === SHORT) return [];
  if (c < 0) return undefined;
  const here = type === undefined ? [] : [type.name];
  if (h.length >= 0 && c + h.length <= end) return undefined;
  if (!h.constructed) return here;
  const indefinite = h.length < 0;
  let q = c;
  while (q < end) {
    if (indefinite && q + 2 <= end && isEoc(buf, q)) return undefined;
    const child = newHeader();
    if (readHeader(buf, q, end, child) < 0) return here;
    const inner = openPath(buf, q, end, type?.byTag.get(child.tag)?.type);
    if (inner !== undefined) return [...here, ...inner];
    const next = skipTlv(buf, q, end, child);
    if (next < 0) return here;
    q = next;
  }
  return here;
}

/**
 * The candidates a unit's first child leaves (TAP TransferBatch and NRTRDE share a tag): all of
 * them when that child cannot be read.
 */
function pickCandidates(
  found: Candidate[],
  buf: Uint8Array,
  c: number,
  end: number,
  h: TlvHeader,
): Candidate[] {
  if (readHeader(buf, c, end, h) < 0) return found;
  const childTag = h.tag;
  const fitting = found.filter((f) => f.type.byTag.has(childTag));
  return fitting.length === 0 ? found : fitting;
}

/**
 * Why the unit at `off` (`end` bytes there are, `eof`: no more will come) is none roam decodes,
 * once detection said so; undefined when it does not look like TAP, RAP or NRTRDE at all.
 */
export function whyUndetected(
  buf: Uint8Array,
  off: number,
  end: number,
  eof: boolean,
): Undetected | undefined {
  const at = { offset: off, tagPath: '' };
  const h = newHeader();
  const c = readHeader(buf, off, end, h);
  if (c === SHORT && eof) {
    return {
      message: 'a file cut short: it ends inside its first header',
      offset: end,
      tagPath: '',
    };
  }
  if (c < 0 || !h.constructed) return undefined;
  const whole = h.length >= 0 && c + h.length <= end;
  const unitEnd = whole ? c + h.length : end;
  const picked = pickCandidates(candidates(h.tag), buf, c, unitEnd, h);
  const pick = picked[0];
  if (pick === undefined) return undefined;
  const named = families.filter((f) => picked.some((p) => familyOf(p.module) === f));
  const family = named.join(' or ');
  const isTap = tapVersionOf(pick.module) !== undefined;
  const versions: Versions = {};
  const stop = recordsRoute(pick.type)?.type.tag;
  const scan = scanVersions(buf, c, unitEnd, eof || whole, stop, h, versions, 0);
  const { spec, release } = versions;
  if (
    isTap &&
    spec !== undefined &&
    release !== undefined &&
    tapModuleFor(spec, release) === undefined
  ) {
    const found = `${spec}.${String(release).padStart(2, '0')}`;
    return {
      ...at,
      message: `a TAP ${found} file: release not supported (roam reads ${supportedReleases()})`,
    };
  }
  // Which type the unit is stays open when its first child is cut too (TAP or NRTRDE).
  const known = named.length === 1 ? pick.type : undefined;
  const open = eof ? openPath(buf, off, end, known) : undefined;
  if (open !== undefined) {
    const inside = open.length === 0 ? 'after its first header' : `inside ${open.at(-1)}`;
    return {
      message: `a ${family} file cut short: it ends ${inside}`,
      offset: end,
      tagPath: open.join('/'),
    };
  }
  if (isTap && scan !== UNDECIDED) {
    return {
      ...at,
      message:
        'a TAP file without its release (no SpecificationVersionNumber and ReleaseVersionNumber in its BatchControlInfo)',
    };
  }
  return undefined;
}

/**
 * Why a file whose first bytes `detectKind` did not recognise is none roam decodes (leading
 * 0x00/0xFF padding skipped); `size` is the file's, so that a file wholly in hand can be called
 * cut.
 */
export function whyNotDetected(firstBytes: Uint8Array, size: number): Undetected | undefined {
  let p = 0;
  while (p < firstBytes.length && (firstBytes[p] === 0 || firstBytes[p] === 0xff)) p++;
  return whyUndetected(firstBytes, p, firstBytes.length, firstBytes.length >= size);
}
