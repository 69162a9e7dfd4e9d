/** Record rules of the TD.57-style table (rules.ts): each call event on its own. */
import type { Issue } from '../shared/rules.ts';
import type { RecordView, TapRule } from './rule-views.ts';
import { negativeAmountIssues } from './rule-checks.ts';
import { parseLocalTimestamp } from '../shared/time.ts';
import type { Value } from '../../asn1/types.ts';
import { asInt, asText, show, type FieldVisit } from '../shared/value.ts';

/** `asBigInt(value) < 0` without converting a number to a bigint. */
function isNegative(value: Value): boolean {
  if (typeof value === 'bigint') return value < 0n;
  return typeof value === 'number' && Number.isInteger(value) && value < 0;
}

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

/** Every field name the record rules below read from `RecordView.fields`. */
export const RECORD_FIELDS: ReadonlySet<string> = new Set([
  'localTimeStamp',
  'utcTimeOffsetCode',
  'recEntityCode',
  'recEntity',
  'recEntityCodeList',
  'exchangeRateCode',
  'taxCode',
  'discountCode',
  'chargeType',
  'causeForTerm',
  ...QUANTITIES,
]);

/** An issue for each visit of the fields `names` (in that order) for which `bad` gives a message. */
function issuesOf(
  view: RecordView,
  names: readonly string[],
  bad: (f: FieldVisit) => string | null,
): Issue[] {
  const issues: Issue[] = [];
  for (const name of names) {
    const list = view.fields.get(name);
    if (list === undefined) continue;
    for (const f of list) {
      const message = bad(f);
      if (message !== null) issues.push({ itemPath: f.path, message });
    }
  }
  return issues;
}

function checkCode(
  value: Value,
  itemPath: string,
  table: ReadonlyMap<number, unknown>,
  what: string,
  issues: Issue[],
): void {
  const c = asInt(value);
  if (c !== null && !table.has(c))
    issues.push({ itemPath, message: `${what} ${c} is not in the file's table` });
}

/** Codes (single or lists) that must be keys of a header table. */
function unknownCodes(
  view: RecordView,
  names: readonly string[],
  table: ReadonlyMap<number, unknown>,
  what: string,
): Issue[] {
  const issues: Issue[] = [];
  for (const name of names) {
    for (const v of view.fields.get(name) ?? []) {
      if (!Array.isArray(v.value)) checkCode(v.value, v.path, table, what, issues);
      else for (const c of v.value) checkCode(c, v.path, table, what, issues);
    }
  }
  return issues;
}

const TIMESTAMP_FIELDS = ['localTimeStamp'];
const CHARGE_TYPE_FIELDS = ['chargeType'];
const CAUSE_FIELDS = ['causeForTerm'];

function badTimestamp(f: FieldVisit): string | null {
  return typeof f.value === 'string' && parseLocalTimestamp(f.value) !== null
    ? null
    : `'${show(f.value)}' is not a CCYYMMDDhhmmss date and time`;
}

function chargeTypeCheck(valid: ReadonlySet<string>): (f: FieldVisit) => string | null {
  return (f) =>
    valid.has(asText(f.value) ?? '') ? null : `charge type '${show(f.value)}' is not valid`;
}
const badChargeType = chargeTypeCheck(CHARGE_TYPES);
const badChargeType310 = chargeTypeCheck(CHARGE_TYPES_310);

function badCause(f: FieldVisit): string | null {
  return CAUSES_FOR_TERM.has(asInt(f.value) ?? -1)
    ? null
    : `cause for termination ${show(f.value)} is not valid`;
}

function negativeQuantity(f: FieldVisit): string | null {
  return isNegative(f.value) ? `${f.name} ${show(f.value)} is negative` : null;
}

export const RECORD_RULES: readonly TapRule[] = [
  {
    id: 'TAP-RECORD-TIMESTAMP',
    scope: 'record',
    severity: 'severe',
    description: 'Local timestamps in records are 14 digits and a real date and time',
    check: (v) => issuesOf(v, TIMESTAMP_FIELDS, badTimestamp),
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
      return issuesOf(
        v,
        CHARGE_TYPE_FIELDS,
        valid === CHARGE_TYPES ? badChargeType : badChargeType310,
      );
    },
  },
  {
    id: 'TAP-CHARGE-TYPE-00-MISSING',
    scope: 'record',
    severity: 'severe',
    description: "A ChargeInformation with charge details has a total (charge type '00')",
    check: (v) => {
      const issues: Issue[] = [];
      for (const b of v.blocks) {
        if (b.source !== 'charge-information' && b.source !== 'session-charge') continue;
        if (b.charges.length > 0 && !b.charges.some((c) => c.chargeType === '00'))
          issues.push({ itemPath: b.itemPath, message: "no charge detail of type '00'" });
      }
      return issues;
    },
  },
  {
    id: 'TAP-CAUSE-FOR-TERM',
    scope: 'record',
    severity: 'severe',
    description: 'CauseForTerm is one of 3, 4, 5, 20 (normal release is expressed by its absence)',
    check: (v) => issuesOf(v, CAUSE_FIELDS, badCause),
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
    check: (v) => issuesOf(v, QUANTITIES, negativeQuantity),
  },
];
