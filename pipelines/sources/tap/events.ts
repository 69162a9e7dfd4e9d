/**
 * Where each kind of call event keeps its common facts (subscriber, start, duration, service,
 * location…), as one table of paths per record kind. Paths cover TAP 3.10, 3.11 and 3.12 names.
 */
import type { Struct } from '../../asn1/types.ts';
import { asStruct } from '../shared/value.ts';

export type TapEventType =
  | 'moc'
  | 'mtc'
  | 'sms-mo'
  | 'sms-mt'
  | 'gprs'
  | 'supplementary'
  | 'service-centre'
  | 'vas'
  | 'content'
  | 'location'
  | 'messaging'
  | 'mobile-session';

export interface EventPaths {
  type: TapEventType;
  imsi: readonly string[];
  msisdn: readonly string[];
  imei: readonly string[];
  /** A DateTime: the event's start. */
  start: readonly string[];
  duration: readonly string[];
  cause: readonly string[];
  /** BasicServiceCode CHOICE values (teleServiceCode / bearerServiceCode). */
  service: readonly string[];
  supplService: readonly string[];
  /** MessagingEventService, MobileSessionService or VasCode. */
  eventService: readonly string[];
  called: readonly string[];
  calling: readonly string[];
  nonChargedParty: readonly string[];
  recEntity: readonly string[];
  servingNetwork: readonly string[];
  locationArea: readonly string[];
  cellId: readonly string[];
  /** GprsDestination-shaped structs (accessPointNameNI / OI). */
  apn: readonly string[];
  /** Every path is summed (3.10 has a list of usages). */
  volumeIn: readonly string[];
  volumeOut: readonly string[];
  chargingId: readonly string[];
  partialType: readonly string[];
  rapFileSequenceNumber: readonly string[];
}

const sim = (base: string): string => `${base}/simChargeableSubscriber`;
const none: readonly string[] = [];

const callPaths = (type: TapEventType): EventPaths => ({
  type,
  imsi: [`${sim('basicCallInformation/chargeableSubscriber')}/imsi`],
  msisdn: [
    `${sim('basicCallInformation/chargeableSubscriber')}/msisdn`,
    'basicCallInformation/chargeableSubscriber/minChargeableSubscriber/mdn',
  ],
  imei: ['equipmentIdentifier/imei', 'equipmentInformation/imeiOrEsn/imei'],
  start: ['basicCallInformation/callEventStartTimeStamp'],
  duration: ['basicCallInformation/totalCallEventDuration'],
  cause: ['basicCallInformation/causeForTerm'],
  service: ['basicServiceUsedList[]/basicService/serviceCode'],
  supplService: ['supplServiceCode', 'supplServiceUsedList[]/supplServiceCode'],
  eventService: none,
  called: [
    'basicCallInformation/destination/calledNumber',
    'basicCallInformation/destination/dialledDigits',
  ],
  calling: ['basicCallInformation/callOriginator/callingNumber'],
  nonChargedParty: none,
  recEntity: ['locationInformation/networkLocation/recEntityCode'],
  servingNetwork: ['locationInformation/geographicalLocation/servingNetwork'],
  locationArea: ['locationInformation/networkLocation/locationArea'],
  cellId: ['locationInformation/networkLocation/cellId'],
  apn: none,
  volumeIn: none,
  volumeOut: none,
  chargingId: none,
  partialType: none,
  rapFileSequenceNumber: ['basicCallInformation/rapFileSequenceNumber'],
});

const empty: Omit<EventPaths, 'type'> = {
  ...callPaths('moc'),
  imsi: none,
  msisdn: none,
  imei: none,
  start: none,
  duration: none,
  cause: none,
  service: none,
  supplService: none,
  called: none,
  calling: none,
  recEntity: none,
  servingNetwork: none,
  locationArea: none,
  cellId: none,
  rapFileSequenceNumber: ['rapFileSequenceNumber'],
};

const chargedParty: Pick<EventPaths, 'imsi' | 'msisdn' | 'imei'> = {
  imsi: ['chargedParty/imsi'],
  msisdn: ['chargedParty/msisdn'],
  imei: ['chargedParty/imei'],
};

const gsmSubscriber = (base: string): Pick<EventPaths, 'imsi' | 'msisdn'> => ({
  imsi: [`${base}/gsmChargeableSubscriber/imsi`],
  msisdn: [`${base}/gsmChargeableSubscriber/msisdn`, `${base}/minChargeableSubscriber/mdn`],
});

