import { describe, expect, it } from 'vitest';
import { decodeBytes, encodeFile } from '../../asn1/index.ts';
import type { DecodeItem, Struct } from '../../asn1/types.ts';
import { TAP_RULES, createValidator, validateTapFile, type Finding } from './validate.ts';
import { dtl, end, record, tapHeader, trailer, validBatch } from './test-fixtures.ts';

const scenario = validBatch;
type Scenario = ReturnType<typeof scenario>;

function items(s: Scenario): DecodeItem[] {
  return [s.header, ...s.records.map((r, i) => record(i, r)), trailer(s.audit), end];
}

const run = (s: Scenario): Finding[] => validateTapFile('CDDEUD1GBRCN00042', items(s));
const ids = (f: Finding[]): string[] => [...new Set(f.map((x) => x.rule))].sort();

/** Reaches into the nth record's body. */
const body = (s: Scenario, n: number): Struct => Object.values(s.records[n]!)[0] as Struct;
const mocCall = (s: Scenario): Struct => body(s, 0).basicCallInformation as Struct;
const mocCharge = (s: Scenario): Struct => {
  const used = (body(s, 0).basicServiceUsedList as Struct[])[0]!;
  return (used.chargeInformationList as Struct[])[0]!;
};

/** Rule, the fault that triggers it, and rules the same fault rightly triggers too. */
const cases: [rule: string, mutate: (s: Scenario) => void, also?: string[]][] = [
  ['TAP-BATCH-CONTROL-MISSING', (s) => delete s.groups.batchControlInfo],
  ['TAP-BATCH-CONTROL-ITEM-MISSING', (s) => delete s.bci.fileAvailableTimeStamp],
  [
    'TAP-NETWORK-INFO-MISSING',
    (s) => delete (s.groups.networkInfo as Struct).utcTimeOffsetInfo,
    ['TAP-UTC-OFFSET-CODE-UNKNOWN'],
  ],
  ['TAP-ACCOUNTING-ITEM-MISSING', (s) => delete (s.groups.accountingInfo as Struct).localCurrency],
  ['TAP-TADIG-FORMAT', (s) => (s.bci.recipient = 'GBR-1')],
  ['TAP-SEQUENCE-FORMAT', (s) => (s.bci.fileSequenceNumber = '00000')],
  ['TAP-DECIMAL-PLACES-RANGE', (s) => ((s.groups.accountingInfo as Struct).tapDecimalPlaces = 7)],
  ['TAP-UTC-OFFSET-FORMAT', (s) => (s.bci.fileCreationTimeStamp = dtl('20240302080000', '0100'))],
  ['TAP-HEADER-TIMESTAMP', (s) => (s.bci.fileCreationTimeStamp = dtl('20240230080000'))],
  [
    'TAP-RECORD-TIMESTAMP',
    (s) => ((body(s, 2).serviceStartTimestamp as Struct).localTimeStamp = '20240301251500'),
  ],
  [
    'TAP-UTC-OFFSET-CODE-UNKNOWN',
    (s) => ((body(s, 2).serviceStartTimestamp as Struct).utcTimeOffsetCode = 9),
  ],
  [
    'TAP-REC-ENTITY-UNKNOWN',
    (s) =>
      ((body(s, 1).gprsLocationInformation as Struct).gprsNetworkLocation = { recEntity: [2, 7] }),
  ],
  ['TAP-EXCHANGE-RATE-UNKNOWN', (s) => (body(s, 2).exchangeRateCode = 4)],
  ['TAP-TAX-CODE-UNKNOWN', (s) => (body(s, 2).taxInformationList = [{ taxCode: 3, taxValue: 9 }])],
  [
    'TAP-DISCOUNT-CODE-UNKNOWN',
    (s) => ((mocCharge(s).discountInformation as Struct).discountCode = 9),
  ],
  ['TAP-CHARGE-TYPE', (s) => ((mocCharge(s).chargeDetailList as Struct[])[1]!.chargeType = '02')],
  [
    'TAP-CHARGE-TYPE-00-MISSING',
    (s) => {
      (mocCharge(s).chargeDetailList as Struct[])[0]!.chargeType = '03';
      s.audit.totalCharge = (s.audit.totalCharge as bigint) - 1234n;
    },
  ],
  ['TAP-CAUSE-FOR-TERM', (s) => (mocCall(s).causeForTerm = 2)],
  [
    'TAP-NEGATIVE-AMOUNT',
    (s) => {
      (mocCharge(s).chargeDetailList as Struct[])[1]!.charge = -1;
    },
  ],
  [
    'TAP-NEGATIVE-QUANTITY',
    (s) => ((body(s, 1).gprsServiceUsed as Struct).dataVolumeOutgoing = -1),
  ],
  ['TAP-AUDIT-ITEM-MISSING', (s) => delete s.audit.totalTaxValue],
  ['TAP-AUDIT-COUNT', (s) => (s.audit.callEventDetailsCount = 5)],
  ['TAP-AUDIT-TOTAL-CHARGE', (s) => (s.audit.totalCharge = (s.audit.totalCharge as bigint) + 1n)],
  ['TAP-AUDIT-TOTAL-TAX', (s) => (s.audit.totalTaxValue = 27n)],
  ['TAP-AUDIT-TOTAL-DISCOUNT', (s) => (s.audit.totalDiscountValue = 6n)],
  [
    'TAP-AUDIT-EARLIEST-CALL',
    (s) => (s.audit.earliestCallTimeStamp = dtl('20240301101500', '+0000')),
  ],
  ['TAP-AUDIT-LATEST-CALL', (s) => (s.audit.latestCallTimeStamp = dtl('20240302002930', '+0000'))],
];

