/** Header rules of the TD.57-style table (rules.ts): BatchControlInfo, AccountingInfo, NetworkInfo. */
import { mandatory } from '../shared/rule-checks.ts';
import type { TapRule } from './rule-views.ts';
import { headerOffsetIssues, headerTimestampIssues } from './rule-checks.ts';
import { isUtcOffset } from '../shared/time.ts';
import { asInt, asStruct, asText, show } from '../shared/value.ts';

const TADIG = /^[A-Z]{3}[A-Z0-9]{2}$/;
const SEQUENCE = /^\d{5}$/;
const BCI_ITEMS = [
  'sender',
  'recipient',
  'fileSequenceNumber',
  'fileCreationTimeStamp',
  'transferCutOffTimeStamp',
  'fileAvailableTimeStamp',
  'specificationVersionNumber',
  'releaseVersionNumber',
];

export const HEADER_RULES: readonly TapRule[] = [
  {
    id: 'TAP-BATCH-CONTROL-MISSING',
    scope: 'header',
    severity: 'fatal',
    description: 'A transfer batch must carry BatchControlInfo',
    check: (v) =>
      v.batch && v.bci === undefined
        ? [{ itemPath: 'batchControlInfo', message: 'BatchControlInfo is missing' }]
        : [],
  },
  {
    id: 'TAP-BATCH-CONTROL-ITEM-MISSING',
    scope: 'header',
    severity: 'fatal',
    description: 'BatchControlInfo (or Notification) mandatory items are present',
    check: (v) =>
      v.bci === undefined
        ? []
        : mandatory(v.bci, BCI_ITEMS, v.batch ? 'batchControlInfo' : 'notification'),
  },
  {
    id: 'TAP-NETWORK-INFO-MISSING',
    scope: 'header',
    severity: 'fatal',
    description: 'A transfer batch must carry NetworkInfo with its UtcTimeOffsetInfo table',
    check: (v) => {
      if (!v.batch) return [];
      const network = asStruct(v.header.groups.networkInfo);
      if (network === undefined)
        return [{ itemPath: 'networkInfo', message: 'NetworkInfo is missing' }];
      return mandatory(network, ['utcTimeOffsetInfo'], 'networkInfo');
    },
  },
  {
    id: 'TAP-ACCOUNTING-ITEM-MISSING',
    scope: 'header',
    severity: 'fatal',
    description: 'AccountingInfo, when present, carries LocalCurrency and TapDecimalPlaces',
    check: (v) => {
      const accounting = asStruct(v.header.groups.accountingInfo);
      return accounting === undefined
        ? []
        : mandatory(accounting, ['localCurrency', 'tapDecimalPlaces'], 'accountingInfo');
    },
  },
  {
    id: 'TAP-TADIG-FORMAT',
    scope: 'header',
    severity: 'fatal',
    description: 'Sender and Recipient are TADIG codes: 5 characters [A-Z]{3}[A-Z0-9]{2}',
    check: (v) =>
      ['sender', 'recipient'].flatMap((item) => {
        const text = asText(v.bci?.[item]);
        return text === null || TADIG.test(text)
          ? []
          : [{ itemPath: `batchControlInfo/${item}`, message: `'${text}' is not a TADIG code` }];
      }),
  },
  {
    id: 'TAP-SEQUENCE-FORMAT',
    scope: 'header',
    severity: 'fatal',
    description: 'File sequence numbers are 5 digits in 00001–99999',
    check: (v) =>
      ['fileSequenceNumber', 'rapFileSequenceNumber'].flatMap((item) => {
        const text = asText(v.bci?.[item]);
        return text === null || (SEQUENCE.test(text) && text !== '00000')
          ? []
          : [
              {
                itemPath: `batchControlInfo/${item}`,
                message: `'${text}' is not a sequence number 00001–99999`,
              },
            ];
      }),
  },
  {
    id: 'TAP-DECIMAL-PLACES-RANGE',
    scope: 'header',
    severity: 'fatal',
    description: 'TapDecimalPlaces is 0–6',
    check: (v) => {
      const value = asStruct(v.header.groups.accountingInfo)?.tapDecimalPlaces;
      if (value === undefined) return [];
      const n = asInt(value);
      return n !== null && n >= 0 && n <= 6
        ? []
        : [
            {
              itemPath: 'accountingInfo/tapDecimalPlaces',
              message: `${show(value)} is not in 0–6`,
            },
          ];
    },
  },
  {
    id: 'TAP-UTC-OFFSET-FORMAT',
    scope: 'header',
    severity: 'fatal',
    description: 'UTC offsets (UtcTimeOffsetInfo, DateTimeLong) are [+-]HHMM',
    check: (v) => headerOffsetIssues(v.header, isUtcOffset),
  },
  {
    id: 'TAP-HEADER-TIMESTAMP',
    scope: 'header',
    severity: 'fatal',
    description: 'BatchControlInfo local timestamps are 14 digits and a real date and time',
    check: (v) => headerTimestampIssues(v.bci, v.batch ? 'batchControlInfo' : 'notification'),
  },
];
