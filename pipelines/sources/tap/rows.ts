/**
 * The flat rows TAP normalisation produces. Conventions:
 * - absent items are null;
 * - money is an exact bigint integer with `scale` = TapDecimalPlaces (value = integer / 10^scale);
 * - times are three strings (see time.ts): `…Local` `YYYY-MM-DDThh:mm:ss`, `…UtcOffset` `+HHMM`,
 *   `…Utc` `YYYY-MM-DDThh:mm:ssZ`;
 * - volumes and charging ids are bigint (INTEGERs can exceed 2^53).
 */
import type { FileKind, ModuleName } from '../../asn1/types.ts';
import type { ChargeSource } from './charges.ts';
import type { TapEventType } from './events.ts';

/** Columns every row of a TAP file carries. */
export interface TapFileKey {
  file: string;
  sender: string | null;
  recipient: string | null;
  fileSequenceNumber: string | null;
}

/** One row per file (batch or notification). */
export interface TapFileRow extends TapFileKey {
  kind: FileKind;
  module: ModuleName;
  specificationVersionNumber: number | null;
  releaseVersionNumber: number | null;
  fileTypeIndicator: string | null;
  rapFileSequenceNumber: string | null;
  fileCreationLocal: string | null;
  fileCreationUtcOffset: string | null;
  fileCreationUtc: string | null;
  transferCutOffLocal: string | null;
  transferCutOffUtcOffset: string | null;
  transferCutOffUtc: string | null;
  fileAvailableLocal: string | null;
  fileAvailableUtcOffset: string | null;
  fileAvailableUtc: string | null;
  tapCurrency: string;
  localCurrency: string | null;
  tapDecimalPlaces: number | null;
}

/** One row per call event. */
export interface TapEventRow extends TapFileKey {
  recordIndex: number;
  /** The CallEventDetail alternative, e.g. `mobileOriginatedCall`. */
  recordKind: string;
  eventType: TapEventType | 'unknown';
  imsi: string | null;
  msisdn: string | null;
  imei: string | null;
  startLocal: string | null;
  startUtcOffset: string | null;
  startUtc: string | null;
  /** startUtc + durationSeconds. */
  endUtc: string | null;
  durationSeconds: number | null;
  causeForTermination: number | null;
  teleServiceCode: string | null;
  bearerServiceCode: string | null;
  supplServiceCode: string | null;
  /** MessagingEventService, MobileSessionService or VasCode. */
  eventService: number | null;
  calledNumber: string | null;
  callingNumber: string | null;
  nonChargedParty: string | null;
  servingNetwork: string | null;
  recEntityCode: number | null;
  recEntityType: number | null;
  recEntityId: string | null;
  locationArea: number | null;
  cellId: number | null;
  apnNi: string | null;
  apnOi: string | null;
  dataVolumeIncoming: bigint | null;
  dataVolumeOutgoing: bigint | null;
  chargingId: bigint | null;
  partialTypeIndicator: string | null;
  rapFileSequenceNumber: string | null;
  /** Sum of the record's invoiceable, non-refund charges (what it adds to TotalCharge). */
  totalCharge: bigint;
  tapCurrency: string;
  tapDecimalPlaces: number | null;
}

/** Columns that place an item inside a record's charges. */
export interface TapChargeKey extends TapFileKey {
  recordIndex: number;
  /** Position of the ChargeInformation (or equivalent) in the record: joins taxes and discounts. */
  chargeInformationIndex: number;
  itemPath: string;
  scale: number | null;
  currency: string;
}

/** One row per charge detail (or bare Charge / CAMEL invocation fee). */
export interface TapChargeRow extends TapChargeKey {
  source: ChargeSource;
  chargedItem: string | null;
  chargeType: string | null;
  charge: bigint | null;
  /** Counts toward AuditControlInfo TotalCharge (type '00', bare Charge, CAMEL fee; not refunds). */
  invoiceable: boolean;
  refund: boolean;
  chargeableUnits: bigint | null;
  chargedUnits: bigint | null;
  exchangeRateCode: number | null;
  exchangeRate: bigint | null;
  exchangeRateDecimalPlaces: number | null;
}

/** One row per TaxInformation attached to a ChargeInformation (join on chargeInformationIndex). */
export interface TapTaxRow extends TapChargeKey {
  refund: boolean;
  taxCode: number | null;
  taxType: string | null;
  /** 5 implied decimal places, as sent. */
  taxRate: string | null;
  taxValue: bigint | null;
  taxableAmount: bigint | null;
  chargeType: string | null;
}

/** One row per DiscountInformation attached to a ChargeInformation. */
export interface TapDiscountRow extends TapChargeKey {
  refund: boolean;
  discountCode: number | null;
  discount: bigint | null;
  discountableAmount: bigint | null;
  fixedDiscountValue: bigint | null;
  /** 1500 = 15.00 %. */
  discountRate: number | null;
}

/** One row per file: AuditControlInfo as sent. */
export interface TapAuditRow extends TapFileKey {
  earliestCallLocal: string | null;
  earliestCallUtcOffset: string | null;
  earliestCallUtc: string | null;
  latestCallLocal: string | null;
  latestCallUtcOffset: string | null;
  latestCallUtc: string | null;
  /** TotalCharge (3.11+) or the '00' entry of TotalChargeValueList (3.10). */
  totalCharge: bigint | null;
  totalChargeRefund: bigint | null;
  totalTaxValue: bigint | null;
  totalTaxRefund: bigint | null;
  totalDiscountValue: bigint | null;
  totalDiscountRefund: bigint | null;
  callEventDetailsCount: number | null;
  scale: number | null;
  currency: string;
}

/** What one record normalises to. */
export interface TapRecordRows {
  event: TapEventRow;
  charges: TapChargeRow[];
  taxes: TapTaxRow[];
  discounts: TapDiscountRow[];
}