describe('TD.57-style validation', () => {
  it('finds nothing in a valid batch', () => {
    expect(run(scenario())).toEqual([]);
  });

  it('leaves an event without a usable start out of the earliest / latest check', () => {
    const s = scenario();
    (mocCall(s).callEventStartTimeStamp as Struct).utcTimeOffsetCode = 9;
    expect(run(s).map((f) => [f.rule, f.message])).toEqual([
      ['TAP-UTC-OFFSET-CODE-UNKNOWN', "UTC time offset code 9 is not in the file's table"],
      [
        'TAP-AUDIT-EARLIEST-CALL',
        'earliestCallTimeStamp is 2024-03-01T09:15:00Z but the records say 2024-03-01T11:00:00Z',
      ],
    ]);
  });

  it.each(cases)('%s fires on its fault, and only it', (rule, mutate, also = []) => {
    const s = scenario();
    mutate(s);
    expect(ids(run(s))).toEqual([rule, ...also].sort());
  });

  it('covers every rule of the table in these tests', () => {
    const tested = new Set([
      ...cases.map(([rule]) => rule),
      'TAP-ACCOUNTING-MISSING',
      'TAP-AUDIT-MISSING',
      'TAP-AUDIT-NEGATIVE',
      'TAP-AUDIT-TOTAL-CHARGE-REFUND',
      'TAP-CALL-EVENTS-MISSING',
    ]);
    expect(TAP_RULES.map((r) => r.id).filter((id) => !tested.has(id))).toEqual([]);
    // Ids are unique, and TAP's own: RAP's start with RAP-, NRTRDE's with NRTRDE-.
    expect(TAP_RULES.every((r) => r.id.startsWith('TAP-'))).toBe(true);
    expect(new Set(TAP_RULES.map((r) => r.id)).size).toBe(TAP_RULES.length);
  });

  it('reports a count mismatch as fatal, at file level, with both numbers', () => {
    const s = scenario();
    s.audit.callEventDetailsCount = 3;
    expect(run(s)).toEqual([
      {
        file: 'CDDEUD1GBRCN00042',
        recordIndex: null,
        itemPath: 'auditControlInfo/callEventDetailsCount',
        rule: 'TAP-AUDIT-COUNT',
        severity: 'fatal',
        message: 'count 3 but the file has 4 call events',
      },
    ]);
  });

  it('gives record findings their record index and item path, as the records pass', () => {
    const s = scenario();
    mocCall(s).causeForTerm = 0;
    const validator = createValidator('f', s.header);
    expect(validator.headerFindings).toEqual([]);
    const first = validator.record(record(0, s.records[0]!));
    expect(first).toEqual([
      expect.objectContaining({
        recordIndex: 0,
        severity: 'severe',
        itemPath: 'mobileOriginatedCall/basicCallInformation/causeForTerm',
      }),
    ]);
    expect(validator.record(record(1, s.records[1]!))).toEqual([]);
  });

  it("hands out each finding once: a record's from record(), the audit's from finish()", () => {
    const s = scenario();
    delete s.groups.accountingInfo;
    const validator = createValidator('f', s.header);
    const perRecord = s.records.map((r, i) => validator.record(record(i, r)));
    expect(perRecord.map((found) => ids(found))).toEqual([
      ['TAP-DISCOUNT-CODE-UNKNOWN', 'TAP-EXCHANGE-RATE-UNKNOWN', 'TAP-TAX-CODE-UNKNOWN'],
      ['TAP-EXCHANGE-RATE-UNKNOWN'],
      ['TAP-EXCHANGE-RATE-UNKNOWN', 'TAP-TAX-CODE-UNKNOWN'],
      [],
    ]);
    expect(perRecord.flat().every((f) => f.recordIndex !== null)).toBe(true);
    // No trailer: the audit is missing; the record findings are not handed out again.
    expect(ids(validator.finish())).toEqual(['TAP-ACCOUNTING-MISSING', 'TAP-AUDIT-MISSING']);
  });

  it('flags negative audit totals', () => {
    const s = scenario();
    s.audit.totalDiscountValue = -5n;
    expect(ids(run(s))).toEqual(['TAP-AUDIT-NEGATIVE', 'TAP-AUDIT-TOTAL-DISCOUNT']);
  });

  it('counts content refunds apart from the total charge', () => {
    const s = scenario();
    const refund = 300n;
    s.records.push({
      contentTransaction: {
        contentTransactionBasicInfo: {
          orderPlacedTimeStamp: { localTimeStamp: '20240301110000', utcTimeOffsetCode: 0 },
        },
        contentServiceUsed: [
          {
            chargeRefundIndicator: 1,
            chargeInformationList: [{ chargeDetailList: [{ chargeType: '00', charge: refund }] }],
          },
        ],
      },
    });
    s.audit.callEventDetailsCount = 5;
    expect(ids(run(s))).toEqual(['TAP-AUDIT-TOTAL-CHARGE-REFUND']);
    s.audit.totalChargeRefund = refund;
    expect(run(s)).toEqual([]);
  });

  it('checks a notification without asking for batch groups', () => {
    const s = scenario();
    const notification: DecodeItem = {
      type: 'header',
      kind: 'tap-notification',
      module: 'TAP-3.12',
      groups: s.bci,
    };
    expect(validateTapFile('f', [notification, end])).toEqual([]);
    delete s.bci.sender;
    expect(ids(validateTapFile('f', [notification, end]))).toEqual([
      'TAP-BATCH-CONTROL-ITEM-MISSING',
    ]);
  });
});

