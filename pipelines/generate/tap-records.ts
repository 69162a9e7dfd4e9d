/**
 * A TapEvent as a TAP call event (schema field names, as the decoder returns them): MOC / MTC
 * for calls and SMS (teleservice 11, 22 SMS MO, 21 SMS MT), GprsCall for data, MobileSession for
 * VoLTE in 3.12; and as an NRTRDE event. Times are the visited network's (the sender's).
 */
import type { Struct } from '../asn1/types.ts';
import { dateTime, localTime } from './partner-time.ts';
import { imei } from './subscribers.ts';
import type { TapEvent } from './tap-events.ts';
import { visitedApnOi, type TapSide } from './tap-side.ts';

/** Recording entity codes of NetworkInfo (tap-header.ts). */
export const REC = { msc: 1, sgsn: 2, pgw: 3 } as const;
/** CallTypeLevel1 of data by routing: 10 home GGSN/P-GW, 11 visited, 12 other (TD.57). */
const CALL_TYPE = { home: 10, local: 11, regional: 12 } as const;

function chargeInformation(p: TapSide, e: TapEvent, chargedItem: string, level1: number): Struct {
  const info: Struct = {
    chargedItem,
    exchangeRateCode: 1,
    callTypeGroup: { callTypeLevel1: level1, callTypeLevel2: 0, callTypeLevel3: 0 },
    chargeDetailList: [
      {
        chargeType: '00',
        charge: e.charge,
        chargeableUnits: e.units,
        chargedUnits: e.chargedUnits,
      },
      {
        chargeType: '01',
        charge: e.charge,
        chargeableUnits: e.units,
        chargedUnits: e.chargedUnits,
      },
    ],
  };
  if (p.taxRate !== null)
    info.taxInformation = [{ taxCode: 1, taxValue: e.tax, taxableAmount: e.charge }];
  if (e.discount > 0) info.discountInformation = { discountCode: 1, discount: e.discount };
  return info;
}

function teleService(e: TapEvent): string {
  return e.kind === 'sms-mo' ? '22' : e.kind === 'sms-mt' ? '21' : '11';
}

function location(p: TapSide, e: TapEvent): Struct {
  return {
    networkLocation: {
      recEntityCode: REC.msc,
      locationArea: 1000 + (e.cell % 400),
      cellId: e.cell,
    },
    geographicalLocation: { servingNetwork: p.visited.tadig },
  };
}

function subscriber(p: TapSide, e: TapEvent): Struct {
  return { simChargeableSubscriber: { imsi: p.imsi(e.sub), msisdn: p.msisdn(e.sub) } };
}

function call(p: TapSide, e: TapEvent): Struct {
  const mo = e.kind === 'moc' || e.kind === 'sms-mo' || e.kind === 'volte';
  const international = e.otherParty.startsWith(p.homeCc);
  const basic: Struct = { chargeableSubscriber: subscriber(p, e) };
  if (mo) basic.destination = { calledNumber: e.otherParty };
  else basic.callOriginator = { callingNumber: e.otherParty };
  basic.callEventStartTimeStamp = dateTime(p.visited, e.t);
  basic.totalCallEventDuration = e.duration;
  return {
    [mo ? 'mobileOriginatedCall' : 'mobileTerminatedCall']: {
      basicCallInformation: basic,
      locationInformation: location(p, e),
      equipmentIdentifier: { imei: imei(e.sub, e.iot) },
      basicServiceUsedList: [
        {
          basicService: { serviceCode: { teleServiceCode: teleService(e) } },
          chargeInformationList: [
            chargeInformation(p, e, e.kind.startsWith('sms') ? 'E' : 'D', international ? 2 : 1),
          ],
        },
      ],
    },
  };
}

function gprs(p: TapSide, e: TapEvent): Struct {
  const apn = e.iot ? p.apn.iot : p.apn.internet;
  return {
    gprsCall: {
      gprsBasicCallInformation: {
        gprsChargeableSubscriber: { chargeableSubscriber: subscriber(p, e) },
        gprsDestination: {
          accessPointNameNI: apn,
          accessPointNameOI: e.routing === 'home' ? p.homeApnOi : visitedApnOi(p.visited),
        },
        callEventStartTimeStamp: dateTime(p.visited, e.t),
        totalCallEventDuration: e.duration,
        chargingId: e.chargingId,
      },
      gprsLocationInformation: {
        gprsNetworkLocation: {
          recEntity: [REC.sgsn, REC.pgw],
          locationArea: 1000 + (e.cell % 400),
          cellId: e.cell,
        },
        geographicalLocation: { servingNetwork: p.visited.tadig },
      },
      equipmentIdentifier: { imei: imei(e.sub, e.iot) },
      gprsServiceUsed: {
        dataVolumeIncoming: e.volumeIn,
        dataVolumeOutgoing: e.volumeOut,
        chargeInformationList: [chargeInformation(p, e, 'X', CALL_TYPE[e.routing])],
      },
    },
  };
}

function volte(p: TapSide, e: TapEvent): Struct {
  const charge: Struct = {
    chargedItem: 'D',
    exchangeRateCode: 1,
    chargeDetail: {
      chargeType: '00',
      charge: e.charge,
      chargeableUnits: e.units,
      chargedUnits: e.chargedUnits,
    },
  };
  if (p.taxRate !== null)
    charge.taxInformationList = [{ taxCode: 1, taxValue: e.tax, taxableAmount: e.charge }];
  return {
    mobileSession: {
      mobileSessionService: 1,
      chargedParty: { imsi: p.imsi(e.sub), msisdn: p.msisdn(e.sub) },
      geographicalLocation: { servingNetwork: p.visited.tadig },
      recEntityCodeList: [REC.pgw],
      serviceStartTimestamp: dateTime(p.visited, e.t),
      totalCallEventDuration: e.duration,
      requestedDestination: { requestedNumber: e.otherParty },
      sessionChargeInfoList: [charge],
    },
  };
}

export function tapRecord(p: TapSide, e: TapEvent): Struct {
  if (e.kind === 'gprs') return gprs(p, e);
  if (e.kind === 'volte') return volte(p, e);
  return call(p, e);
}

/** The NRTRDE copy of an event (VoLTE as a MOC); ChargeAmount is the TAP charge. */
export function nrtrdeRecord(p: TapSide, e: TapEvent): Struct {
  const l = localTime(p.visited, e.t);
  const common: Struct = {
    imsi: p.imsi(e.sub),
    imei: imei(e.sub, e.iot),
    callEventStartTimeStamp: l.stamp,
    utcTimeOffset: l.offset,
    callEventDuration: e.duration,
  };
  const tail: Struct = {
    chargeAmount: e.charge,
    servingNetwork: p.visited.tadig,
    msisdn: p.msisdn(e.sub),
  };
  if (e.kind === 'gprs') {
    return {
      gprs: {
        ...common,
        accessPointNameNI: e.iot ? p.apn.iot : p.apn.internet,
        dataVolumeIncoming: e.volumeIn,
        dataVolumeOutgoing: e.volumeOut,
        chargingId: e.chargingId,
        ...tail,
      },
    };
  }
  const mo = e.kind !== 'mtc' && e.kind !== 'sms-mt';
  const service = { serviceCode: { teleServiceCode: teleService(e) } };
  return mo
    ? { moc: { ...common, ...service, dialledDigits: `+${e.otherParty}`, ...tail } }
    : { mtc: { ...common, ...service, callingNumber: e.otherParty, ...tail } };
}
