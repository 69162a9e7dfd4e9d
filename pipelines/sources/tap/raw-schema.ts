/** TAP's raw tables: one per normalised row kind, plus validation findings. */
import { rowTable } from '../../columns/row-table.ts';
import { validationTable } from '../shared/validation-table.ts';
import type {
  TapAuditRow,
  TapChargeRow,
  TapDiscountRow,
  TapEventRow,
  TapFileRow,
  TapTaxRow,
} from './rows.ts';

const key = {
  sender: ['VARCHAR', 'Sender TADIG'],
  recipient: ['VARCHAR', 'Recipient TADIG'],
  fileSequenceNumber: ['VARCHAR', 'FileSequenceNumber, 5 digits'],
} as const;

const money = {
  scale: ['INTEGER', 'TapDecimalPlaces: amounts are integer / 10^scale'],
  currency: ['VARCHAR', 'TapCurrency, or XDR (SDR) when the file has none'],
} as const;

export const tapFilesTable = rowTable<TapFileRow>(
  'raw.tap_files',
  'One row per TAP file (transfer batch or notification).',
  {
    ...key,
    kind: ['VARCHAR', 'tap-batch or tap-notification'],
    module: ['VARCHAR', 'TAP-3.10, TAP-3.11 or TAP-3.12'],
    specificationVersionNumber: ['INTEGER', 'SpecificationVersionNumber'],
    releaseVersionNumber: ['INTEGER', 'ReleaseVersionNumber'],
    fileTypeIndicator: ['VARCHAR', 'T for test data, NULL for chargeable'],
    rapFileSequenceNumber: ['VARCHAR', 'RAP file this batch answers, if any'],
    fileCreationUtc: ['TIMESTAMP', 'FileCreationTimeStamp, UTC'],
    transferCutOffUtc: ['TIMESTAMP', 'TransferCutOffTimeStamp, UTC'],
    fileAvailableUtc: ['TIMESTAMP', 'FileAvailableTimeStamp, UTC'],
    fileAvailableUtcOffset: ['VARCHAR', 'UTC offset of FileAvailableTimeStamp, +HHMM'],
    tapCurrency: ['VARCHAR', 'TapCurrency, or XDR'],
    localCurrency: ['VARCHAR', 'LocalCurrency'],
    tapDecimalPlaces: ['INTEGER', 'TapDecimalPlaces'],
  },
);

export const tapEventsTable = rowTable<TapEventRow>(
  'raw.tap_events',
  'One row per TAP call event.',
  {
    ...key,
    recordIndex: ['INTEGER', '0-based position of the record in the file'],
    recordKind: ['VARCHAR', 'CallEventDetail alternative, e.g. mobileOriginatedCall'],
    eventType: [
      'VARCHAR',
      'moc, mtc, sms-mo, sms-mt, gprs, supplementary, service-centre, vas, content, location, messaging, mobile-session',
    ],
    imsi: ['VARCHAR', 'IMSI'],
    msisdn: ['VARCHAR', 'MSISDN'],
    imei: ['VARCHAR', 'IMEI'],
    startLocal: ['TIMESTAMP', 'Start, local time of the visited network'],
    startUtcOffset: ['VARCHAR', 'UTC offset of the start, +HHMM'],
    startUtc: ['TIMESTAMP', 'Start, UTC'],
    endUtc: ['TIMESTAMP', 'Start + duration, UTC'],
    durationSeconds: ['BIGINT', 'TotalCallEventDuration, seconds'],
    causeForTermination: ['INTEGER', 'CauseForTerm'],
    teleServiceCode: ['VARCHAR', 'TeleServiceCode'],
    bearerServiceCode: ['VARCHAR', 'BearerServiceCode'],
    supplServiceCode: ['VARCHAR', 'SupplServiceCode'],
    eventService: ['INTEGER', 'MessagingEventService, MobileSessionService or VasCode'],
    calledNumber: ['VARCHAR', 'Called number'],
    callingNumber: ['VARCHAR', 'Calling number'],
    nonChargedParty: ['VARCHAR', 'Non-charged party number'],
    servingNetwork: ['VARCHAR', 'Serving network'],
    recEntityCode: ['INTEGER', 'RecEntityCode'],
    recEntityType: ['INTEGER', 'RecEntityType from NetworkInfo'],
    recEntityId: ['VARCHAR', 'RecEntityId from NetworkInfo (MSC/SGSN GT, IP address…)'],
    locationArea: ['INTEGER', 'Location area code'],
    cellId: ['INTEGER', 'Cell id'],
    apnNi: ['VARCHAR', 'APN network identifier'],
    apnOi: ['VARCHAR', 'APN operator identifier'],
    dataVolumeIncoming: ['BIGINT', 'Bytes downloaded'],
    dataVolumeOutgoing: ['BIGINT', 'Bytes uploaded'],
    chargingId: ['BIGINT', 'GPRS charging id'],
    partialTypeIndicator: ['VARCHAR', 'F, I or L for partial records'],
    rapFileSequenceNumber: ['VARCHAR', 'RAP file sequence number of a re-submitted record'],
    totalCharge: ['BIGINT', 'What the record adds to the file total charge (integer, scaled)'],
    tapCurrency: ['VARCHAR', 'TapCurrency, or XDR'],
    tapDecimalPlaces: ['INTEGER', 'TapDecimalPlaces'],
  },
);

