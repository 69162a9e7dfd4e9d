/**
 * TAP normalisation: decoded items (asn1/types.ts) → flat rows (rows.ts). Pure functions, no I/O;
 * works record by record so a caller can stream (`createTapNormaliser`), or on a whole item list
 * (`normaliseTapFile`).
 */
import type { DecodeItem, Struct } from '../../asn1/types.ts';
import type { HeaderItem, RecordItem, TrailerItem } from '../shared/items.ts';
import { chargeRows, invoiceableTotal } from './charge-rows.ts';
import { batchControlOf, tapAuditOf, tapContext, type TapFileContext } from './context.ts';
import { eventRow, fileKey } from './event-row.ts';
import { readTapRecord, type TapRecord } from './record.ts';
import type {
  TapAuditRow,
  TapChargeRow,
  TapDiscountRow,
  TapEventRow,
  TapFileRow,
  TapRecordRows,
  TapTaxRow,
} from './rows.ts';
import { resolveDateTimeLong } from '../shared/time.ts';
import { asBigInt, asInt, asList, asStruct, asText } from '../shared/value.ts';

export type { TapFileContext } from './context.ts';
export type * from './rows.ts';

export function normaliseTapHeader(ctx: TapFileContext, header: HeaderItem): TapFileRow {
  const bci = batchControlOf(header);
  const created = resolveDateTimeLong(bci.fileCreationTimeStamp);
  const cutOff = resolveDateTimeLong(bci.transferCutOffTimeStamp);
  const available = resolveDateTimeLong(bci.fileAvailableTimeStamp);
  return {
    ...fileKey(ctx),
    kind: header.kind,
    module: header.module,
    specificationVersionNumber: asInt(bci.specificationVersionNumber),
    releaseVersionNumber: asInt(bci.releaseVersionNumber),
    fileTypeIndicator: asText(bci.fileTypeIndicator),
    rapFileSequenceNumber: asText(bci.rapFileSequenceNumber),
    fileCreationLocal: created.local,
    fileCreationUtcOffset: created.utcOffset,
    fileCreationUtc: created.utc,
    transferCutOffLocal: cutOff.local,
    transferCutOffUtcOffset: cutOff.utcOffset,
    transferCutOffUtc: cutOff.utc,
    fileAvailableLocal: available.local,
    fileAvailableUtcOffset: available.utcOffset,
    fileAvailableUtc: available.utc,
    tapCurrency: ctx.tapCurrency,
    localCurrency: ctx.localCurrency,
    tapDecimalPlaces: ctx.tapDecimalPlaces,
  };
}

/** The rows of one call event, read once (record.ts). */
export function tapRecordRows(ctx: TapFileContext, record: TapRecord): TapRecordRows {
  const { index, kind, body, blocks, start } = record;
  return {
    event: eventRow(ctx, index, kind, body, start, invoiceableTotal(blocks)),
    ...chargeRows(ctx, index, blocks),
  };
}

/** Normalises one call event: `{ mobileOriginatedCall: {...} }` with its position in the file. */
export function normaliseTapRecord(ctx: TapFileContext, item: RecordItem): TapRecordRows {
  return tapRecordRows(ctx, readTapRecord(ctx, item));
}

/** TotalCharge (3.11+), or the charge-type '00' entry of 3.10's TotalChargeValueList. */
export function auditTotalCharge(audit: Struct): { charge: bigint | null; refund: bigint | null } {
  if (audit.totalCharge !== undefined || audit.totalChargeValueList === undefined) {
    return { charge: asBigInt(audit.totalCharge), refund: asBigInt(audit.totalChargeRefund) };
  }
  const entry = asList(audit.totalChargeValueList)
    .map((v) => asStruct(v))
    .find((v) => asText(v?.chargeType) === '00');
  return { charge: asBigInt(entry?.totalCharge), refund: asBigInt(entry?.totalChargeRefund) };
}

/** The audit row of AuditControlInfo as sent ({} when it is missing). */
export function normaliseTapAudit(
  ctx: TapFileContext,
  auditControlInfo: Struct | undefined,
): TapAuditRow {
  const audit = auditControlInfo ?? {};
  const earliest = resolveDateTimeLong(audit.earliestCallTimeStamp);
  const latest = resolveDateTimeLong(audit.latestCallTimeStamp);
  const total = auditTotalCharge(audit);
  return {
    ...fileKey(ctx),
    earliestCallLocal: earliest.local,
    earliestCallUtcOffset: earliest.utcOffset,
    earliestCallUtc: earliest.utc,
    latestCallLocal: latest.local,
    latestCallUtcOffset: latest.utcOffset,
    latestCallUtc: latest.utc,
    totalCharge: total.charge,
    totalChargeRefund: total.refund,
    totalTaxValue: asBigInt(audit.totalTaxValue),
    totalTaxRefund: asBigInt(audit.totalTaxRefund),
    totalDiscountValue: asBigInt(audit.totalDiscountValue),
    totalDiscountRefund: asBigInt(audit.totalDiscountRefund),
    callEventDetailsCount: asInt(audit.callEventDetailsCount),
    scale: ctx.tapDecimalPlaces,
    currency: ctx.tapCurrency,
  };
}

export interface TapFileRows {
  file: TapFileRow;
  events: TapEventRow[];
  charges: TapChargeRow[];
  taxes: TapTaxRow[];
  discounts: TapDiscountRow[];
  audit: TapAuditRow | null;
}

/** The streaming form: build from the header, then feed records and the trailer. */
export function createTapNormaliser(file: string, header: HeaderItem) {
  const context = tapContext(file, header);
  return {
    context,
    file: normaliseTapHeader(context, header),
    record: (item: RecordItem): TapRecordRows => normaliseTapRecord(context, item),
    audit: (trailer: TrailerItem): TapAuditRow =>
      normaliseTapAudit(context, tapAuditOf(header, trailer)),
  };
}

/** Normalises a whole decoded TAP file (header, records, trailer); null when there is no header. */
export function normaliseTapFile(file: string, items: Iterable<DecodeItem>): TapFileRows | null {
  let normaliser: ReturnType<typeof createTapNormaliser> | undefined;
  let out: TapFileRows | null = null;
  for (const item of items) {
    if (item.type === 'header') {
      normaliser = createTapNormaliser(file, item);
      out = {
        file: normaliser.file,
        events: [],
        charges: [],
        taxes: [],
        discounts: [],
        audit: null,
      };
    } else if (item.type === 'record' && normaliser !== undefined && out !== null) {
      const rows = normaliser.record(item);
      out.events.push(rows.event);
      out.charges.push(...rows.charges);
      out.taxes.push(...rows.taxes);
      out.discounts.push(...rows.discounts);
    } else if (item.type === 'trailer' && normaliser !== undefined && out !== null) {
      out.audit = normaliser.audit(item);
    }
  }
  return out;
}
