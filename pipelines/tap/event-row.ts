/** One call event → TapEventRow, reading EVENT_PATHS. */
import type { Struct, Value } from '../asn1/types.ts';
import type { TapFileContext } from './context.ts';
import { EVENT_PATHS, refineEventType } from './events.ts';
import type { TapEventRow, TapFileKey } from './rows.ts';
import { addSeconds, noInstant, resolveDateTime } from './time.ts';
import { asBigInt, asInt, asStruct, asText, choiceOf, first, sumAll } from './value.ts';

export function fileKey(ctx: TapFileContext): TapFileKey {
  return {
    file: ctx.file,
    sender: ctx.sender,
    recipient: ctx.recipient,
    fileSequenceNumber: ctx.fileSequenceNumber,
  };
}

function serviceCode(value: Value | undefined, alternative: string): string | null {
  const chosen = choiceOf(value);
  return chosen?.[0] === alternative ? asText(chosen[1]) : null;
}

function get(body: Struct, list: readonly string[] | undefined): Value | undefined {
  return list === undefined ? undefined : first(body, list);
}

export function eventRow(
  ctx: TapFileContext,
  recordIndex: number,
  kind: string,
  body: Struct,
  totalCharge: bigint,
): TapEventRow {
  const paths = EVENT_PATHS[kind];
  const start =
    paths === undefined ? noInstant : resolveDateTime(first(body, paths.start), ctx.utcOffsets);
  const duration = asInt(get(body, paths?.duration));
  const service = get(body, paths?.service);
  const tele = serviceCode(service, 'teleServiceCode');
  const recEntityCode = asInt(get(body, paths?.recEntity));
  const recEntity = recEntityCode === null ? undefined : ctx.recEntities.get(recEntityCode);
  const apn = asStruct(get(body, paths?.apn));
  // Every column written out (no spread): V8 keeps such a literal in fast mode.
  return {
    file: ctx.file,
    sender: ctx.sender,
    recipient: ctx.recipient,
    fileSequenceNumber: ctx.fileSequenceNumber,
    recordIndex,
    recordKind: kind,
    eventType: paths === undefined ? 'unknown' : refineEventType(paths.type, tele),
    imsi: asText(get(body, paths?.imsi)),
    msisdn: asText(get(body, paths?.msisdn)),
    imei: asText(get(body, paths?.imei)),
    startLocal: start.local,
    startUtcOffset: start.utcOffset,
    startUtc: start.utc,
    endUtc: addSeconds(start.utc, duration),
    durationSeconds: duration,
    causeForTermination: asInt(get(body, paths?.cause)),
    teleServiceCode: tele,
    bearerServiceCode: serviceCode(service, 'bearerServiceCode'),
    supplServiceCode: asText(get(body, paths?.supplService)),
    eventService: asInt(get(body, paths?.eventService)),
    calledNumber: asText(get(body, paths?.called)),
    callingNumber: asText(get(body, paths?.calling)),
    nonChargedParty: asText(get(body, paths?.nonChargedParty)),
    servingNetwork: asText(get(body, paths?.servingNetwork)),
    recEntityCode,
    recEntityType: recEntity?.type ?? null,
    recEntityId: recEntity?.id ?? null,
    locationArea: asInt(get(body, paths?.locationArea)),
    cellId: asInt(get(body, paths?.cellId)),
    apnNi: asText(apn?.accessPointNameNI),
    apnOi: asText(apn?.accessPointNameOI),
    dataVolumeIncoming: paths === undefined ? null : sumAll(body, paths.volumeIn),
    dataVolumeOutgoing: paths === undefined ? null : sumAll(body, paths.volumeOut),
    chargingId: asBigInt(get(body, paths?.chargingId)),
    partialTypeIndicator: asText(get(body, paths?.partialType)),
    rapFileSequenceNumber: asText(get(body, paths?.rapFileSequenceNumber)),
    totalCharge,
    tapCurrency: ctx.tapCurrency,
    tapDecimalPlaces: ctx.tapDecimalPlaces,
  };
}
