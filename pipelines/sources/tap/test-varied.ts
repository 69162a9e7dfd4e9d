/**
 * A varied TAP 3.12 record stream for tests and bench/tap-normalise.ts: every call event kind of
 * 3.12, several charge blocks per record, CAMEL fees, refunds, and (one record in seven) codes,
 * charge types, timestamps and amounts the validator flags. `variedRecord(i)` is deterministic.
 */
import type { Struct } from '../../asn1/types.ts';
import { chargeInformation, dt, gprs, messaging, moc, session } from './test-fixtures.ts';

const digits = (i: number, width: number): string => String(i).padStart(width, '0');

/** Start time `2024-03-DD hh:mm:ss` spread over the month; one record in 97 is not a date. */
function stamp(i: number): string {
  if (i % 97 === 5) return '20240230120000';
  const day = 1 + (i % 28);
  const second = (i * 7919) % 86_400;
  const hh = Math.floor(second / 3600);
  const mm = Math.floor((second % 3600) / 60);
  return `202403${digits(day, 2)}${digits(hh, 2)}${digits(mm, 2)}${digits(second % 60, 2)}`;
}

function odd(i: number): boolean {
  return i % 7 === 3;
}

function callBody(i: number, kind: 'moc' | 'mtc'): Struct {
  const bad = odd(i);
  const imsi = `2620100${digits(i, 8)}`;
  const basic: Struct = {
    chargeableSubscriber: { simChargeableSubscriber: { imsi, msisdn: `49170${digits(i, 7)}` } },
    callEventStartTimeStamp: dt(stamp(i), bad ? 4 : i % 2),
    totalCallEventDuration: i % 11 === 0 ? 0 : 30 + (i % 600),
    ...(i % 5 === 0 ? { causeForTerm: bad ? 1 : 3 } : {}),
    ...(kind === 'moc'
      ? { destination: { calledNumber: `44${digits(i * 13, 10)}` } }
      : { callOriginator: { callingNumber: `33${digits(i * 17, 9)}` } }),
  };
  const charge = BigInt(100 + (i % 900));
  const info = chargeInformation(
    [
      ['00', bad && i % 2 === 1 ? -charge : charge],
      [bad ? '02' : '01', charge / 2n],
    ],
    {
      exchangeRateCode: bad ? 7 : 1,
      taxInformation: [{ taxCode: bad ? 5 : 1, taxValue: Number(charge / 5n), taxableAmount: 100 }],
      ...(i % 3 === 0 ? { discountInformation: { discountCode: 1 + (i % 2), discount: 3 } } : {}),
    },
  );
  const body: Struct = {
    basicCallInformation: basic,
    locationInformation: {
      networkLocation: {
        recEntityCode: bad ? 9 : 1 + (i % 2),
        locationArea: i % 65_535,
        cellId: i,
      },
      geographicalLocation: { servingNetwork: 'DEUD1' },
    },
    equipmentIdentifier: { imei: `35${digits(i, 12)}` },
    basicServiceUsedList: [
      {
        basicService: {
          serviceCode:
            i % 4 === 0
              ? { bearerServiceCode: '30' }
              : { teleServiceCode: i % 4 === 1 ? '22' : '11' },
        },
        chargeInformationList: i % 6 === 0 ? [info, chargeInformation([['00', 7]])] : [info],
      },
    ],
  };
  if (i % 8 === 0) body.camelServiceUsed = { camelServiceKey: 7, camelInvocationFee: 12 };
  if (kind === 'moc' && i % 9 === 0) body.supplServiceCode = '21';
  return body;
}

function content(i: number): Struct {
  const used = (n: number, refund: boolean): Struct => ({
    contentTransactionCode: 1,
    contentTransactionType: 2,
    dataVolumeIncoming: 1000 * n,
    dataVolumeOutgoing: 10 * n,
    ...(refund ? { chargeRefundIndicator: 1 } : {}),
    chargeInformationList: [
      chargeInformation([['00', 50 * n]], { taxInformation: [{ taxCode: 1, taxValue: n }] }),
    ],
  });
  return {
    contentTransaction: {
      contentTransactionBasicInfo: {
        orderPlacedTimeStamp: dt(stamp(i)),
        totalTransactionDuration: 5,
        rapFileSequenceNumber: '00007',
      },
      contentServiceUsed: [used(1, false), used(2, i % 2 === 0)],
    },
  };
}

const others: ((i: number) => Struct)[] = [
  (i) => gprs(BigInt(200 + i), BigInt(i) * 1_000_003n, 4_294_967_296n + BigInt(i)),
  (i) => messaging(10 + (i % 5), i % 3),
  (i) =>
    session([
      ['00', 70 + (i % 9)],
      ['01', 60],
    ]),
  (i) => ({
    supplServiceEvent: {
      chargeableSubscriber: { simChargeableSubscriber: { imsi: `26201${digits(i, 10)}` } },
      locationInformation: { networkLocation: { recEntityCode: 1 } },
      supplServiceUsed: {
        supplServiceCode: '2A',
        chargingTimeStamp: dt(stamp(i), 1),
        chargeInformation: chargeInformation([['00', 15]]),
      },
    },
  }),
  (i) => ({
    serviceCentreUsage: {
      basicInformation: {
        chargeableSubscriber: { gsmChargeableSubscriber: { imsi: `26201${digits(i, 10)}` } },
        nonChargedNumber: '4915112345',
      },
      servingNetwork: 'DEUD1',
      recEntityCode: 2,
      scuTimeStamps: { depositTimeStamp: dt(stamp(i)) },
      chargeInformation: chargeInformation([['00', 3]]),
    },
  }),
  content,
  (i) => ({
    locationService: {
      recEntityCode: 1,
      locationServiceUsage: {
        lCSQosRequested: { lCSRequestTimestamp: dt(stamp(i)) },
        chargeInformationList: [chargeInformation([['00', 9]])],
      },
    },
  }),
];

/** Record `i`: 40 % MOC, 20 % MTC, the rest spread over the other kinds. */
export function variedRecord(i: number): Struct {
  const r = i % 10;
  if (r < 4) return { mobileOriginatedCall: callBody(i, 'moc') };
  if (r < 6) return { mobileTerminatedCall: callBody(i, 'mtc') };
  const other = others[i % others.length];
  return other === undefined ? moc(i) : other(i);
}