const chargeKey = {
  ...key,
  recordIndex: ['INTEGER', 'Record the charge belongs to'],
  chargeInformationIndex: ['INTEGER', 'Position of the ChargeInformation in the record'],
  itemPath: ['VARCHAR', 'Where in the record the item sits'],
  ...money,
} as const;

export const tapChargesTable = rowTable<TapChargeRow>(
  'raw.tap_charges',
  'One row per TAP charge detail.',
  {
    ...chargeKey,
    source: [
      'VARCHAR',
      'charge-information, session-charge, messaging-charge or camel-invocation-fee',
    ],
    chargedItem: ['VARCHAR', 'ChargedItem'],
    chargeType: ['VARCHAR', 'ChargeType: 00 is the invoiceable total'],
    charge: ['BIGINT', 'Charge, integer scaled by scale'],
    invoiceable: ['BOOLEAN', 'Counts toward the file total charge'],
    refund: ['BOOLEAN', 'A refund'],
    chargeableUnits: ['BIGINT', 'ChargeableUnits'],
    chargedUnits: ['BIGINT', 'ChargedUnits'],
    exchangeRateCode: ['INTEGER', 'ExchangeRateCode'],
    exchangeRate: ['BIGINT', 'ExchangeRate, integer scaled by exchange_rate_decimal_places'],
    exchangeRateDecimalPlaces: ['INTEGER', 'NumberOfDecimalPlaces of the exchange rate'],
  },
);

export const tapTaxesTable = rowTable<TapTaxRow>(
  'raw.tap_taxes',
  'One row per TAP tax information.',
  {
    ...chargeKey,
    refund: ['BOOLEAN', 'A refund'],
    taxCode: ['INTEGER', 'TaxCode'],
    taxType: ['VARCHAR', 'TaxType from the Taxation table'],
    taxRate: ['VARCHAR', 'TaxRate, 5 implied decimals, as sent'],
    taxValue: ['BIGINT', 'TaxValue, integer scaled by scale'],
    taxableAmount: ['BIGINT', 'TaxableAmount, integer scaled by scale'],
    chargeType: ['VARCHAR', 'ChargeType the tax applies to'],
  },
);

export const tapDiscountsTable = rowTable<TapDiscountRow>(
  'raw.tap_discounts',
  'One row per TAP discount information.',
  {
    ...chargeKey,
    refund: ['BOOLEAN', 'A refund'],
    discountCode: ['INTEGER', 'DiscountCode'],
    discount: ['BIGINT', 'Discount, integer scaled by scale'],
    discountableAmount: ['BIGINT', 'DiscountableAmount, integer scaled by scale'],
    fixedDiscountValue: ['BIGINT', 'Fixed discount value from the Discounting table'],
    discountRate: ['INTEGER', 'Discount rate, 1500 = 15.00 %'],
  },
);

export const tapAuditTable = rowTable<TapAuditRow>(
  'raw.tap_audit',
  'One row per TAP file: its AuditControlInfo as sent.',
  {
    ...key,
    earliestCallUtc: ['TIMESTAMP', 'EarliestCallTimeStamp, UTC'],
    latestCallUtc: ['TIMESTAMP', 'LatestCallTimeStamp, UTC'],
    totalCharge: ['BIGINT', 'TotalCharge, integer scaled by scale'],
    totalChargeRefund: ['BIGINT', 'TotalChargeRefund'],
    totalTaxValue: ['BIGINT', 'TotalTaxValue'],
    totalTaxRefund: ['BIGINT', 'TotalTaxRefund'],
    totalDiscountValue: ['BIGINT', 'TotalDiscountValue'],
    totalDiscountRefund: ['BIGINT', 'TotalDiscountRefund'],
    callEventDetailsCount: ['INTEGER', 'CallEventDetailsCount'],
    ...money,
  },
);

export const tapValidationTable = validationTable(
  'raw.tap_validation',
  'TD.57-style validation findings of TAP files.',
);

export const tapTables = [
  tapFilesTable,
  tapEventsTable,
  tapChargesTable,
  tapTaxesTable,
  tapDiscountsTable,
  tapAuditTable,
  tapValidationTable,
] as const;
