/**
 * Where charges sit in each kind of call event, as one table, and which of them make up the
 * invoiceable total (AuditControlInfo TotalCharge). Normalisation and validation both read charges
 * through `chargeBlocks`, so they cannot disagree.
 *
 * TotalCharge (TD.57 3.11+) is the sum of the non-refund charges of type '00' plus CAMEL invocation
 * fees. MessagingEvent's bare `Charge` has no charge type; it counts as it is (domain brief §2,
 * inferred). In 3.10 the audit total is per charge type (TotalChargeValueList) and CAMEL charges are a
 * ChargeInformation of their own (camelChargeInformation).
 */
import type { Struct, Value } from '../../asn1/types.ts';
import { asBigInt, asInt, asList, asStruct, asText, select } from '../shared/value.ts';

/** How a block of charges is shaped. */
export type ChargeSource =
  'charge-information' | 'session-charge' | 'messaging-charge' | 'camel-invocation-fee';

interface ChargeLocation {
  /** Path below the record body, in `select` syntax. */
  path: string;
  source: ChargeSource;
}

const chargeInfo = (path: string): ChargeLocation => ({ path, source: 'charge-information' });
const camelFee: ChargeLocation = { path: 'camelServiceUsed', source: 'camel-invocation-fee' };
const camel310 = chargeInfo('camelServiceUsed/camelChargeInformation');
const vas310 = chargeInfo('valueAddedServiceUsedList[]/chargeInformation');

/** Record kind (CallEventDetail alternative) → where its charges are. */
export const CHARGE_LOCATIONS: Readonly<Record<string, readonly ChargeLocation[]>> = {
  mobileOriginatedCall: [
    chargeInfo('basicServiceUsedList[]/chargeInformationList[]'),
    chargeInfo('supplServiceUsedList[]/chargeInformation'),
    vas310,
    camel310,
    camelFee,
  ],
  mobileTerminatedCall: [
    chargeInfo('basicServiceUsedList[]/chargeInformationList[]'),
    chargeInfo('supplServiceUsedList[]/chargeInformation'),
    vas310,
    camel310,
    camelFee,
  ],
  gprsCall: [chargeInfo('gprsServiceUsed/chargeInformationList[]'), vas310, camel310, camelFee],
  supplServiceEvent: [chargeInfo('supplServiceUsed/chargeInformation')],
  serviceCentreUsage: [chargeInfo('chargeInformation')],
  valueAddedService: [chargeInfo('valueAddedServiceUsed/chargeInformation')],
  contentTransaction: [chargeInfo('contentServiceUsed[]/chargeInformationList[]')],
  locationService: [chargeInfo('locationServiceUsage/chargeInformationList[]')],
  messagingEvent: [{ path: '', source: 'messaging-charge' }],
  mobileSession: [{ path: 'sessionChargeInfoList[]', source: 'session-charge' }],
};

/** Which charges of a block count toward the invoiceable total. */
export const COUNTS_TOWARD_TOTAL: Readonly<
  Record<ChargeSource, (chargeType: string | null) => boolean>
> = {
  'charge-information': (chargeType) => chargeType === '00',
  'session-charge': (chargeType) => chargeType === '00',
  'messaging-charge': () => true,
  'camel-invocation-fee': () => true,
};

export interface ChargeItem {
  itemPath: string;
  /** Null for a bare Charge (MessagingEvent) or a CAMEL invocation fee. */
  chargeType: string | null;
  charge: bigint | null;
  chargeableUnits: bigint | null;
  chargedUnits: bigint | null;
  /** Part of the invoiceable total (before refunds are set apart). */
  invoiceable: boolean;
}

export interface TaxItem {
  itemPath: string;
  taxCode: number | null;
  taxValue: bigint | null;
  taxableAmount: bigint | null;
  /** 3.10 only: the charge type the taxable amount relates to. */
  chargeType: string | null;
}

export interface DiscountItem {
  itemPath: string;
  discountCode: number | null;
  discount: bigint | null;
  discountableAmount: bigint | null;
}

/** One ChargeInformation (or its equivalent) with what it carries. */
export interface ChargeBlock {
  itemPath: string;
  source: ChargeSource;
  /** A refund (ContentServiceUsed with ChargeRefundIndicator 1): not part of the totals. */
  refund: boolean;
  chargedItem: string | null;
  exchangeRateCode: number | null;
  charges: ChargeItem[];
  taxes: TaxItem[];
  discounts: DiscountItem[];
}

