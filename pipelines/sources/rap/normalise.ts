/**
 * RAP 1.05 normalisation: decoded items → one file row (return batch or acknowledgement), one row
 * per return detail, one row per error detail. Pure functions; money as exact bigint with the RAP
 * batch's TapDecimalPlaces; times as in tap/time.ts.
 */
import type { DecodeItem, FileKind, ModuleName, Struct, Value } from '../../asn1/types.ts';
import { invoiceableTotal } from '../tap/charge-rows.ts';
import { chargeBlocks } from '../tap/charges.ts';
import type { HeaderItem, RecordItem, TrailerItem } from '../shared/items.ts';
import type { TapFileContext } from '../tap/context.ts';
import { eventRow, eventStart } from '../tap/event-row.ts';
import { recordKind } from '../tap/events.ts';
import { resolveDateTimeLong } from '../shared/time.ts';
import { asBigInt, asInt, asList, asStruct, asText, choiceOf } from '../shared/value.ts';
import { rapItemPath, tagNames } from './item-path.ts';

export type RapReturnKind = 'stop' | 'missing' | 'fatal' | 'severe';

export interface RapFileRow {
  file: string;
  kind: FileKind;
  module: ModuleName;
  /** The TAP release the returned records follow. */
  tapModule: ModuleName | null;
  sender: string | null;
  recipient: string | null;
  rapFileSequenceNumber: string | null;
  roamingPartner: string | null;
  /** RapFileCreationTimeStamp, or AckFileCreationTimeStamp for an acknowledgement. */
  createdLocal: string | null;
  createdUtcOffset: string | null;
  createdUtc: string | null;
  availableLocal: string | null;
  availableUtcOffset: string | null;
  availableUtc: string | null;
  specificationVersionNumber: number | null;
  releaseVersionNumber: number | null;
  rapSpecificationVersionNumber: number | null;
  rapReleaseVersionNumber: number | null;
  fileTypeIndicator: string | null;
  tapDecimalPlaces: number | null;
  tapCurrency: string;
}

interface RapKey {
  file: string;
  sender: string | null;
  recipient: string | null;
  rapFileSequenceNumber: string | null;
  returnIndex: number;
}

export interface RapReturnRow extends RapKey {
  kind: RapReturnKind;
  /** The returned TAP file (fatal, severe). */
  fileSequenceNumber: string | null;
  /** StopReturn: the last TAP sequence number sent before the stop. */
  lastSeqNumber: string | null;
  startMissingSeqNumber: string | null;
  endMissingSeqNumber: string | null;
  /** FatalReturn: the failing group, e.g. `batchControlError`. */
  fatalGroup: string | null;
  errorCodes: number[];
  /** SevereReturn: the returned call event. */
  returnedRecordKind: string | null;
  returnedEventType: string | null;
  returnedImsi: string | null;
  returnedStartLocal: string | null;
  /** Invoiceable charge of the returned record (as it adds to TotalCharge). */
  returnedCharge: bigint | null;
  returnedTax: bigint | null;
  scale: number | null;
  currency: string;
}

export interface RapErrorRow extends RapKey {
  errorIndex: number;
  kind: RapReturnKind;
  errorCode: number | null;
  /** Readable path of the faulty item (item-path.ts). */
  itemPath: string;
  itemOffset: number | null;
}

export interface RapAuditRow {
  file: string;
  totalSevereReturnValue: bigint | null;
  totalSevereReturnTax: bigint | null;
  returnDetailsCount: number | null;
  scale: number | null;
  currency: string;
}

const KINDS: Record<string, RapReturnKind> = {
  stopReturn: 'stop',
  missingReturn: 'missing',
  fatalReturn: 'fatal',
  severeReturn: 'severe',
};

/** The error details of a return: SevereReturn's own, or those of FatalReturn's failing group. */
function errorDetails(
  kind: RapReturnKind,
  body: Struct,
): { group: string | null; details: Value[] } {
  if (kind === 'severe') return { group: null, details: asList(body.errorDetail) };
  if (kind !== 'fatal') return { group: null, details: [] };
  for (const [name, value] of Object.entries(body)) {
    const errors = asStruct(value)?.errorDetail;
    if (errors !== undefined) return { group: name, details: asList(errors) };
  }
  return { group: null, details: [] };
}

/**
 * RapAuditControlInfo: in the trailer, or among the header groups when the file has no
 * ReturnDetailList (the decoder then has no records list to split the groups at).
 */
export function rapAuditOf(
  header: HeaderItem,
  trailer: TrailerItem | undefined,
): Struct | undefined {
  return asStruct(trailer?.groups.rapAuditControlInfo ?? header.groups.rapAuditControlInfo);
}

/** A SevereReturn's call event: its kind and body, and its charge and tax as the audit adds them. */
export function returnedCall(returned: Struct): {
  kind: string;
  body: Struct;
  charge: bigint;
  tax: bigint;
} {
  const [kind, body] = recordKind(returned);
  const blocks = chargeBlocks(kind, body);
  const tax = blocks.flatMap((b) => b.taxes).reduce((sum, t) => sum + (t.taxValue ?? 0n), 0n);
  return { kind, body, charge: invoiceableTotal(blocks), tax };
}

