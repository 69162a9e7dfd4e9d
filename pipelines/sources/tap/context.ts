/**
 * What a TAP file's header says that records need: TADIG codes, sequence number, money scale and
 * currency, and the lookup tables of AccountingInfo and NetworkInfo.
 */
import type { ModuleName, Struct, Value } from '../../asn1/types.ts';
import type { HeaderItem, TrailerItem } from '../shared/items.ts';
import { asBigInt, asInt, asList, asStruct, asText, choiceOf } from '../shared/value.ts';

export interface RecEntity {
  type: number | null;
  id: string | null;
}

export interface ExchangeRate {
  rate: bigint | null;
  decimalPlaces: number | null;
}

export interface TaxEntry {
  taxType: string | null;
  /** TaxRate with 5 implied decimal places, as sent. */
  taxRate: string | null;
  chargeType: string | null;
}

export interface DiscountEntry {
  fixedDiscountValue: bigint | null;
  /** PercentageRate: 1500 = 15.00 %. */
  discountRate: number | null;
}

export interface TapFileContext {
  file: string;
  module: ModuleName | null;
  sender: string | null;
  recipient: string | null;
  fileSequenceNumber: string | null;
  /** TapDecimalPlaces: amounts are integer / 10^scale. Null when AccountingInfo is absent. */
  tapDecimalPlaces: number | null;
  /** TapCurrency, or `XDR` (SDR) when the file has none. */
  tapCurrency: string;
  localCurrency: string | null;
  utcOffsets: Map<number, string>;
  recEntities: Map<number, RecEntity>;
  exchangeRates: Map<number, ExchangeRate>;
  taxes: Map<number, TaxEntry>;
  discounts: Map<number, DiscountEntry>;
}

/** BatchControlInfo of a batch, or the notification itself (which carries the same items). */
export function batchControlOf(header: HeaderItem): Struct {
  return asStruct(header.groups.batchControlInfo) ?? header.groups;
}

/**
 * AuditControlInfo: in the trailer, or among the header groups when the batch has no
 * CallEventDetailList (the decoder then has no records list to split the groups at).
 */
export function tapAuditOf(
  header: HeaderItem,
  trailer: TrailerItem | undefined,
): Struct | undefined {
  return asStruct(trailer?.groups.auditControlInfo ?? header.groups.auditControlInfo);
}

function table<T>(list: Value | undefined, key: string, entry: (s: Struct) => T): Map<number, T> {
  const map = new Map<number, T>();
  for (const item of asList(list)) {
    const s = asStruct(item);
    const code = asInt(s?.[key]);
    if (s !== undefined && code !== null && !map.has(code)) map.set(code, entry(s));
  }
  return map;
}

/** RecEntityId is text from 3.11; in 3.10 it is a CHOICE (mscId, msisdn, gsnaddress…). */
function recEntityId(value: Value | undefined): string | null {
  const text = asText(value);
  if (text !== null) return text;
  const chosen = choiceOf(value);
  return chosen === undefined ? null : recEntityId(chosen[1]);
}

function discountEntry(s: Struct): DiscountEntry {
  const applied = choiceOf(s.discountApplied);
  return {
    fixedDiscountValue: applied?.[0] === 'fixedDiscountValue' ? asBigInt(applied[1]) : null,
    discountRate: applied?.[0] === 'discountRate' ? asInt(applied[1]) : null,
  };
}

export function tapContext(file: string, header: HeaderItem): TapFileContext {
  const bci = batchControlOf(header);
  const accounting = asStruct(header.groups.accountingInfo);
  const network = asStruct(header.groups.networkInfo);
  return {
    file,
    module: header.module,
    sender: asText(bci.sender),
    recipient: asText(bci.recipient),
    fileSequenceNumber: asText(bci.fileSequenceNumber),
    tapDecimalPlaces: asInt(accounting?.tapDecimalPlaces),
    tapCurrency: asText(accounting?.tapCurrency) ?? 'XDR',
    localCurrency: asText(accounting?.localCurrency),
    utcOffsets: new Map(
      [
        ...table(network?.utcTimeOffsetInfo, 'utcTimeOffsetCode', (s) => asText(s.utcTimeOffset)),
      ].filter((e): e is [number, string] => e[1] !== null),
    ),
    recEntities: table(network?.recEntityInfo, 'recEntityCode', (s) => ({
      type: asInt(s.recEntityType),
      id: recEntityId(s.recEntityId),
    })),
    exchangeRates: table(accounting?.currencyConversionInfo, 'exchangeRateCode', (s) => ({
      rate: asBigInt(s.exchangeRate),
      decimalPlaces: asInt(s.numberOfDecimalPlaces),
    })),
    taxes: table(accounting?.taxation, 'taxCode', (s) => ({
      taxType: asText(s.taxType),
      taxRate: asText(s.taxRate),
      chargeType: asText(s.chargeType),
    })),
    discounts: table(accounting?.discounting, 'discountCode', discountEntry),
  };
}
