/**
 * Per file kind, what `roam decode` does with each decoded item: normalise it, validate it, and
 * say it in one line. Findings are handed out as they are found, none kept.
 */
import type { FileKind } from '../asn1/types.ts';
import { createNrtrdeNormaliser } from '../nrtrde/normalise.ts';
import { createNrtrdeValidator } from '../nrtrde/validate.ts';
import { createRapNormaliser, rapAuditOf } from '../rap/normalise.ts';
import { createRapValidator } from '../rap/validate.ts';
import type { HeaderItem, RecordItem, TrailerItem } from '../tap/context.ts';
import { formatAmount } from '../tap/money.ts';
import { createTapNormaliser } from '../tap/normalise.ts';
import { createValidator, type Finding } from '../tap/validate.ts';

export interface KindHandler {
  /** The normalised file row. */
  summary: unknown;
  headerFindings: Finding[];
  record(item: RecordItem): { rows: unknown; findings: Finding[]; line: string };
  /** Audit row (when there is a trailer) and the trailer's findings. */
  finish(trailer: TrailerItem | undefined): { audit: unknown; findings: Finding[] };
}

const orDash = (v: string | number | bigint | null | undefined): string =>
  v === null || v === undefined ? '-' : v.toString();

function tapHandler(file: string, header: HeaderItem): KindHandler {
  const normaliser = createTapNormaliser(file, header);
  const validator = createValidator(file, header);
  const money = (v: bigint): string =>
    `${formatAmount(v, normaliser.context.tapDecimalPlaces)} ${normaliser.context.tapCurrency}`;
  return {
    summary: normaliser.file,
    headerFindings: [...validator.headerFindings],
    record(item) {
      const rows = normaliser.record(item);
      const findings = validator.record(item);
      const e = rows.event;
      const what =
        e.eventType === 'gprs'
          ? `apn ${orDash(e.apnNi)} in ${orDash(e.dataVolumeIncoming)} out ${orDash(e.dataVolumeOutgoing)}`
          : `to ${orDash(e.calledNumber ?? e.callingNumber)}`;
      const line =
        `#${item.index} ${e.eventType} ${orDash(e.startLocal)} ${orDash(e.startUtcOffset)}` +
        ` ${orDash(e.durationSeconds)} s imsi ${orDash(e.imsi)} ${what} charge ${money(e.totalCharge)}`;
      return { rows, findings, line };
    },
    finish(trailer) {
      const audit = trailer === undefined ? null : normaliser.audit(trailer);
      return { audit, findings: validator.finish(trailer) };
    },
  };
}

function rapHandler(file: string, header: HeaderItem): KindHandler {
  const normaliser = createRapNormaliser(file, header);
  const validator = createRapValidator(file, header);
  return {
    summary: normaliser.file,
    headerFindings: [...validator.headerFindings],
    record(item) {
      const rows = normaliser.record(item);
      const r = rows.row;
      const seq =
        r.kind === 'missing'
          ? `${orDash(r.startMissingSeqNumber)}..${orDash(r.endMissingSeqNumber)}`
          : orDash(r.fileSequenceNumber ?? r.lastSeqNumber);
      const charge =
        r.returnedCharge === null
          ? ''
          : ` charge ${formatAmount(r.returnedCharge, r.scale)} ${r.currency}`;
      const line = `#${item.index} ${r.kind} ${seq} errors ${r.errorCodes.join(',') || '-'}${charge}`;
      return { rows, findings: validator.record(item), line };
    },
    finish: (trailer) => ({
      audit:
        trailer === undefined || rapAuditOf(header, trailer) === undefined
          ? null
          : normaliser.audit(trailer),
      findings: validator.finish(trailer),
    }),
  };
}

function nrtrdeHandler(file: string, header: HeaderItem): KindHandler {
  const normaliser = createNrtrdeNormaliser(file, header);
  const validator = createNrtrdeValidator(file, header);
  return {
    summary: normaliser.file,
    headerFindings: [...validator.headerFindings],
    record(item) {
      const e = normaliser.record(item);
      const line = `#${item.index} ${e.eventType} ${orDash(e.startLocal)} ${orDash(e.startUtcOffset)} ${orDash(e.durationSeconds)} s imsi ${orDash(e.imsi)} charge ${orDash(e.chargeAmount)}`;
      return { rows: e, findings: validator.record(item), line };
    },
    finish: (trailer) => ({
      audit: trailer === undefined ? null : normaliser.finish(trailer),
      findings: validator.finish(trailer),
    }),
  };
}

const HANDLERS: Record<FileKind, (file: string, header: HeaderItem) => KindHandler> = {
  'tap-batch': tapHandler,
  'tap-notification': tapHandler,
  'rap-return-batch': rapHandler,
  'rap-acknowledgement': rapHandler,
  nrtrde: nrtrdeHandler,
};

export function handlerFor(file: string, header: HeaderItem): KindHandler {
  return HANDLERS[header.kind](file, header);
}