export function createRapNormaliser(file: string, header: HeaderItem) {
  const bci = asStruct(header.groups.rapBatchControlInfoRap) ?? header.groups;
  const ack = header.kind === 'rap-acknowledgement';
  const created = resolveDateTimeLong(
    ack ? bci.ackFileCreationTimeStamp : bci.rapFileCreationTimeStamp,
  );
  const available = resolveDateTimeLong(
    ack ? bci.ackFileAvailableTimeStamp : bci.rapFileAvailableTimeStamp,
  );
  const names = tagNames(header.tapModule);
  const fileRow: RapFileRow = {
    file,
    kind: header.kind,
    module: header.module,
    tapModule: header.tapModule ?? null,
    sender: asText(bci.sender),
    recipient: asText(bci.recipient),
    rapFileSequenceNumber: asText(bci.rapFileSequenceNumber),
    roamingPartner: asText(bci.roamingPartner),
    createdLocal: created.local,
    createdUtcOffset: created.utcOffset,
    createdUtc: created.utc,
    availableLocal: available.local,
    availableUtcOffset: available.utcOffset,
    availableUtc: available.utc,
    specificationVersionNumber: asInt(bci.specificationVersionNumber),
    releaseVersionNumber: asInt(bci.releaseVersionNumber),
    rapSpecificationVersionNumber: asInt(bci.rapSpecificationVersionNumber),
    rapReleaseVersionNumber: asInt(bci.rapReleaseVersionNumber),
    fileTypeIndicator: asText(bci.fileTypeIndicator),
    tapDecimalPlaces: asInt(bci.tapDecimalPlaces),
    tapCurrency: asText(bci.tapCurrency) ?? 'XDR',
  };
  /** Returned records are read with the TAP normaliser; RAP has no offset or entity tables. */
  const tapCtx: TapFileContext = {
    file,
    module: fileRow.tapModule,
    sender: fileRow.sender,
    recipient: fileRow.recipient,
    fileSequenceNumber: null,
    tapDecimalPlaces: fileRow.tapDecimalPlaces,
    tapCurrency: fileRow.tapCurrency,
    localCurrency: null,
    utcOffsets: new Map(),
    recEntities: new Map(),
    exchangeRates: new Map(),
    taxes: new Map(),
    discounts: new Map(),
  };

  function record(item: RecordItem): { row: RapReturnRow; errors: RapErrorRow[] } {
    const [name, detail] = choiceOf(item.value) ?? ['unknown', {}];
    const body = asStruct(detail) ?? {};
    const kind = KINDS[name] ?? 'fatal';
    const key: RapKey = {
      file,
      sender: fileRow.sender,
      recipient: fileRow.recipient,
      rapFileSequenceNumber: fileRow.rapFileSequenceNumber,
      returnIndex: item.index,
    };
    const { group, details } = errorDetails(kind, body);
    const errors = details.map((value, errorIndex): RapErrorRow => {
      const d = asStruct(value) ?? {};
      return {
        ...key,
        errorIndex,
        kind,
        errorCode: asInt(d.errorCode),
        itemPath: rapItemPath(d.errorContext, names),
        itemOffset: asInt(d.itemOffset),
      };
    });
    const returned = asStruct(body.callEventDetail);
    let event: ReturnType<typeof eventRow> | null = null;
    let tax: bigint | null = null;
    if (returned !== undefined) {
      const call = returnedCall(returned);
      const start = eventStart(tapCtx, call.kind, call.body);
      event = eventRow(tapCtx, item.index, call.kind, call.body, start, call.charge);
      tax = call.tax;
    }
    const row: RapReturnRow = {
      ...key,
      kind,
      fileSequenceNumber: asText(body.fileSequenceNumber),
      lastSeqNumber: asText(body.lastSeqNumber),
      startMissingSeqNumber: asText(body.startMissingSeqNumber),
      endMissingSeqNumber: asText(body.endMissingSeqNumber),
      fatalGroup: group,
      errorCodes: errors.map((e) => e.errorCode).filter((c): c is number => c !== null),
      returnedRecordKind: event?.recordKind ?? null,
      returnedEventType: event?.eventType ?? null,
      returnedImsi: event?.imsi ?? null,
      returnedStartLocal: event?.startLocal ?? null,
      returnedCharge: event?.totalCharge ?? null,
      returnedTax: tax,
      scale: fileRow.tapDecimalPlaces,
      currency: fileRow.tapCurrency,
    };
    return { row, errors };
  }

  function audit(trailer: TrailerItem): RapAuditRow {
    const a = rapAuditOf(header, trailer) ?? {};
    return {
      file,
      totalSevereReturnValue: asBigInt(a.totalSevereReturnValue),
      totalSevereReturnTax: asBigInt(a.totalSevereReturnTax),
      returnDetailsCount: asInt(a.returnDetailsCount),
      scale: fileRow.tapDecimalPlaces,
      currency: fileRow.tapCurrency,
    };
  }

  return { file: fileRow, record, audit };
}

export interface RapFileRows {
  file: RapFileRow;
  returns: RapReturnRow[];
  errors: RapErrorRow[];
  audit: RapAuditRow | null;
}

/** Normalises a whole decoded RAP file; null when there is no header. */
export function normaliseRapFile(file: string, items: Iterable<DecodeItem>): RapFileRows | null {
  let normaliser: ReturnType<typeof createRapNormaliser> | undefined;
  let out: RapFileRows | null = null;
  for (const item of items) {
    if (item.type === 'header') {
      normaliser = createRapNormaliser(file, item);
      out = { file: normaliser.file, returns: [], errors: [], audit: null };
    } else if (item.type === 'record' && normaliser !== undefined && out !== null) {
      const { row, errors } = normaliser.record(item);
      out.returns.push(row);
      out.errors.push(...errors);
    } else if (item.type === 'trailer' && normaliser !== undefined && out !== null) {
      if (item.groups.rapAuditControlInfo !== undefined) out.audit = normaliser.audit(item);
    }
  }
  return out;
}
