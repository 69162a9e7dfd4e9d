/** The longer checks of the TAP rules table (rules.ts). */
import type { ModuleName, Struct, Value } from '../../asn1/types.ts';
import type { HeaderItem } from '../shared/items.ts';
import { mandatory } from '../shared/rule-checks.ts';
import type { Issue } from '../shared/rules.ts';
import { parseLocalTimestamp, resolveDateTimeLong } from '../shared/time.ts';
import { asBigInt, asInt, asList, asStruct, asText, show } from '../shared/value.ts';
import type { ChargeBlock } from './charges.ts';
import { auditTotalCharge } from './normalise.ts';
import type { TrailerView } from './rule-views.ts';
import type { Totals } from './totals.ts';

/** Offsets of UtcTimeOffsetInfo and of BatchControlInfo's DateTimeLongs that fail `valid`. */
export function headerOffsetIssues(header: HeaderItem, valid: (text: string) => boolean): Issue[] {
  const issues: Issue[] = [];
  const check = (value: Value | undefined, itemPath: string): void => {
    if (value === undefined) return;
    const text = asText(value);
    if (text === null || !valid(text))
      issues.push({ itemPath, message: `'${show(value)}' is not a [+-]HHMM offset` });
  };
  const network = asStruct(header.groups.networkInfo);
  asList(network?.utcTimeOffsetInfo).forEach((entry, i) =>
    check(asStruct(entry)?.utcTimeOffset, `networkInfo/utcTimeOffsetInfo[${i}]/utcTimeOffset`),
  );
  const [bci, base] = groupOf(header);
  for (const [name, value] of Object.entries(bci ?? {})) {
    const dt = asStruct(value);
    if (dt !== undefined && 'utcTimeOffset' in dt)
      check(dt.utcTimeOffset, `${base}/${name}/utcTimeOffset`);
  }
  return issues;
}

function groupOf(header: HeaderItem): [Struct | undefined, string] {
  const bci = asStruct(header.groups.batchControlInfo);
  return bci !== undefined ? [bci, 'batchControlInfo'] : [header.groups, 'notification'];
}

export function headerTimestampIssues(bci: Struct | undefined, base: string): Issue[] {
  return Object.entries(bci ?? {}).flatMap(([name, value]) => {
    const local = asStruct(value)?.localTimeStamp;
    if (local === undefined) return [];
    return typeof local === 'string' && parseLocalTimestamp(local) !== null
      ? []
      : [
          {
            itemPath: `${base}/${name}/localTimeStamp`,
            message: `'${show(local)}' is not a CCYYMMDDhhmmss date and time`,
          },
        ];
  });
}

function negative(value: bigint | null): value is bigint {
  return value !== null && value < 0n;
}

function negativeIssue(issues: Issue[], value: bigint, itemPath: string, name: string): void {
  issues.push({ itemPath, message: `${name} ${value} is negative` });
}

export function negativeAmountIssues(blocks: readonly ChargeBlock[]): Issue[] {
  const issues: Issue[] = [];
  for (const block of blocks) {
    for (const c of block.charges)
      if (negative(c.charge)) negativeIssue(issues, c.charge, c.itemPath, 'charge');
    for (const t of block.taxes) {
      if (negative(t.taxValue))
        negativeIssue(issues, t.taxValue, `${t.itemPath}/taxValue`, 'tax value');
      if (negative(t.taxableAmount))
        negativeIssue(issues, t.taxableAmount, `${t.itemPath}/taxableAmount`, 'taxable amount');
    }
    for (const d of block.discounts) {
      if (negative(d.discount))
        negativeIssue(issues, d.discount, `${d.itemPath}/discount`, 'discount');
      if (negative(d.discountableAmount))
        negativeIssue(
          issues,
          d.discountableAmount,
          `${d.itemPath}/discountableAmount`,
          'discountable amount',
        );
    }
  }
  return issues;
}

export function auditItemsMissing(audit: Struct | undefined, module: ModuleName | null): Issue[] {
  if (audit === undefined) return [];
  const charge = module === 'TAP-3.10' ? 'totalChargeValueList' : 'totalCharge';
  return mandatory(
    audit,
    [charge, 'totalTaxValue', 'totalDiscountValue', 'callEventDetailsCount'],
    'auditControlInfo',
  );
}

export function countIssue(audit: Struct | undefined, records: number): Issue[] {
  const count = audit?.callEventDetailsCount;
  if (count === undefined) return [];
  return asInt(count) === records
    ? []
    : [
        {
          itemPath: 'auditControlInfo/callEventDetailsCount',
          message: `count ${show(count)} but the file has ${records} call events`,
        },
      ];
}

type TotalItem = 'totalCharge' | 'totalChargeRefund' | 'totalTaxValue' | 'totalDiscountValue';

function mismatch(item: string, sent: bigint, computed: bigint): Issue {
  return {
    itemPath: `auditControlInfo/${item}`,
    message: `${item} ${sent} but the records add up to ${computed}`,
  };
}

/** 3.10: one TotalChargeValue per charge type present, '00' always; each equal to its sum. */
function chargeValueListIssues(audit: Struct, totals: Totals): Issue[] {
  const issues: Issue[] = [];
  const sent = new Map<string, bigint | null>();
  asList(audit.totalChargeValueList).forEach((v, i) => {
    const entry = asStruct(v) ?? {};
    const type = asText(entry.chargeType) ?? '';
    const total = asBigInt(entry.totalCharge);
    sent.set(type, total);
    const computed = totals.byChargeType.get(type) ?? 0n;
    if (total !== null && total !== computed)
      issues.push(mismatch(`totalChargeValueList[${i}]/totalCharge`, total, computed));
  });
  for (const type of new Set(['00', ...totals.byChargeType.keys()])) {
    if (!sent.has(type)) {
      issues.push({
        itemPath: 'auditControlInfo/totalChargeValueList',
        message: `no total for charge type '${type}'`,
      });
    }
  }
  return issues;
}

export function compareTotal(view: TrailerView, item: TotalItem): Issue[] {
  const { audit, totals } = view;
  if (audit === undefined) return [];
  if (
    item === 'totalCharge' &&
    audit.totalChargeValueList !== undefined &&
    audit.totalCharge === undefined
  ) {
    return chargeValueListIssues(audit, totals);
  }
  const computed = {
    totalCharge: totals.charge,
    totalChargeRefund: totals.chargeRefund,
    totalTaxValue: totals.tax,
    totalDiscountValue: totals.discount,
  }[item];
  const sent =
    item === 'totalChargeRefund' ? auditTotalCharge(audit).refund : asBigInt(audit[item]);
  if (sent === null) {
    return item === 'totalChargeRefund' && computed !== 0n ? [mismatch(item, 0n, computed)] : [];
  }
  return sent === computed ? [] : [mismatch(item, sent, computed)];
}

export function negativeAuditIssues(audit: Struct | undefined): Issue[] {
  if (audit === undefined) return [];
  return Object.entries(audit)
    .filter(([name, value]) => name.startsWith('total') && (asBigInt(value) ?? 0n) < 0n)
    .map(([name, value]) => ({
      itemPath: `auditControlInfo/${name}`,
      message: `${name} ${show(value)} is negative`,
    }));
}

export function compareTimestamp(
  audit: Struct | undefined,
  item: string,
  computedUtc: string | null,
): Issue[] {
  const sent = resolveDateTimeLong(audit?.[item]).utc;
  if (sent === null || computedUtc === null || sent === computedUtc) return [];
  return [
    {
      itemPath: `auditControlInfo/${item}`,
      message: `${item} is ${sent} but the records say ${computedUtc}`,
    },
  ];
}
