/**
 * The RAP 1.05 validation rules, as one table (the framework is shared/rules.ts): the mandatory
 * parts of a ReturnBatch or an Acknowledgement, each return detail's mandatory items,
 * RapAuditControlInfo against the returns, and the timestamps of RapBatchControlInfo.
 *
 * Mandatory means mandatory in the RAP 1.05 ASN.1 module (the schema's non-optional fields). A RAP
 * file has no record-level rejection (a return cannot itself be returned), so every rule is fatal:
 * the file is wrong as a whole and is settled bilaterally.
 */
import type { Struct } from '../../asn1/types.ts';
import { dateTimeLongIssues, mandatory } from '../shared/rule-checks.ts';
import type { Issue, Rule } from '../shared/rules.ts';
import { asBigInt, asInt, asList, asStruct, show } from '../shared/value.ts';

export interface RapHeaderView {
  /** An Acknowledgement (no returns, no audit). */
  ack: boolean;
  /** RapBatchControlInfo, or the Acknowledgement itself. */
  bci: Struct | undefined;
}

export interface RapRecordView {
  /** The ReturnDetail alternative: stopReturn, missingReturn, fatalReturn, severeReturn. */
  kind: string;
  body: Struct;
}

/** What the return details add up to. */
export interface RapTotals {
  returns: number;
  /** Invoiceable charge and tax of the severe returns' call events. */
  severeValue: bigint;
  severeTax: bigint;
}

export interface RapTrailerView {
  ack: boolean;
  audit: Struct | undefined;
  totals: RapTotals;
}

/** The view each RAP scope's check reads. */
export interface RapViews {
  'rap-header': RapHeaderView;
  'rap-record': RapRecordView;
  'rap-trailer': RapTrailerView;
}

const BCI_ITEMS = [
  'sender',
  'recipient',
  'rapFileSequenceNumber',
  'rapFileCreationTimeStamp',
  'rapFileAvailableTimeStamp',
  'rapSpecificationVersionNumber',
  'rapReleaseVersionNumber',
];
const ACK_ITEMS = [
  'sender',
  'recipient',
  'rapFileSequenceNumber',
  'ackFileCreationTimeStamp',
  'ackFileAvailableTimeStamp',
];
/** Each return's mandatory items (FatalReturn's error group is checked apart). */
const RETURN_ITEMS: Record<string, readonly string[]> = {
  stopReturn: ['lastSeqNumber'],
  missingReturn: ['startMissingSeqNumber'],
  fatalReturn: ['fileSequenceNumber'],
  severeReturn: ['fileSequenceNumber', 'callEventDetail', 'errorDetail'],
};
/** FatalReturn's error groups: one names what failed; each carries its ErrorDetailList. */
const FATAL_GROUPS = [
  'transferBatchError',
  'notificationError',
  'batchControlError',
  'accountingInfoError',
  'networkInfoError',
  'messageDescriptionError',
  'auditControlInfoError',
];

function returnItemIssues(v: RapRecordView): Issue[] {
  const items = RETURN_ITEMS[v.kind];
  if (items === undefined)
    return [{ itemPath: 'returnDetails', message: `'${v.kind}' is not a return detail` }];
  const issues = mandatory(v.body, items, v.kind);
  if (v.kind === 'fatalReturn') {
    const groups = FATAL_GROUPS.filter((g) => v.body[g] !== undefined);
    if (groups.length === 0)
      issues.push({ itemPath: v.kind, message: 'no error group says what failed' });
    for (const g of groups)
      issues.push(...mandatory(asStruct(v.body[g]) ?? {}, ['errorDetail'], `${v.kind}/${g}`));
  }
  return issues;
}

/** Every ErrorDetail of the return carries its ErrorCode. */
function errorCodeIssues(v: RapRecordView): Issue[] {
  const lists: [string, Struct[]][] = [];
  if (v.kind === 'severeReturn') lists.push([v.kind, asList(v.body.errorDetail) as Struct[]]);
  if (v.kind === 'fatalReturn')
    for (const g of FATAL_GROUPS)
      lists.push([`${v.kind}/${g}`, asList(asStruct(v.body[g])?.errorDetail) as Struct[]]);
  return lists.flatMap(([base, details]) =>
    details.flatMap((d, i) =>
      asStruct(d)?.errorCode === undefined
        ? [
            {
              itemPath: `${base}/errorDetail[${i}]/errorCode`,
              message: 'mandatory item errorCode is missing',
            },
          ]
        : [],
    ),
  );
}

