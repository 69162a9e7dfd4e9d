/**
 * Hand-built decoded TAP values for tests, following the schema's field names (as the decoder
 * yields them). Amounts use TapDecimalPlaces 3.
 */
import type { DecodeItem, ModuleName, Struct } from '../../asn1/types.ts';
import type { HeaderItem, RecordItem, TrailerItem } from '../shared/items.ts';

export const dt = (localTimeStamp: string, utcTimeOffsetCode = 0): Struct => ({
  localTimeStamp,
  utcTimeOffsetCode,
});
export const dtl = (localTimeStamp: string, utcTimeOffset = '+0100'): Struct => ({
  localTimeStamp,
  utcTimeOffset,
});

export function tapHeader(overrides: Struct = {}, module: ModuleName = 'TAP-3.12'): HeaderItem {
  return {
    type: 'header',
    kind: 'tap-batch',
    module,
    groups: {
      batchControlInfo: {
        sender: 'DEUD1',
        recipient: 'GBRCN',
        fileSequenceNumber: '00042',
        fileCreationTimeStamp: dtl('20240302080000'),
        transferCutOffTimeStamp: dtl('20240302070000'),
        fileAvailableTimeStamp: dtl('20240302083000'),
        specificationVersionNumber: 3,
        releaseVersionNumber: module === 'TAP-3.10' ? 10 : module === 'TAP-3.11' ? 11 : 12,
      },
      accountingInfo: {
        taxation: [{ taxCode: 1, taxType: '01', taxRate: '1900000' }],
        discounting: [
          { discountCode: 1, discountApplied: { discountRate: 1500 } },
          { discountCode: 2, discountApplied: { fixedDiscountValue: 250 } },
        ],
        localCurrency: 'EUR',
        tapCurrency: 'EUR',
        currencyConversionInfo: [
          { exchangeRateCode: 1, numberOfDecimalPlaces: 5, exchangeRate: 116203 },
        ],
        tapDecimalPlaces: 3,
      },
      networkInfo: {
        utcTimeOffsetInfo: [
          { utcTimeOffsetCode: 0, utcTimeOffset: '+0100' },
          { utcTimeOffsetCode: 1, utcTimeOffset: '-0530' },
        ],
        recEntityInfo: [
          {
            recEntityCode: 1,
            recEntityType: 1,
            recEntityId: module === 'TAP-3.10' ? { msisdn: '491720000001' } : '491720000001',
          },
          {
            recEntityCode: 2,
            recEntityType: 3,
            recEntityId:
              module === 'TAP-3.10' ? { gsnaddress: { iPTextV4Address: '10.0.0.1' } } : '10.0.0.1',
          },
        ],
      },
      ...overrides,
    },
  };
}

export const chargeInformation = (
  details: [string, number | bigint][],
  extra: Struct = {},
): Struct => ({
  chargedItem: 'D',
  exchangeRateCode: 1,
  chargeDetailList: details.map(([chargeType, charge]) => ({
    chargeType,
    charge,
    chargeableUnits: 60,
    chargedUnits: 60,
  })),
  ...extra,
});

export const sim = (imsi = '262011234567890', msisdn = '4917012345678'): Struct => ({
  simChargeableSubscriber: { imsi, msisdn },
});

export function moc(charge00: number | bigint, extra: Struct = {}): Struct {
  return {
    mobileOriginatedCall: {
      basicCallInformation: {
        chargeableSubscriber: sim(),
        destination: { calledNumber: '441234567890' },
        callEventStartTimeStamp: dt('20240301101500'),
        totalCallEventDuration: 125,
      },
      locationInformation: {
        networkLocation: { recEntityCode: 1, locationArea: 1234, cellId: 5678 },
        geographicalLocation: { servingNetwork: 'DEUD1' },
      },
      equipmentIdentifier: { imei: '35123456789012' },
      basicServiceUsedList: [
        {
          basicService: { serviceCode: { teleServiceCode: '11' } },
          chargeInformationList: [
            chargeInformation(
              [
                ['00', charge00],
                ['01', charge00],
              ],
              {
                taxInformation: [{ taxCode: 1, taxValue: 19, taxableAmount: 100 }],
                discountInformation: { discountCode: 2, discount: 5 },
              },
            ),
          ],
        },
      ],
      ...extra,
    },
  };
}

