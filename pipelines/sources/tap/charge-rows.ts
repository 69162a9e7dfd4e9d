/** A record's charge blocks → charge, tax and discount rows. */
import type { ChargeBlock } from './charges.ts';
import type { TapFileContext } from './context.ts';
import type { TapChargeRow, TapDiscountRow, TapTaxRow } from './rows.ts';

export interface ChargeRows {
  charges: TapChargeRow[];
  taxes: TapTaxRow[];
  discounts: TapDiscountRow[];
}

/** What the record adds to TotalCharge: invoiceable charges that are not refunds. */
export function invoiceableTotal(blocks: readonly ChargeBlock[]): bigint {
  let total = 0n;
  for (const block of blocks) {
    if (block.refund) continue;
    for (const c of block.charges) if (c.invoiceable && c.charge !== null) total += c.charge;
  }
  return total;
}

export function chargeRows(
  ctx: TapFileContext,
  recordIndex: number,
  blocks: readonly ChargeBlock[],
): ChargeRows {
  const rows: ChargeRows = { charges: [], taxes: [], discounts: [] };
  for (
    let chargeInformationIndex = 0;
    chargeInformationIndex < blocks.length;
    chargeInformationIndex++
  ) {
    const block = blocks[chargeInformationIndex] as ChargeBlock;
    const rate =
      block.exchangeRateCode === null ? undefined : ctx.exchangeRates.get(block.exchangeRateCode);
    for (const c of block.charges) {
      rows.charges.push({
        file: ctx.file,
        sender: ctx.sender,
        recipient: ctx.recipient,
        fileSequenceNumber: ctx.fileSequenceNumber,
        recordIndex,
        chargeInformationIndex,
        itemPath: c.itemPath,
        scale: ctx.tapDecimalPlaces,
        currency: ctx.tapCurrency,
        source: block.source,
        chargedItem: block.chargedItem,
        chargeType: c.chargeType,
        charge: c.charge,
        invoiceable: c.invoiceable && !block.refund,
        refund: block.refund,
        chargeableUnits: c.chargeableUnits,
        chargedUnits: c.chargedUnits,
        exchangeRateCode: block.exchangeRateCode,
        exchangeRate: rate?.rate ?? null,
        exchangeRateDecimalPlaces: rate?.decimalPlaces ?? null,
      });
    }
    for (const t of block.taxes) {
      const entry = t.taxCode === null ? undefined : ctx.taxes.get(t.taxCode);
      rows.taxes.push({
        file: ctx.file,
        sender: ctx.sender,
        recipient: ctx.recipient,
        fileSequenceNumber: ctx.fileSequenceNumber,
        recordIndex,
        chargeInformationIndex,
        itemPath: t.itemPath,
        scale: ctx.tapDecimalPlaces,
        currency: ctx.tapCurrency,
        refund: block.refund,
        taxCode: t.taxCode,
        taxType: entry?.taxType ?? null,
        taxRate: entry?.taxRate ?? null,
        taxValue: t.taxValue,
        taxableAmount: t.taxableAmount,
        chargeType: t.chargeType ?? entry?.chargeType ?? null,
      });
    }
    for (const d of block.discounts) {
      const entry = d.discountCode === null ? undefined : ctx.discounts.get(d.discountCode);
      rows.discounts.push({
        file: ctx.file,
        sender: ctx.sender,
        recipient: ctx.recipient,
        fileSequenceNumber: ctx.fileSequenceNumber,
        recordIndex,
        chargeInformationIndex,
        itemPath: d.itemPath,
        scale: ctx.tapDecimalPlaces,
        currency: ctx.tapCurrency,
        refund: block.refund,
        discountCode: d.discountCode,
        discount: d.discount,
        discountableAmount: d.discountableAmount,
        fixedDiscountValue: entry?.fixedDiscountValue ?? null,
        discountRate: entry?.discountRate ?? null,
      });
    }
  }
  return rows;
}