function totalIssue(
  audit: Struct | undefined,
  item: 'totalSevereReturnValue' | 'totalSevereReturnTax',
  computed: bigint,
): Issue[] {
  const value = audit?.[item];
  if (value === undefined) return [];
  const sent = asBigInt(value);
  return sent === computed
    ? []
    : [
        {
          itemPath: `rapAuditControlInfo/${item}`,
          message: `${item} ${show(value)} but the severe returns add up to ${computed}`,
        },
      ];
}

export type RapRule = Rule<RapViews>;

export const RAP_RULES: readonly RapRule[] = [
  {
    id: 'RAP-BATCH-CONTROL-MISSING',
    scope: 'rap-header',
    severity: 'fatal',
    description: 'A ReturnBatch carries RapBatchControlInfo',
    check: (v) =>
      !v.ack && v.bci === undefined
        ? [{ itemPath: 'rapBatchControlInfoRap', message: 'RapBatchControlInfo is missing' }]
        : [],
  },
  {
    id: 'RAP-BATCH-CONTROL-ITEM-MISSING',
    scope: 'rap-header',
    severity: 'fatal',
    description: 'RapBatchControlInfo (or the Acknowledgement) carries its mandatory items',
    check: (v) =>
      v.bci === undefined
        ? []
        : mandatory(
            v.bci,
            v.ack ? ACK_ITEMS : BCI_ITEMS,
            v.ack ? 'acknowledgement' : 'rapBatchControlInfoRap',
          ),
  },
  {
    id: 'RAP-HEADER-TIMESTAMP',
    scope: 'rap-header',
    severity: 'fatal',
    description:
      'RapBatchControlInfo (Acknowledgement) timestamps are a real CCYYMMDDhhmmss date and time with a [+-]HHMM offset',
    check: (v) =>
      v.bci === undefined
        ? []
        : dateTimeLongIssues(v.bci, v.ack ? 'acknowledgement' : 'rapBatchControlInfoRap'),
  },
  {
    id: 'RAP-RETURN-ITEM-MISSING',
    scope: 'rap-record',
    severity: 'fatal',
    description:
      'Each return detail carries its mandatory items (a FatalReturn also the error group of what failed, with its ErrorDetailList)',
    check: returnItemIssues,
  },
  {
    id: 'RAP-ERROR-CODE-MISSING',
    scope: 'rap-record',
    severity: 'fatal',
    description: 'Every ErrorDetail of a return carries its ErrorCode',
    check: errorCodeIssues,
  },
  {
    id: 'RAP-RETURN-DETAILS-MISSING',
    scope: 'rap-trailer',
    severity: 'fatal',
    description: 'A ReturnBatch carries ReturnDetailList, with at least one return',
    check: (v) =>
      !v.ack && v.totals.returns === 0
        ? [{ itemPath: 'returnDetails', message: 'the ReturnBatch has no return details' }]
        : [],
  },
  {
    id: 'RAP-AUDIT-MISSING',
    scope: 'rap-trailer',
    severity: 'fatal',
    description: 'A ReturnBatch carries RapAuditControlInfo',
    check: (v) =>
      !v.ack && v.audit === undefined
        ? [{ itemPath: 'rapAuditControlInfo', message: 'RapAuditControlInfo is missing' }]
        : [],
  },
  {
    id: 'RAP-AUDIT-ITEM-MISSING',
    scope: 'rap-trailer',
    severity: 'fatal',
    description: 'RapAuditControlInfo carries TotalSevereReturnValue and ReturnDetailsCount',
    check: (v) =>
      v.audit === undefined
        ? []
        : mandatory(
            v.audit,
            ['totalSevereReturnValue', 'returnDetailsCount'],
            'rapAuditControlInfo',
          ),
  },
  {
    id: 'RAP-AUDIT-COUNT',
    scope: 'rap-trailer',
    severity: 'fatal',
    description: 'ReturnDetailsCount equals the number of return details',
    check: (v) => {
      const count = v.audit?.returnDetailsCount;
      return count === undefined || asInt(count) === v.totals.returns
        ? []
        : [
            {
              itemPath: 'rapAuditControlInfo/returnDetailsCount',
              message: `count ${show(count)} but the file has ${v.totals.returns} return details`,
            },
          ];
    },
  },
  {
    id: 'RAP-AUDIT-SEVERE-VALUE',
    scope: 'rap-trailer',
    severity: 'fatal',
    description:
      "TotalSevereReturnValue equals the severe returns' invoiceable charges (as TAP's TotalCharge counts them)",
    check: (v) => totalIssue(v.audit, 'totalSevereReturnValue', v.totals.severeValue),
  },
  {
    id: 'RAP-AUDIT-SEVERE-TAX',
    scope: 'rap-trailer',
    severity: 'fatal',
    description: "TotalSevereReturnTax, when present, equals the severe returns' tax values",
    check: (v) => totalIssue(v.audit, 'totalSevereReturnTax', v.totals.severeTax),
  },
];
