/**
 * What the TAP, RAP and NRTRDE sources share as sources: their files are recognised by the BER
 * decoder's own detection (asn1/detect.ts, any release the schema knows), and `roam decode` shows
 * them by decoding them item by item, each item normalised and validated by the source's own
 * shower.
 */
import { decodeFile, detectKind, whyNotDetected } from '../../asn1/index.ts';
import type { FileKind } from '../../asn1/types.ts';
import { looksLikeText } from '../../lib/looks-like-text.ts';
import type { Finding, Recognise, ShowOptions, ShownItem } from '../source.ts';
import type { HeaderItem, RecordItem, TrailerItem } from './items.ts';

/** Files whose first unit is one of `kinds`. BER is never text: a text head is left to others. */
export function berRecognise(kinds: readonly FileKind[]): Recognise {
  return {
    head(bytes) {
      if (looksLikeText(bytes)) return false;
      const detected = detectKind(bytes);
      return detected !== undefined && kinds.includes(detected.kind);
    },
    // Any BER unit roam cannot read, whichever of the three it looks like, is explained alike.
    why: (bytes, size) => (looksLikeText(bytes) ? undefined : whyNotDetected(bytes, size)),
  };
}

/** What `roam decode` does with each item of one file: normalise it, validate it, say it in a line. */
export interface ItemShower {
  /** The normalised file row. */
  summary: unknown;
  /** Whether files of this kind hold records (a TAP notification, a RAP acknowledgement do not). */
  records: boolean;
  headerFindings: readonly Finding[];
  record(item: RecordItem): { rows: unknown; findings: Finding[]; line: string };
  /** Audit row (when there is a trailer) and the trailer's findings. */
  finish(trailer: TrailerItem | undefined): { audit: unknown; findings: Finding[] };
}

/** A value in a shown line: `-` when absent. */
export const orDash = (v: string | number | bigint | null | undefined): string =>
  v === null || v === undefined ? '-' : v.toString();

/** A source's `show`: the file decoded as a stream, each item through the shower of its header. */
export function berShow(showerFor: (file: string, header: HeaderItem) => ItemShower) {
  return async function* show(file: string, options: ShowOptions): AsyncGenerator<ShownItem> {
    let shower: ItemShower | undefined;
    let trailerSeen = false;
    const decodeOptions = options.keepUnknownHex === true ? { keepUnknownHex: true } : {};
    for await (const item of decodeFile(file, decodeOptions)) {
      if (item.type === 'header') {
        shower = showerFor(file, item);
        const { kind, module, groups } = item;
        const { summary, records, headerFindings: findings } = shower;
        yield {
          type: 'header',
          kind,
          module,
          tapModule: item.tapModule ?? null,
          groups,
          summary,
          records,
          findings,
        };
      } else if (item.type === 'record' && shower !== undefined) {
        const { index, offset, value } = item;
        yield { type: 'record', index, offset, value, ...shower.record(item) };
      } else if (item.type === 'trailer' && shower !== undefined) {
        trailerSeen = true;
        yield { type: 'trailer', groups: item.groups, ...shower.finish(item) };
      } else if (item.type === 'end') {
        const { bytes, paddingBytes, unknownTags } = item;
        yield { type: 'end', bytes, paddingBytes, unknownTags };
      }
    }
    // A file without a trailer (a notification) still gets its file-level checks.
    if (shower !== undefined && !trailerSeen)
      yield { type: 'findings', findings: shower.finish(undefined).findings };
  };
}
