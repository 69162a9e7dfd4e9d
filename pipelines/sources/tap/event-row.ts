/** One call event → TapEventRow, reading EVENT_PATHS. */
import type { Struct, Value } from '../../asn1/types.ts';
import type { TapFileContext } from './context.ts';
import { EVENT_PATHS, refineEventType, type EventPaths, type TapEventType } from './events.ts';
import type { TapEventRow, TapFileKey } from './rows.ts';
import { noInstant, resolveDateTime, utcAfter, type Instant } from '../shared/time.ts';
import {
  asBigInt,
  asInt,
  asStruct,
  asText,
  choiceOf,
  compilePaths,
  firstOf,
  sumOf,
  type CompiledPaths,
} from '../shared/value.ts';

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

type PathKey = Exclude<keyof EventPaths, 'type'>;
type Compiled = { type: TapEventType } & { [K in PathKey]: CompiledPaths };

const compiledByKind = new Map<string, Compiled | null>();

/** EVENT_PATHS of a record kind, split once per kind; null for a kind it does not know. */
function compiledPaths(kind: string): Compiled | null {
  let compiled = compiledByKind.get(kind);
  if (compiled === undefined) {
    const paths = Object.hasOwn(EVENT_PATHS, kind) ? EVENT_PATHS[kind] : undefined;
    compiled = null;
    if (paths !== undefined) {
      const entries: [string, unknown][] = Object.entries(paths).map(([key, value]) => [
        key,
        key === 'type' ? value : compilePaths(value as readonly string[]),
      ]);
      compiled = Object.fromEntries(entries) as Compiled;
    }
    compiledByKind.set(kind, compiled);
  }
  return compiled;
}

function get(body: Struct, paths: CompiledPaths | undefined): Value | undefined {
  return paths === undefined ? undefined : firstOf(body, paths);
}

/** The record's start (its kind's DateTime), resolved through the file's offset table. */
export function eventStart(ctx: TapFileContext, kind: string, body: Struct): Instant {
  const paths = compiledPaths(kind);
  return paths === null ? noInstant : resolveDateTime(firstOf(body, paths.start), ctx.utcOffsets);
}

/** The event row of a call event whose start (`eventStart`) and invoiceable total are known. */
export function eventRow(
  ctx: TapFileContext,
  recordIndex: number,
  kind: string,
  body: Struct,
  start: Instant,
  totalCharge: bigint,
): TapEventRow {
  const paths = compiledPaths(kind) ?? undefined;
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
    endUtc: utcAfter(start, duration),
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
    dataVolumeIncoming: paths === undefined ? null : sumOf(body, paths.volumeIn),
    dataVolumeOutgoing: paths === undefined ? null : sumOf(body, paths.volumeOut),
    chargingId: asBigInt(get(body, paths?.chargingId)),
    partialTypeIndicator: asText(get(body, paths?.partialType)),
    rapFileSequenceNumber: asText(get(body, paths?.rapFileSequenceNumber)),
    totalCharge,
    tapCurrency: ctx.tapCurrency,
    tapDecimalPlaces: ctx.tapDecimalPlaces,
  };
}