function chargeDetail(value: Value, itemPath: string, source: ChargeSource): ChargeItem {
  const d = asStruct(value) ?? {};
  const chargeType = asText(d.chargeType);
  return {
    itemPath,
    chargeType,
    charge: asBigInt(d.charge),
    chargeableUnits: asBigInt(d.chargeableUnits),
    chargedUnits: asBigInt(d.chargedUnits),
    invoiceable: COUNTS_TOWARD_TOTAL[source](chargeType),
  };
}

/** `listPath` is `taxInformation[]` or `taxInformationList[]`. */
function taxes(block: Struct, path: string, listPath: string): TaxItem[] {
  return select(block, listPath, path).map(({ value, path: itemPath }) => {
    const t = asStruct(value) ?? {};
    return {
      itemPath,
      taxCode: asInt(t.taxCode),
      taxValue: asBigInt(t.taxValue),
      taxableAmount: asBigInt(t.taxableAmount),
      chargeType: asText(t.chargeType),
    };
  });
}

function discounts(block: Struct, path: string): DiscountItem[] {
  return select(block, 'discountInformation', path).map(({ value, path: itemPath }) => {
    const d = asStruct(value) ?? {};
    return {
      itemPath,
      discountCode: asInt(d.discountCode),
      discount: asBigInt(d.discount),
      discountableAmount: asBigInt(d.discountableAmount),
    };
  });
}

function details(block: Struct, path: string, source: ChargeSource): ChargeItem[] {
  switch (source) {
    case 'charge-information':
    case 'session-charge':
      return [
        ...select(block, 'chargeDetail', path),
        ...select(block, 'chargeDetailList[]', path),
      ].map((f) => chargeDetail(f.value, f.path, source));
    case 'messaging-charge':
      return block.charge === undefined
        ? []
        : [chargeDetail({ charge: block.charge }, `${path}/charge`, source)];
    case 'camel-invocation-fee':
      return block.camelInvocationFee === undefined
        ? []
        : [
            chargeDetail(
              { charge: block.camelInvocationFee },
              `${path}/camelInvocationFee`,
              source,
            ),
          ];
  }
}

function toBlock(
  value: Value,
  itemPath: string,
  source: ChargeSource,
  refund: boolean,
): ChargeBlock {
  const block = asStruct(value) ?? {};
  const taxField =
    source === 'charge-information' || source === 'camel-invocation-fee'
      ? 'taxInformation[]'
      : 'taxInformationList[]';
  return {
    itemPath,
    source,
    refund,
    chargedItem: asText(block.chargedItem),
    exchangeRateCode: asInt(block.exchangeRateCode),
    charges: details(block, itemPath, source),
    taxes: taxes(block, itemPath, taxField),
    discounts:
      source === 'session-charge' || source === 'messaging-charge'
        ? []
        : discounts(block, itemPath),
  };
}

const CONTENT_USED = 'contentTransaction/contentServiceUsed[';

/** True when the charges below `path` are refunds (ContentServiceUsed ChargeRefundIndicator 1). */
function isRefund(body: Struct, itemPath: string): boolean {
  if (!itemPath.startsWith(CONTENT_USED)) return false;
  const m = /^contentTransaction\/contentServiceUsed\[(\d+)\]/.exec(itemPath);
  if (m === null) return false;
  const used = asStruct(asList(body.contentServiceUsed)[Number(m[1])]);
  return asInt(used?.chargeRefundIndicator) === 1;
}

/**
 * The charge blocks of a record `{ kind: body }`, in the order of CHARGE_LOCATIONS. Item paths
 * start with the record kind, e.g. `mobileOriginatedCall/basicServiceUsedList[0]/chargeInformationList[0]`.
 */
export function chargeBlocks(kind: string, body: Struct): ChargeBlock[] {
  // The normaliser and then the validator ask for the same record's blocks: the second is served
  // from this one-record memo (the blocks are never modified by their readers).
  if (body === last.body && kind === last.kind) return last.blocks;
  const blocks = findChargeBlocks(kind, body);
  last = { kind, body, blocks };
  return blocks;
}

let last: { kind: string; body: Struct | undefined; blocks: ChargeBlock[] } = {
  kind: '',
  body: undefined,
  blocks: [],
};

function findChargeBlocks(kind: string, body: Struct): ChargeBlock[] {
  const blocks: ChargeBlock[] = [];
  for (const location of CHARGE_LOCATIONS[kind] ?? []) {
    const found =
      location.path === ''
        ? [{ value: body as Value, path: kind }]
        : select(body, location.path, kind);
    for (const { value, path } of found) {
      const block = toBlock(value, path, location.source, isRefund(body, path));
      const empty = block.charges.length + block.taxes.length + block.discounts.length === 0;
      const optional =
        location.source === 'camel-invocation-fee' || location.source === 'messaging-charge';
      if (empty && optional) continue;
      blocks.push(block);
    }
  }
  return blocks;
}
