/**
 * NRTRDE 2.01 normalisation: decoded items → one file row and one row per MOC / MTC / GPRS event.
 * Records are flat; each carries its own UTC offset. Times as in tap/time.ts. ChargeAmount is kept
 * as the exact integer sent (the file does not state its scale).
 */
import type { DecodeItem, Struct, Value } from '../../asn1/types.ts';
import type { HeaderItem, RecordItem, TrailerItem } from '../shared/items.ts';
import { toInstant, utcAfter } from '../shared/time.ts';
import { asBigInt, asInt, asStruct, asText, choiceOf } from '../shared/value.ts';

export type NrtrdeEventType = 'moc' | 'mtc' | 'gprs';

export interface NrtrdeFileRow {
  file: string;
  sender: string | null;
  recipient: string | null;
  sequenceNumber: string | null;
  specificationVersionNumber: number | null;
  releaseVersionNumber: number | null;
  fileAvailableLocal: string | null;
  fileAvailableUtcOffset: string | null;
  fileAvailableUtc: string | null;
  /** From the trailer; null until it is read. */
  callEventsCount: number | null;
}

export interface NrtrdeEventRow {
  file: string;
  sender: string | null;
  recipient: string | null;
  sequenceNumber: string | null;
  recordIndex: number;
  eventType: NrtrdeEventType | 'unknown';
  imsi: string | null;
  imei: string | null;
  msisdn: string | null;
  startLocal: string | null;
  startUtcOffset: string | null;
  startUtc: string | null;
  endUtc: string | null;
  durationSeconds: number | null;
  causeForTermination: number | null;
  teleServiceCode: string | null;
  bearerServiceCode: string | null;
  supplementaryServiceCode: string | null;
  dialledDigits: string | null;
  connectedNumber: string | null;
  thirdPartyNumber: string | null;
  callingNumber: string | null;
  recEntityId: string | null;
  callReference: bigint | null;
  apnNi: string | null;
  apnOi: string | null;
  dataVolumeIncoming: bigint | null;
  dataVolumeOutgoing: bigint | null;
  sgsnAddress: string | null;
  ggsnAddress: string | null;
  chargingId: bigint | null;
  chargeAmount: bigint | null;
  servingNetwork: string | null;
  locationArea: number | null;
  cellId: number | null;
}

const TYPES: Record<string, NrtrdeEventType> = { moc: 'moc', mtc: 'mtc', gprs: 'gprs' };

function serviceCode(value: Value | undefined, alternative: string): string | null {
  const chosen = choiceOf(value);
  return chosen?.[0] === alternative ? asText(chosen[1]) : null;
}

export function normaliseNrtrdeHeader(file: string, header: HeaderItem): NrtrdeFileRow {
  const g = nrtrdeGroup(header);
  const available = toInstant(asText(g.fileAvailableTimeStamp), asText(g.utcTimeOffset));
  return {
    file,
    sender: asText(g.sender),
    recipient: asText(g.recipient),
    sequenceNumber: asText(g.sequenceNumber),
    specificationVersionNumber: asInt(g.specificationVersionNumber),
    releaseVersionNumber: asInt(g.releaseVersionNumber),
    fileAvailableLocal: available.local,
    fileAvailableUtcOffset: asText(g.utcTimeOffset),
    fileAvailableUtc: available.utc,
    callEventsCount: null,
  };
}

export function normaliseNrtrdeRecord(fileRow: NrtrdeFileRow, item: RecordItem): NrtrdeEventRow {
  const [kind, value] = choiceOf(item.value) ?? ['unknown', {}];
  const r: Struct = asStruct(value) ?? {};
  const start = toInstant(asText(r.callEventStartTimeStamp), asText(r.utcTimeOffset));
  const duration = asInt(r.callEventDuration);
  return {
    file: fileRow.file,
    sender: fileRow.sender,
    recipient: fileRow.recipient,
    sequenceNumber: fileRow.sequenceNumber,
    recordIndex: item.index,
    eventType: TYPES[kind] ?? 'unknown',
    imsi: asText(r.imsi),
    imei: asText(r.imei),
    msisdn: asText(r.msisdn),
    startLocal: start.local,
    startUtcOffset: start.utcOffset,
    startUtc: start.utc,
    endUtc: utcAfter(start, duration),
    durationSeconds: duration,
    causeForTermination: asInt(r.causeForTermination),
    teleServiceCode: serviceCode(r.serviceCode, 'teleServiceCode'),
    bearerServiceCode: serviceCode(r.serviceCode, 'bearerServiceCode'),
    supplementaryServiceCode: asText(r.supplementaryServiceCode),
    dialledDigits: asText(r.dialledDigits),
    connectedNumber: asText(r.connectedNumber),
    thirdPartyNumber: asText(r.thirdPartyNumber),
    callingNumber: asText(r.callingNumber),
    recEntityId: asText(r.recEntityId),
    callReference: asBigInt(r.callReference),
    apnNi: asText(r.accessPointNameNI),
    apnOi: asText(r.accessPointNameOI),
    dataVolumeIncoming: asBigInt(r.dataVolumeIncoming),
    dataVolumeOutgoing: asBigInt(r.dataVolumeOutgoing),
    sgsnAddress: asText(r.sgsnAddress),
    ggsnAddress: asText(r.ggsnAddress),
    chargingId: asBigInt(r.chargingId),
    chargeAmount: asBigInt(r.chargeAmount),
    servingNetwork: asText(r.servingNetwork),
    locationArea: asInt(r.locationArea),
    cellId: asInt(r.cellId),
  };
}

/**
 * CallEventsCount as sent: in the trailer, or among the header items when the file has no
 * CallEventList (the decoder then has no records list to split the items at).
 */
export function nrtrdeCountOf(
  header: HeaderItem,
  trailer: TrailerItem | undefined,
): Value | undefined {
  return trailer?.groups.callEventsCount ?? nrtrdeGroup(header).callEventsCount;
}

/** The Nrtrde items before the events. */
export function nrtrdeGroup(header: HeaderItem): Struct {
  return asStruct(header.groups.nrtrde) ?? header.groups;
}

/** The streaming form: build from the header, then feed records; `finish` adds the trailer's count. */
export function createNrtrdeNormaliser(file: string, header: HeaderItem) {
  const fileRow = normaliseNrtrdeHeader(file, header);
  return {
    file: fileRow,
    record: (item: RecordItem): NrtrdeEventRow => normaliseNrtrdeRecord(fileRow, item),
    finish: (trailer: TrailerItem): NrtrdeFileRow => ({
      ...fileRow,
      callEventsCount: asInt(nrtrdeCountOf(header, trailer)),
    }),
  };
}

export interface NrtrdeFileRows {
  file: NrtrdeFileRow;
  events: NrtrdeEventRow[];
}

/** Normalises a whole decoded NRTRDE file; null when there is no header. */
export function normaliseNrtrdeFile(
  file: string,
  items: Iterable<DecodeItem>,
): NrtrdeFileRows | null {
  let out: NrtrdeFileRows | null = null;
  let header: HeaderItem | undefined;
  for (const item of items) {
    if (item.type === 'header') {
      header = item;
      out = { file: normaliseNrtrdeHeader(file, item), events: [] };
    } else if (item.type === 'record' && out !== null)
      out.events.push(normaliseNrtrdeRecord(out.file, item));
    else if (item.type === 'trailer' && out !== null && header !== undefined)
      out.file.callEventsCount = asInt(nrtrdeCountOf(header, item));
  }
  return out;
}
