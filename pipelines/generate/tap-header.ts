/**
 * The groups around a TAP file's records: BatchControlInfo, AccountingInfo, NetworkInfo, and the
 * AuditControlInfo totals, accumulated as records stream by with the validator's rules
 * (TotalCharge = the charge-type '00' charges, taxes and discounts summed, count, first/last start).
 */
import type { ModuleName, Struct } from '../asn1/types.ts';
import { dateTimeLong, localTime, utcOffsetTable } from './partner-time.ts';
import { REC } from './tap-records.ts';
import type { TapEvent } from './tap-events.ts';
import type { TapSide } from './tap-side.ts';

export const tapModule = (p: TapSide): ModuleName => (p.release === 12 ? 'TAP-3.12' : 'TAP-3.11');

export function sequenceText(n: number, width = 5): string {
  return String(n).padStart(width, '0');
}

/** TAP file name: CD + sender + recipient + 5-digit sequence. */
export function tapFileName(p: TapSide, sequence: number): string {
  return `CD${p.sender}${p.recipient}${sequenceText(sequence)}`;
}

export interface FileTimes {
  cutOff: number;
  created: number;
  available: number;
}

export function batchControlInfo(p: TapSide, sequence: number, times: FileTimes): Struct {
  const v = p.visited;
  return {
    sender: p.sender,
    recipient: p.recipient,
    fileSequenceNumber: sequenceText(sequence),
    fileCreationTimeStamp: dateTimeLong(v, times.created),
    transferCutOffTimeStamp: dateTimeLong(v, times.cutOff),
    fileAvailableTimeStamp: dateTimeLong(v, times.available),
    specificationVersionNumber: 3,
    releaseVersionNumber: p.release,
  };
}

export function headerGroups(p: TapSide, sequence: number, times: FileTimes): Struct {
  const bci = batchControlInfo(p, sequence, times);
  const v = p.visited;
  const accounting: Struct = {
    localCurrency: v.country.currency,
    currencyConversionInfo: [
      { exchangeRateCode: 1, numberOfDecimalPlaces: 5, exchangeRate: p.exchangeRate },
    ],
    tapDecimalPlaces: p.tapDecimalPlaces,
  };
  if (p.taxRate !== null)
    accounting.taxation = [
      { taxCode: 1, taxType: '01', taxRate: String(p.taxRate).padStart(7, '0') },
    ];
  if (p.discountRate !== null)
    accounting.discounting = [
      { discountCode: 1, discountApplied: { discountRate: p.discountRate } },
    ];
  if (p.tapCurrency !== 'SDR') accounting.tapCurrency = p.tapCurrency;
  return {
    batchControlInfo: bci,
    accountingInfo: accounting,
    networkInfo: {
      utcTimeOffsetInfo: utcOffsetTable(v),
      recEntityInfo: [
        { recEntityCode: REC.msc, recEntityType: 1, recEntityId: `${v.mscGt}0001` },
        { recEntityCode: REC.sgsn, recEntityType: 4, recEntityId: `${v.ip}.10` },
        { recEntityCode: REC.pgw, recEntityType: 3, recEntityId: `${v.ip}.20` },
      ],
    },
  };
}

/** Running AuditControlInfo totals of one file. */
export class AuditTotals {
  count = 0;
  charge = 0;
  tax = 0;
  discount = 0;
  private first: TapEvent | null = null;
  private last: TapEvent | null = null;

  add(e: TapEvent): void {
    this.count += 1;
    this.charge += e.charge;
    this.tax += e.tax;
    this.discount += e.discount;
    if (this.first === null || e.t < this.first.t) this.first = e;
    if (this.last === null || e.t > this.last.t) this.last = e;
  }

  /** AuditControlInfo; `chargeDelta` plants a wrong TotalCharge. */
  audit(p: TapSide, chargeDelta = 0): Struct {
    const long = (e: TapEvent | null) => {
      const l = localTime(p.visited, e?.t ?? 0);
      return { localTimeStamp: l.stamp, utcTimeOffset: l.offset };
    };
    return {
      earliestCallTimeStamp: long(this.first),
      latestCallTimeStamp: long(this.last),
      totalCharge: this.charge + chargeDelta,
      totalTaxValue: this.tax,
      totalDiscountValue: this.discount,
      callEventDetailsCount: this.count,
    };
  }
}
