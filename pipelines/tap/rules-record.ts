/** Record rules of the TD.57-style table (rules.ts): each call event on its own. */
import type { RecordView, Issue, Rule } from './rules.ts';
import { negativeAmountIssues } from './rule-checks.ts';
import { parseLocalTimestamp } from './time.ts';
import { asBigInt, asInt, asList, asText, show, type FieldVisit } from './value.ts';

/** TD.57 charge types; 3.10 adds directory assistance with completion, voice mail and multi-rate. */
const CHARGE_TYPES = new Set(['00', '01', '03', '04', '21']);
const CHARGE_TYPES_310 = new Set([...CHARGE_TYPES, '05', '14', '15', '100', '101', '102']);
/** TD.57 CauseForTerm values valid in TAP (0 normal release is expressed by absence). */
const CAUSES_FOR_TERM = new Set([3, 4, 5, 20]);
const QUANTITIES = [
  'dataVolumeIncoming',
  'dataVolumeOutgoing',
  'totalDataVolume',
  'totalCallEventDuration',
  'totalTransactionDuration',
  'chargeableUnits',
  'chargedUnits',
];

const visits = (view: RecordView, ...names: string[]): FieldVisit[] =>
  names.flatMap((name) => view.fields.get(name) ?? []);

/** Codes (single or lists) that must be keys of a header table. */
function unknownCodes(
  view: RecordView,
  names: string[],
  table: ReadonlyMap<number, unknown>,
  what: string,
): Issue[] {
  return visits(view, ...names).flatMap((v) => {
    const codes = Array.isArray(v.value) ? asList(v.value) : [v.value];
    return codes
      .map((c) => asInt(c))
      .filter((c): c is number => c !== null && !table.has(c))
      .map((c) => ({ itemPath: v.path, message: `${what} ${c} is not in the file's table` }));
  });
}

export const RECORD_RULES: readonly Rule[] = [
  {
    id: 'TAP-RECORD-TIMESTAMP',
    scope: 'record',
    severity: 'severe',
    description: 'Local timestamps in records are 14 digits and a real date and time',
    check: (v) =>
      visits(v, 'localTimeStamp')
        .filter((f) => typeof f.value !== 'string' || parseLocalTimestamp(f.value) === null)
        .map((f) => ({
          itemPath: f.path,
          message: `'${show(f.value)}' is not a CCYYMMDDhhmmss date and time`,
        })),
  },
  {
    id: 'TAP-UTC-OFFSET-CODE-UNKNOWN',
    scope: 'record',
    severity: 'severe',
    description: "UtcTimeOffsetCode is defined in NetworkInfo's UtcTimeOffsetInfo",
    check: (v) => unknownCodes(v, ['utcTimeOffsetCode'], v.ctx.utcOffsets, 'UTC time offset code'),
  },
  {
    id: 'TAP-REC-ENTITY-UNKNOWN',
    scope: 'record',
    severity: 'severe',
    description: "Recording entity codes are defined in NetworkInfo's RecEntityInformation",
    check: (v) =>
      unknownCodes(
        v,
        ['recEntityCode', 'recEntity', 'recEntityCodeList'],
        v.ctx.recEntities,
        'recording entity code',
      ),
  },
  {
    id: 'TAP-EXCHANGE-RATE-UNKNOWN',
    scope: 'record',
    severity: 'severe',
    description: "Exchange rate codes are defined in AccountingInfo's CurrencyConversionList",
    check: (v) => unknownCodes(v, ['exchangeRateCode'], v.ctx.exchangeRates, 'exchange rate code'),
  },
  {
    id: 'TAP-TAX-CODE-UNKNOWN',
    scope: 'record',
    severity: 'severe',
    description: "Tax codes are defined in AccountingInfo's Taxation table",
    check: (v) => unknownCodes(v, ['taxCode'], v.ctx.taxes, 'tax code'),
  },
  {
    id: 'TAP-DISCOUNT-CODE-UNKNOWN',
    scope: 'record',
    severity: 'severe',
    description: "Discount codes are defined in AccountingInfo's Discounting table",
    check: (v) => unknownCodes(v, ['discountCode'], v.ctx.discounts, 'discount code'),
  },
  {
    id: 'TAP-CHARGE-TYPE',
    scope: 'record',
    severity: 'severe',
    description:
      'Charge types are valid TD.57 values (00, 01, 03, 04, 21; 3.10 also 05, 14, 15, 100–102)',
    check: (v) => {
      const valid = v.ctx.module === 'TAP-3.10' ? CHARGE_TYPES_310 : CHARGE_TYPES;
      return visits(v, 'chargeType')
        .filter((f) => !valid.has(asText(f.value) ?? ''))
        .map((f) => ({
          itemPath: f.path,
          message: `charge type '${show(f.value)}' is not valid`,
        }));
    },
  },
  {
    id: 'TAP-CHARGE-TYPE-00-MISSING',
    scope: 'record',
    severity: 'severe',
    description: "A ChargeInformation with charge details has a total (charge type '00')",
    check: (v) =>
      v.blocks
        .filter((b) => b.source === 'charge-information' || b.source === 'session-charge')
        .filter((b) => b.charges.length > 0 && !b.charges.some((c) => c.chargeType === '00'))
        .map((b) => ({ itemPath: b.itemPath, message: "no charge detail of type '00'" })),
  },
  {
    id: 'TAP-CAUSE-FOR-TERM',
    scope: 'record',
    severity: 'severe',
    description: 'CauseForTerm is one of 3, 4, 5, 20 (normal release is expressed by its absence)',
    check: (v) =>
      visits(v, 'causeForTerm')
        .filter((f) => !CAUSES_FOR_TERM.has(asInt(f.value) ?? -1))
        .map((f) => ({
          itemPath: f.path,
          message: `cause for termination ${show(f.value)} is not valid`,
        })),
  },
  {
    id: 'TAP-NEGATIVE-AMOUNT',
    scope: 'record',
    severity: 'severe',
    description: 'Charges, tax values, taxable amounts and discounts are not negative',
    check: (v) => negativeAmountIssues(v.blocks),
  },
  {
    id: 'TAP-NEGATIVE-QUANTITY',
    scope: 'record',
    severity: 'severe',
    description: 'Volumes, durations and units are not negative',
    check: (v) =>
      visits(v, ...QUANTITIES)
        .filter((f) => (asBigInt(f.value) ?? 0n) < 0n)
        .map((f) => ({ itemPath: f.path, message: `${f.name} ${show(f.value)} is negative` })),
  },
];
