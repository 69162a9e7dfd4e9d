/**
 * Reads one file for `roam decode`: the source that recognises it (the registry, sources/index.ts,
 * asked in order) shows it item by item, each normalised and validated; this keeps the first N
 * events and the findings, or, given `onItem` (for --jsonl), hands each item and finding to it as
 * it passes and keeps none of them; `onFinding` takes the findings alone.
 */
import { stat } from 'node:fs/promises';
import { readHead } from '../ingest/detect.ts';
import { DecodeError } from '../lib/errors.ts';
import { sources as registry } from '../sources/index.ts';
import { sourceByHead, titlesOf, whyNoSource } from '../sources/recognise.ts';
import type { Finding, Source, UnknownPart } from '../sources/source.ts';

export interface ShownEvent {
  index: number;
  offset: number;
  value: Record<string, unknown>;
  rows: unknown;
  line: string;
}

export interface FileError {
  message: string;
  byteOffset: number | null;
  tagPath: string | null;
  recordIndex: number | null;
}

export interface FileReport {
  file: string;
  kind: string | null;
  module: string | null;
  tapModule: string | null;
  header: Record<string, unknown> | null;
  summary: unknown;
  /** Whether files of this kind hold records (see ShownItem); not part of the JSON output. */
  records: boolean;
  events: ShownEvent[];
  eventCount: number;
  trailer: Record<string, unknown> | null;
  audit: unknown;
  findings: Finding[];
  unknownTags: readonly UnknownPart[];
  bytes: number | null;
  paddingBytes: number | null;
  error: FileError | null;
}

/** One line of --jsonl output. */
export type ItemLine = { file: string; type: string } & Record<string, unknown>;

export interface InspectOptions {
  /** Events to keep (and to emit as lines); undefined = all. */
  events?: number;
  keepUnknownHex?: boolean;
  /** Takes each item as it passes; the report then keeps no events and no findings. */
  onItem?: (line: ItemLine) => void;
  /** Takes each finding as it is found; the report then keeps no findings. */
  onFinding?: (finding: Finding) => void;
  /** The sources a file may be of (default: the registry). */
  sources?: readonly Source[];
}

function fileError(error: unknown, file: string): FileError | undefined {
  if (error instanceof DecodeError) {
    return {
      message: error.message,
      byteOffset: error.byteOffset,
      tagPath: error.tagPath,
      recordIndex: error.recordIndex ?? null,
    };
  }
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    return {
      message: `${file}: cannot read (${error.code})`,
      byteOffset: null,
      tagPath: null,
      recordIndex: null,
    };
  }
  return undefined;
}

/** The source that shows a file, or the error that says why none does. */
async function showingSource(file: string, sources: readonly Source[]): Promise<Source> {
  const shown = sources.filter((s) => s.show !== undefined);
  const head = await readHead(file);
  const source = sourceByHead(head, shown);
  if (source !== undefined) return source;
  const { size } = await stat(file);
  const why = head.length === 0 ? undefined : whyNoSource(head, size, shown);
  if (why !== undefined) throw new DecodeError(why.message, file, why.offset, why.tagPath);
  const what = head.length === 0 ? `no ${titlesOf(shown)} data` : `not a ${titlesOf(shown)} file`;
  throw new DecodeError(what, file, 0, '');
}

export async function inspectFile(file: string, options: InspectOptions = {}): Promise<FileReport> {
  const limit = options.events ?? Number.POSITIVE_INFINITY;
  const emit = options.onItem ?? (() => undefined);
  const keep = options.onItem === undefined;
  const keepFindings = keep && options.onFinding === undefined;
  const report: FileReport = {
    file,
    kind: null,
    module: null,
    tapModule: null,
    header: null,
    summary: null,
    records: true,
    events: [],
    eventCount: 0,
    trailer: null,
    audit: null,
    findings: [],
    unknownTags: [],
    bytes: null,
    paddingBytes: null,
    error: null,
  };
  const addFindings = (findings: readonly Finding[]): void => {
    if (keepFindings) report.findings.push(...findings);
    for (const f of findings) {
      options.onFinding?.(f);
      emit({ ...f, type: 'finding' });
    }
  };
  try {
    const source = await showingSource(file, options.sources ?? registry);
    const show = source.show as NonNullable<Source['show']>;
    const showOptions = options.keepUnknownHex === true ? { keepUnknownHex: true } : {};
    for await (const item of show(file, showOptions)) {
      if (item.type === 'header') {
        const { kind, module, tapModule, groups, summary } = item;
        Object.assign(report, { kind, module, tapModule, header: groups, summary });
        report.records = item.records;
        emit({ file, type: 'header', kind, module, groups, summary });
        addFindings(item.findings);
      } else if (item.type === 'record') {
        const { index, offset, value, rows, line } = item;
        report.eventCount += 1;
        if (index < limit) {
          if (keep) report.events.push({ index, offset, value, rows, line });
          emit({ file, type: 'record', index, offset, value, rows });
        }
        addFindings(item.findings);
      } else if (item.type === 'trailer') {
        report.trailer = item.groups;
        report.audit = item.audit;
        emit({ file, type: 'trailer', groups: item.groups, audit: item.audit });
        addFindings(item.findings);
      } else if (item.type === 'findings') {
        addFindings(item.findings);
      } else {
        const { bytes, paddingBytes, unknownTags } = item;
        Object.assign(report, { bytes, paddingBytes, unknownTags });
        emit({
          file,
          type: 'end',
          bytes,
          paddingBytes,
          unknownTags,
          eventCount: report.eventCount,
        });
      }
    }
  } catch (error) {
    const known = fileError(error, file);
    if (known === undefined) throw error;
    report.error = known;
    emit({ file, type: 'error', ...known });
  }
  return report;
}