/** Record kind (CallEventDetail alternative) → where its facts are. */
export const EVENT_PATHS: Readonly<Record<string, EventPaths>> = {
  mobileOriginatedCall: callPaths('moc'),
  mobileTerminatedCall: callPaths('mtc'),
  gprsCall: {
    ...empty,
    type: 'gprs',
    imsi: [`${sim('gprsBasicCallInformation/gprsChargeableSubscriber/chargeableSubscriber')}/imsi`],
    msisdn: [
      `${sim('gprsBasicCallInformation/gprsChargeableSubscriber/chargeableSubscriber')}/msisdn`,
    ],
    imei: ['equipmentIdentifier/imei', 'equipmentInformation/imeiOrEsn/imei'],
    start: ['gprsBasicCallInformation/callEventStartTimeStamp'],
    duration: ['gprsBasicCallInformation/totalCallEventDuration'],
    cause: ['gprsBasicCallInformation/causeForTerm'],
    recEntity: ['gprsLocationInformation/gprsNetworkLocation/recEntity[]'],
    servingNetwork: ['gprsLocationInformation/geographicalLocation/servingNetwork'],
    locationArea: ['gprsLocationInformation/gprsNetworkLocation/locationArea'],
    cellId: ['gprsLocationInformation/gprsNetworkLocation/cellId'],
    apn: ['gprsBasicCallInformation/gprsDestination'],
    volumeIn: [
      'gprsServiceUsed/dataVolumeIncoming',
      'gprsServiceUsed/gprsServiceUsageList[]/dataVolumeIncoming',
    ],
    volumeOut: [
      'gprsServiceUsed/dataVolumeOutgoing',
      'gprsServiceUsed/gprsServiceUsageList[]/dataVolumeOutgoing',
    ],
    chargingId: ['gprsBasicCallInformation/chargingId'],
    partialType: ['gprsBasicCallInformation/partialTypeIndicator'],
    rapFileSequenceNumber: ['gprsBasicCallInformation/rapFileSequenceNumber'],
  },
  supplServiceEvent: {
    ...empty,
    type: 'supplementary',
    imsi: [`${sim('chargeableSubscriber')}/imsi`],
    msisdn: [`${sim('chargeableSubscriber')}/msisdn`],
    imei: ['equipmentIdentifier/imei', 'equipmentInformation/imeiOrEsn/imei'],
    start: ['supplServiceUsed/chargingTimeStamp'],
    supplService: ['supplServiceUsed/supplServiceCode'],
    recEntity: ['locationInformation/networkLocation/recEntityCode'],
    servingNetwork: ['locationInformation/geographicalLocation/servingNetwork'],
    locationArea: ['locationInformation/networkLocation/locationArea'],
    cellId: ['locationInformation/networkLocation/cellId'],
  },
  serviceCentreUsage: {
    ...empty,
    type: 'service-centre',
    ...gsmSubscriber('basicInformation/chargeableSubscriber'),
    start: ['scuTimeStamps/depositTimeStamp'],
    nonChargedParty: [
      'basicInformation/nonChargedNumber',
      'basicInformation/nonChargedParty/nonChargedNumber',
    ],
    recEntity: ['recEntityCode'],
    servingNetwork: ['servingNetwork'],
  },
  valueAddedService: {
    ...empty,
    type: 'vas',
    ...gsmSubscriber('chargeableSubscriber'),
    start: ['valueAddedServiceUsed/chargingTimeStamp'],
    eventService: ['valueAddedServiceUsed/vasCode'],
    servingNetwork: ['servingNetwork'],
  },
  contentTransaction: {
    ...empty,
    type: 'content',
    start: [
      'contentTransactionBasicInfo/orderPlacedTimeStamp',
      'contentTransactionBasicInfo/requestedDeliveryTimeStamp',
      'contentTransactionBasicInfo/actualDeliveryTimeStamp',
    ],
    duration: ['contentTransactionBasicInfo/totalTransactionDuration'],
    volumeIn: ['contentServiceUsed[]/dataVolumeIncoming'],
    volumeOut: ['contentServiceUsed[]/dataVolumeOutgoing'],
    rapFileSequenceNumber: ['contentTransactionBasicInfo/rapFileSequenceNumber'],
  },
  locationService: {
    ...empty,
    type: 'location',
    start: [
      'locationServiceUsage/chargingTimeStamp',
      'locationServiceUsage/lCSQosRequested/lCSRequestTimestamp',
    ],
    recEntity: ['recEntityCode'],
  },
  messagingEvent: {
    ...empty,
    type: 'messaging',
    ...chargedParty,
    start: ['serviceStartTimestamp'],
    eventService: ['messagingEventService'],
    nonChargedParty: [
      'nonChargedParty/nonChargedPartyNumber',
      'nonChargedParty/nonChargedPublicUserId',
    ],
    recEntity: ['recEntityCodeList[]'],
    servingNetwork: ['geographicalLocation/servingNetwork'],
    locationArea: ['locationArea'],
    cellId: ['cellId'],
  },
  mobileSession: {
    ...empty,
    type: 'mobile-session',
    ...chargedParty,
    start: ['serviceStartTimestamp'],
    duration: ['totalCallEventDuration'],
    cause: ['causeForTerm'],
    eventService: ['mobileSessionService'],
    called: ['requestedDestination/requestedNumber', 'requestedDestination/requestedPublicUserId'],
    nonChargedParty: [
      'nonChargedParty/nonChargedPartyNumber',
      'nonChargedParty/nonChargedPublicUserId',
    ],
    recEntity: ['recEntityCodeList[]'],
    servingNetwork: ['geographicalLocation/servingNetwork'],
    locationArea: ['locationArea'],
    cellId: ['cellId'],
  },
};

/** TeleServiceCode 20 (all SMS), 21 (SMS MT) and 22 (SMS MO) turn a MOC / MTC into an SMS event. */
export function refineEventType(type: TapEventType, teleServiceCode: string | null): TapEventType {
  if (type === 'moc' && (teleServiceCode === '22' || teleServiceCode === '20')) return 'sms-mo';
  if (type === 'mtc' && (teleServiceCode === '21' || teleServiceCode === '20')) return 'sms-mt';
  return type;
}

/** The record's kind and body: `{ mobileOriginatedCall: {...} }` → ['mobileOriginatedCall', {...}]. */
export function recordKind(value: Struct): [string, Struct] {
  for (const kind in value) {
    if (Object.hasOwn(value, kind)) return [kind, asStruct(value[kind]) ?? {}];
  }
  return ['unknown', {}];
}