export function gprs(
  charge00: number | bigint,
  volumeIn: number | bigint,
  volumeOut: number | bigint,
): Struct {
  return {
    gprsCall: {
      gprsBasicCallInformation: {
        gprsChargeableSubscriber: { chargeableSubscriber: sim('262019999999999', '4917099999') },
        gprsDestination: { accessPointNameNI: 'internet', accessPointNameOI: 'mnc001.mcc262.gprs' },
        callEventStartTimeStamp: dt('20240301235930', 1),
        totalCallEventDuration: 3600,
        partialTypeIndicator: 'F',
        chargingId: 4294967296,
      },
      gprsLocationInformation: { gprsNetworkLocation: { recEntity: [2, 1] } },
      gprsServiceUsed: {
        dataVolumeIncoming: volumeIn,
        dataVolumeOutgoing: volumeOut,
        chargeInformationList: [chargeInformation([['00', charge00]])],
      },
    },
  };
}

export function messaging(charge: number | bigint, taxValue = 0): Struct {
  return {
    messagingEvent: {
      messagingEventService: 1,
      chargedParty: { imsi: '262011111111111', msisdn: '4917011111' },
      serviceStartTimestamp: dt('20240301120000'),
      exchangeRateCode: 1,
      charge,
      taxInformationList: [{ taxCode: 1, taxValue }],
    },
  };
}

export function session(details: [string, number | bigint][]): Struct {
  return {
    mobileSession: {
      mobileSessionService: 2,
      chargedParty: { imsi: '262012222222222' },
      serviceStartTimestamp: dt('20240301130000'),
      totalCallEventDuration: 30,
      sessionChargeInfoList: [
        {
          chargedItem: 'D',
          chargeDetail: { chargeType: details[0]?.[0] ?? '00', charge: details[0]?.[1] ?? 0 },
          chargeDetailList: details
            .slice(1)
            .map(([chargeType, charge]) => ({ chargeType, charge })),
        },
      ],
    },
  };
}

export const record = (index: number, value: Struct): RecordItem => ({
  type: 'record',
  index,
  offset: 100 + index * 50,
  value,
});

export const trailer = (auditControlInfo: Struct): TrailerItem => ({
  type: 'trailer',
  groups: { auditControlInfo },
});

/** A valid 3.12 batch, as mutable plain objects; audit totals computed from the inputs below. */
export function validBatch() {
  const charges = { moc: 1234, gprs: 500, messaging: 50, session: 70 };
  const taxes = { moc: 19, messaging: 9 };
  const header = tapHeader();
  const records: Struct[] = [
    moc(charges.moc),
    gprs(charges.gprs, 1000, 2000),
    messaging(charges.messaging, taxes.messaging),
    session([
      ['00', charges.session],
      ['01', 60],
    ]),
  ];
  const audit: Struct = {
    earliestCallTimeStamp: dtl('20240301101500', '+0100'), // MOC start, 09:15Z
    latestCallTimeStamp: dtl('20240302002930', '-0500'), // GPRS start 23:59:30 -0530 = 05:29:30Z
    totalCharge: BigInt(Object.values(charges).reduce((a, b) => a + b, 0)),
    totalTaxValue: BigInt(taxes.moc + taxes.messaging),
    totalDiscountValue: 5n,
    callEventDetailsCount: records.length,
  };
  return {
    header,
    records,
    audit,
    groups: header.groups,
    bci: header.groups.batchControlInfo as Struct,
  };
}

export const end: DecodeItem = { type: 'end', bytes: 1000, paddingBytes: 0, unknownTags: [] };
