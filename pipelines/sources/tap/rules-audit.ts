/** Trailer rules of the TD.57-style table (rules.ts): AuditControlInfo against the records. */
import type { TapRule } from './rule-views.ts';
import {
  auditItemsMissing,
  compareTimestamp,
  compareTotal,
  countIssue,
  negativeAuditIssues,
} from './rule-checks.ts';

export const AUDIT_RULES: readonly TapRule[] = [
  {
    id: 'TAP-ACCOUNTING-MISSING',
    scope: 'trailer',
    severity: 'fatal',
    description: 'A batch with charges carries AccountingInfo',
    check: (v) =>
      v.totals.anyCharge && v.header.groups.accountingInfo === undefined
        ? [
            {
              itemPath: 'accountingInfo',
              message: 'records carry charges but AccountingInfo is missing',
            },
          ]
        : [],
  },
  {
    id: 'TAP-AUDIT-MISSING',
    scope: 'trailer',
    severity: 'fatal',
    description: 'A transfer batch ends with AuditControlInfo',
    check: (v) =>
      v.batch && v.audit === undefined
        ? [{ itemPath: 'auditControlInfo', message: 'AuditControlInfo is missing' }]
        : [],
  },
  {
    id: 'TAP-CALL-EVENTS-MISSING',
    scope: 'trailer',
    severity: 'fatal',
    description:
      'A transfer batch carries CallEventDetailList with at least one call event (a file without events is a Notification)',
    check: (v) =>
      v.batch && v.totals.records === 0
        ? [{ itemPath: 'callEventDetails', message: 'the transfer batch has no call events' }]
        : [],
  },
  {
    id: 'TAP-AUDIT-ITEM-MISSING',
    scope: 'trailer',
    severity: 'fatal',
    description: 'AuditControlInfo carries its mandatory totals and count',
    check: (v) => auditItemsMissing(v.audit, v.ctx.module),
  },
  {
    id: 'TAP-AUDIT-COUNT',
    scope: 'trailer',
    severity: 'fatal',
    description: 'CallEventDetailsCount equals the number of call events',
    check: (v) => countIssue(v.audit, v.totals.records),
  },
  {
    id: 'TAP-AUDIT-TOTAL-CHARGE',
    scope: 'trailer',
    severity: 'fatal',
    description:
      "TotalCharge equals the records' invoiceable charges (type '00', MessagingEvent Charge, CAMEL fees)",
    check: (v) => compareTotal(v, 'totalCharge'),
  },
  {
    id: 'TAP-AUDIT-TOTAL-CHARGE-REFUND',
    scope: 'trailer',
    severity: 'fatal',
    description: 'TotalChargeRefund equals the refunded invoiceable charges',
    check: (v) => compareTotal(v, 'totalChargeRefund'),
  },
  {
    id: 'TAP-AUDIT-TOTAL-TAX',
    scope: 'trailer',
    severity: 'fatal',
    description: "TotalTaxValue equals the records' tax values",
    check: (v) => compareTotal(v, 'totalTaxValue'),
  },
  {
    id: 'TAP-AUDIT-TOTAL-DISCOUNT',
    scope: 'trailer',
    severity: 'fatal',
    description: "TotalDiscountValue equals the records' discounts",
    check: (v) => compareTotal(v, 'totalDiscountValue'),
  },
  {
    id: 'TAP-AUDIT-NEGATIVE',
    scope: 'trailer',
    severity: 'fatal',
    description: 'AuditControlInfo totals are not negative',
    check: (v) => negativeAuditIssues(v.audit),
  },
  {
    id: 'TAP-AUDIT-EARLIEST-CALL',
    scope: 'trailer',
    severity: 'warning',
    description: 'EarliestCallTimeStamp equals the earliest event start (compared in UTC)',
    check: (v) => compareTimestamp(v.audit, 'earliestCallTimeStamp', v.totals.earliestUtc),
  },
  {
    id: 'TAP-AUDIT-LATEST-CALL',
    scope: 'trailer',
    severity: 'warning',
    description: 'LatestCallTimeStamp equals the latest event start (compared in UTC)',
    check: (v) => compareTimestamp(v.audit, 'latestCallTimeStamp', v.totals.latestUtc),
  },
];