describe('a transfer batch without CallEventDetailList', () => {
  /** The batch encoded and decoded: with no records list, the audit comes among the header groups. */
  function decoded(count: number): DecodeItem[] {
    const { header, audit } = scenario();
    const auditControlInfo = {
      ...audit,
      totalCharge: 0,
      totalTaxValue: 0,
      totalDiscountValue: 0,
      callEventDetailsCount: count,
    };
    const value = { transferBatch: { ...header.groups, auditControlInfo } };
    const file = decodeBytes(encodeFile('TAP-3.12', value), { file: 'f' });
    return [file.header, file.trailer, file.end];
  }

  it('reports the missing list and the count against no events, not a missing audit', () => {
    const items = decoded(4);
    expect(items[0]).toMatchObject({ groups: { auditControlInfo: { callEventDetailsCount: 4 } } });
    expect(validateTapFile('f', items).map((f) => [f.rule, f.severity, f.message])).toEqual([
      ['TAP-CALL-EVENTS-MISSING', 'fatal', 'the transfer batch has no call events'],
      ['TAP-AUDIT-COUNT', 'fatal', 'count 4 but the file has 0 call events'],
    ]);
  });

  it('with a count of 0 reports the missing list only', () => {
    expect(validateTapFile('f', decoded(0)).map((f) => f.rule)).toEqual([
      'TAP-CALL-EVENTS-MISSING',
    ]);
  });
});

describe('TAP 3.10 audit totals', () => {
  function file310(list: Struct[]): DecodeItem[] {
    const chargeInfo = {
      exchangeRateCode: 1,
      chargeDetailList: [
        { chargeType: '00', charge: 40 },
        { chargeType: '01', charge: 30 },
        { chargeType: '03', charge: 10 },
      ],
    };
    return [
      tapHeader({}, 'TAP-3.10'),
      record(0, {
        mobileOriginatedCall: { basicServiceUsedList: [{ chargeInformationList: [chargeInfo] }] },
      }),
      trailer({
        totalChargeValueList: list,
        totalTaxValue: 0,
        totalDiscountValue: 0,
        callEventDetailsCount: 1,
      }),
    ];
  }
  const right = [
    { chargeType: '00', totalCharge: 40 },
    { chargeType: '01', totalCharge: 30 },
    { chargeType: '03', totalCharge: 10 },
  ];

  it('accepts one TotalChargeValue per charge type with its sum', () => {
    expect(validateTapFile('f', file310(right))).toEqual([]);
  });

  it('flags a wrong or missing per-type total', () => {
    const wrong = validateTapFile('f', file310([right[0]!, { chargeType: '01', totalCharge: 31 }]));
    expect(wrong.map((f) => [f.rule, f.itemPath])).toEqual([
      ['TAP-AUDIT-TOTAL-CHARGE', 'auditControlInfo/totalChargeValueList[1]/totalCharge'],
      ['TAP-AUDIT-TOTAL-CHARGE', 'auditControlInfo/totalChargeValueList'],
    ]);
  });

  it('uses the 3.10 charge type set', () => {
    const list = [...right, { chargeType: '100', totalCharge: 0 }];
    expect(validateTapFile('f', file310(list))).toEqual([]);
  });
});
