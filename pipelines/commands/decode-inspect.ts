/**
 * Reads one file for `roam decode`: decodes it as a stream, normalises and validates each item,
 * keeps the first N events and the findings, or, given `onItem` (for --jsonl), hands each item
 * and finding to it as it passes and keeps none of them; `onFinding` takes the findings alone.
 */
import { decodeFile } from '../asn1/index.ts';
import type { FileKind, ModuleName, Struct, UnknownTag } from '../asn1/types.ts';
import { DecodeError } from '../lib/errors.ts';
import type { Finding } from '../tap/validate.ts';
import { handlerFor, type KindHandler } from './decode-handlers.ts';

export interface ShownEvent {
  index: number;
  offset: number;
  value: Struct;
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
  kind: FileKind | null;
  module: ModuleName | null;
  tapModule: ModuleName | null;
  header: Struct | null;
  summary: unknown;
  events: ShownEvent[];
  eventCount: number;
  trailer: Struct | null;
  audit: unknown;
  findings: Finding[];
  unknownTags: UnknownTag[];
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
  let handler: KindHandler | undefined;
  let trailerSeen = false;
  try {
    const opts = options.keepUnknownHex === true ? { keepUnknownHex: true } : {};
    for await (const item of decodeFile(file, opts)) {
      if (item.type === 'header') {
        handler = handlerFor(file, item);
        Object.assign(report, {
          kind: item.kind,
          module: item.module,
          tapModule: item.tapModule ?? null,
        });
        report.header = item.groups;
        report.summary = handler.summary;
        emit({
          file,
          type: 'header',
          kind: item.kind,
          module: item.module,
          groups: item.groups,
          summary: handler.summary,
        });
        addFindings(handler.headerFindings);
      } else if (item.type === 'record' && handler !== undefined) {
        const { rows, findings, line } = handler.record(item);
        report.eventCount += 1;
        if (item.index < limit) {
          if (keep)
            report.events.push({
              index: item.index,
              offset: item.offset,
              value: item.value,
              rows,
              line,
            });
          emit({
            file,
            type: 'record',
            index: item.index,
            offset: item.offset,
            value: item.value,
            rows,
          });
        }
        addFindings(findings);
      } else if (item.type === 'trailer' && handler !== undefined) {
        trailerSeen = true;
        const { audit, findings } = handler.finish(item);
        report.trailer = item.groups;
        report.audit = audit;
        emit({ file, type: 'trailer', groups: item.groups, audit });
        addFindings(findings);
      } else if (item.type === 'end') {
        Object.assign(report, {
          bytes: item.bytes,
          paddingBytes: item.paddingBytes,
          unknownTags: item.unknownTags,
        });
        emit({
          file,
          type: 'end',
          bytes: item.bytes,
          paddingBytes: item.paddingBytes,
          unknownTags: item.unknownTags,
          eventCount: report.eventCount,
        });
      }
    }
    if (handler !== undefined && !trailerSeen) addFindings(handler.finish(undefined).findings);
  } catch (error) {
    const known = fileError(error, file);
    if (known === undefined) throw error;
    report.error = known;
    emit({ file, type: 'error', ...known });
  }
  return report;
}
