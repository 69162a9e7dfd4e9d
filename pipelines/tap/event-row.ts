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

export function eventRow(
  ctx: TapFileContext,
  recordIndex: number,
  kind: string,
  body: Struct,
  totalCharge: bigint,
): TapEventRow {
  const paths = EVENT_PATHS[kind];
  const get = (list: readonly string[] | undefined): Value | undefined =>
    list === undefined ? undefined : first(body, list);
  const start = paths === undefined ? noInstant : resolveDateTime(get(paths.start), ctx.utcOffsets);
  const duration = asInt(get(paths?.duration));
  const service = get(paths?.service);
  const tele = serviceCode(service, 'teleServiceCode');
  const recEntityCode = asInt(get(paths?.recEntity));
  const recEntity = recEntityCode === null ? undefined : ctx.recEntities.get(recEntityCode);
  const apn = asStruct(get(paths?.apn));
  // Every column written out (no spread): V8 keeps such a literal in fast mode.
  return {
    file: ctx.file,
    sender: ctx.sender,
    recipient: ctx.recipient,
    fileSequenceNumber: ctx.fileSequenceNumber,
    recordIndex,
    recordKind: kind,
    eventType: paths === undefined ? 'unknown' : refineEventType(paths.type, tele),
    imsi: asText(get(paths?.imsi)),
    msisdn: asText(get(paths?.msisdn)),
    imei: asText(get(paths?.imei)),
    startLocal: start.local,
    startUtcOffset: start.utcOffset,
    startUtc: start.utc,
    endUtc: addSeconds(start.utc, duration),
    durationSeconds: duration,
    causeForTermination: asInt(get(paths?.cause)),
    teleServiceCode: tele,
    bearerServiceCode: serviceCode(service, 'bearerServiceCode'),
    supplServiceCode: asText(get(paths?.supplService)),
    eventService: asInt(get(paths?.eventService)),
    calledNumber: asText(get(paths?.called)),
    callingNumber: asText(get(paths?.calling)),
    nonChargedParty: asText(get(paths?.nonChargedParty)),
    servingNetwork: asText(get(paths?.servingNetwork)),
    recEntityCode,
    recEntityType: recEntity?.type ?? null,
    recEntityId: recEntity?.id ?? null,
    locationArea: asInt(get(paths?.locationArea)),
    cellId: asInt(get(paths?.cellId)),
    apnNi: asText(apn?.accessPointNameNI),
    apnOi: asText(apn?.accessPointNameOI),
    dataVolumeIncoming: paths === undefined ? null : sumAll(body, paths.volumeIn),
    dataVolumeOutgoing: paths === undefined ? null : sumAll(body, paths.volumeOut),
    chargingId: asBigInt(get(paths?.chargingId)),
    partialTypeIndicator: asText(get(paths?.partialType)),
    rapFileSequenceNumber: asText(get(paths?.rapFileSequenceNumber)),
    totalCharge,
    tapCurrency: ctx.tapCurrency,
    tapDecimalPlaces: ctx.tapDecimalPlaces,
  };
}
