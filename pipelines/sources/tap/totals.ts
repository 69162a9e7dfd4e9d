/** What a TAP file's records add up to, accumulated as they pass, for AuditControlInfo. */
import type { ChargeBlock } from './charges.ts';

/** What the records add up to, for AuditControlInfo. */
export interface Totals {
  records: number;
  /** Invoiceable, non-refund charges. */
  charge: bigint;
  chargeRefund: bigint;
  /** Non-refund charges by charge type (3.10 TotalChargeValueList). */
  byChargeType: Map<string, bigint>;
  tax: bigint;
  taxRefund: bigint;
  discount: bigint;
  discountRefund: bigint;
  anyCharge: boolean;
  /** Earliest / latest event start, `YYYY-MM-DDThh:mm:ssZ` (ISO strings order like times). */
  earliestUtc: string | null;
  latestUtc: string | null;
}

export function emptyTotals(): Totals {
  return {
    records: 0,
    charge: 0n,
    chargeRefund: 0n,
    byChargeType: new Map(),
    tax: 0n,
    taxRefund: 0n,
    discount: 0n,
    discountRefund: 0n,
    anyCharge: false,
    earliestUtc: null,
    latestUtc: null,
  };
}

/** Adds one record's charge blocks and start time to the totals. */
export function accumulate(
  totals: Totals,
  blocks: readonly ChargeBlock[],
  startUtc: string | null,
): void {
  totals.records += 1;
  for (const block of blocks) {
    for (const c of block.charges) {
      if (c.charge === null) continue;
      totals.anyCharge = true;
      if (block.refund) {
        if (c.invoiceable) totals.chargeRefund += c.charge;
        continue;
      }
      if (c.invoiceable) totals.charge += c.charge;
      if (c.chargeType !== null) {
        totals.byChargeType.set(
          c.chargeType,
          (totals.byChargeType.get(c.chargeType) ?? 0n) + c.charge,
        );
      }
    }
    for (const t of block.taxes) {
      if (block.refund) totals.taxRefund += t.taxValue ?? 0n;
      else totals.tax += t.taxValue ?? 0n;
    }
    for (const d of block.discounts) {
      if (block.refund) totals.discountRefund += d.discount ?? 0n;
      else totals.discount += d.discount ?? 0n;
    }
  }
  if (startUtc !== null) {
    if (totals.earliestUtc === null || startUtc < totals.earliestUtc) totals.earliestUtc = startUtc;
    if (totals.latestUtc === null || startUtc > totals.latestUtc) totals.latestUtc = startUtc;
  }
}
