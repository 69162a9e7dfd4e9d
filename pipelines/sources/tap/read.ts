/**
 * A TAP file read once: the header's context is worked out once, and each call event is read once
 * (record.ts) and handed to both the normaliser and the validator. What ingest (batches.ts) and
 * `roam decode` (show.ts) take.
 */
import type { HeaderItem, RecordItem, TrailerItem } from '../shared/items.ts';
import type { Finding } from '../shared/rules.ts';
import { tapAuditOf, tapContext, type TapFileContext } from './context.ts';
import { normaliseTapAudit, normaliseTapHeader, tapRecordRows } from './normalise.ts';
import { readTapRecord } from './record.ts';
import type { TapAuditRow, TapFileRow, TapRecordRows } from './rows.ts';
import { tapChecker } from './validate.ts';

export interface TapReader {
  readonly context: TapFileContext;
  readonly file: TapFileRow;
  readonly headerFindings: readonly Finding[];
  record(item: RecordItem): { rows: TapRecordRows; findings: Finding[] };
  /** The audit row of the trailer (AuditControlInfo as sent). */
  audit(trailer: TrailerItem): TapAuditRow;
  /** The trailer's findings (or, without a trailer, the file-level checks that need one). */
  finish(trailer?: TrailerItem): Finding[];
}

export function readTapFile(file: string, header: HeaderItem): TapReader {
  const context = tapContext(file, header);
  const checker = tapChecker(context, header);
  return {
    context,
    file: normaliseTapHeader(context, header),
    headerFindings: checker.headerFindings,
    record(item) {
      const record = readTapRecord(context, item);
      return { rows: tapRecordRows(context, record), findings: checker.record(record) };
    },
    audit: (trailer) => normaliseTapAudit(context, tapAuditOf(header, trailer)),
    finish: (trailer) => checker.finish(trailer),
  };
}
