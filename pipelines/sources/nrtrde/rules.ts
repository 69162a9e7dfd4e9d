/**
 * The NRTRDE 2.01 validation rules, as one table (the framework is shared/rules.ts): the header
 * items, each event's core items, CallEventsCount against the events, and the times.
 *
 * The NRTRDE ASN.1 module declares every item OPTIONAL; which are required is inferred from what
 * the file means (TD.35's item tables are not public): a header that names the sender, recipient,
 * sequence, release and availability time, a count in the trailer, and events that say whose
 * (IMSI), when (start, offset) and how long. Header and count errors are fatal (the file cannot be
 * placed or trusted as a whole), event errors severe (that event cannot be used for fraud control).
 */
import type { Struct, Value } from '../../asn1/types.ts';
import { mandatory } from '../shared/rule-checks.ts';
import type { Issue, Rule } from '../shared/rules.ts';
import { isUtcOffset, parseLocalTimestamp } from '../shared/time.ts';
import { asInt, asText, show } from '../shared/value.ts';

export interface NrtrdeHeaderView {
  /** The Nrtrde items before the events. */
  group: Struct;
}

export interface NrtrdeRecordView {
  /** The CallEvent alternative: moc, mtc, gprs. */
  kind: string;
  body: Struct;
}

export interface NrtrdeTrailerView {
  /** CallEventsCount as sent (in the trailer, or among the header items when no events). */
  count: Value | undefined;
  events: number;
}

/** The view each NRTRDE scope's check reads. */
export interface NrtrdeViews {
  'nrtrde-header': NrtrdeHeaderView;
  'nrtrde-record': NrtrdeRecordView;
  'nrtrde-trailer': NrtrdeTrailerView;
}

const HEADER_ITEMS = [
  'specificationVersionNumber',
  'releaseVersionNumber',
  'sender',
  'recipient',
  'sequenceNumber',
  'fileAvailableTimeStamp',
  'utcTimeOffset',
];
const EVENT_ITEMS = ['imsi', 'callEventStartTimeStamp', 'utcTimeOffset', 'callEventDuration'];

/** A local timestamp item and the offset beside it, when present, that are not well formed. */
function timeIssues(group: Struct, stamp: string, base: string): Issue[] {
  const issues: Issue[] = [];
  const local = group[stamp];
  if (local !== undefined && (typeof local !== 'string' || parseLocalTimestamp(local) === null))
    issues.push({
      itemPath: `${base}/${stamp}`,
      message: `'${show(local)}' is not a CCYYMMDDhhmmss date and time`,
    });
  const offset = group.utcTimeOffset;
  if (offset !== undefined && !isUtcOffset(asText(offset) ?? ''))
    issues.push({
      itemPath: `${base}/utcTimeOffset`,
      message: `'${show(offset)}' is not a [+-]HHMM offset`,
    });
  return issues;
}

export type NrtrdeRule = Rule<NrtrdeViews>;

export const NRTRDE_RULES: readonly NrtrdeRule[] = [
  {
    id: 'NRTRDE-HEADER-ITEM-MISSING',
    scope: 'nrtrde-header',
    severity: 'fatal',
    description:
      'The header names its versions, sender, recipient, sequence number and availability time with its UTC offset',
    check: (v) => mandatory(v.group, HEADER_ITEMS, 'nrtrde'),
  },
  {
    id: 'NRTRDE-HEADER-TIMESTAMP',
    scope: 'nrtrde-header',
    severity: 'fatal',
    description:
      'FileAvailableTimeStamp is a real CCYYMMDDhhmmss date and time, UtcTimeOffset [+-]HHMM',
    check: (v) => timeIssues(v.group, 'fileAvailableTimeStamp', 'nrtrde'),
  },
  {
    id: 'NRTRDE-EVENT-ITEM-MISSING',
    scope: 'nrtrde-record',
    severity: 'severe',
    description: 'Each event carries its IMSI, start time, UTC offset and duration',
    check: (v) =>
      ['moc', 'mtc', 'gprs'].includes(v.kind)
        ? mandatory(v.body, EVENT_ITEMS, v.kind)
        : [{ itemPath: 'callEvents', message: `'${v.kind}' is not an NRTRDE event` }],
  },
  {
    id: 'NRTRDE-EVENT-TIMESTAMP',
    scope: 'nrtrde-record',
    severity: 'severe',
    description:
      'CallEventStartTimeStamp is a real CCYYMMDDhhmmss date and time, UtcTimeOffset [+-]HHMM',
    check: (v) => timeIssues(v.body, 'callEventStartTimeStamp', v.kind),
  },
  {
    id: 'NRTRDE-COUNT-MISSING',
    scope: 'nrtrde-trailer',
    severity: 'fatal',
    description: 'The file ends with CallEventsCount',
    check: (v) =>
      v.count === undefined
        ? [{ itemPath: 'callEventsCount', message: 'mandatory item callEventsCount is missing' }]
        : [],
  },
  {
    id: 'NRTRDE-COUNT',
    scope: 'nrtrde-trailer',
    severity: 'fatal',
    description: 'CallEventsCount equals the number of events',
    check: (v) =>
      v.count === undefined || asInt(v.count) === v.events
        ? []
        : [
            {
              itemPath: 'callEventsCount',
              message: `count ${show(v.count)} but the file has ${v.events} events`,
            },
          ],
  },
];
