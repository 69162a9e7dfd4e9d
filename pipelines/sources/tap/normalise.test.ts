import { describe, expect, it } from 'vitest';
import { CHARGE_LOCATIONS, chargeBlocks } from './charges.ts';
import { EVENT_PATHS } from './events.ts';
import { createTapNormaliser, normaliseTapFile } from './normalise.ts';
import { end, gprs, messaging, moc, record, session, tapHeader, trailer } from './test-fixtures.ts';

describe('TAP normalisation', () => {
  const big = 9_007_199_254_740_993n; // beyond 2^53: must stay exact
  const rows = normaliseTapFile('CDDEUD1GBRCN00042', [
    tapHeader(),
    record(0, moc(1234)),
    record(1, gprs(big, 5_000_000_000n, 123)),
    record(2, messaging(50, 9)),
    record(
      3,
      session([
        ['00', 70],
        ['01', 60],
      ]),
    ),
    trailer({ totalCharge: 1234n + big + 50n + 70n, callEventDetailsCount: 4 }),
    end,
  ]);
  if (rows === null) throw new Error('no header');

  it('writes the file row from BatchControlInfo and AccountingInfo', () => {
    expect(rows.file).toMatchObject({
      sender: 'DEUD1',
      recipient: 'GBRCN',
      fileSequenceNumber: '00042',
      fileAvailableLocal: '2024-03-02T08:30:00',
      fileAvailableUtc: '2024-03-02T07:30:00Z',
      tapCurrency: 'EUR',
      tapDecimalPlaces: 3,
      releaseVersionNumber: 12,
    });
  });

  it('puts file keys, times, subscriber, service and location on a MOC row', () => {
    expect(rows.events[0]).toMatchObject({
      file: 'CDDEUD1GBRCN00042',
      sender: 'DEUD1',
      recipient: 'GBRCN',
      fileSequenceNumber: '00042',
      recordIndex: 0,
      eventType: 'moc',
      imsi: '262011234567890',
      msisdn: '4917012345678',
      imei: '35123456789012',
      startLocal: '2024-03-01T10:15:00',
      startUtcOffset: '+0100',
      startUtc: '2024-03-01T09:15:00Z',
      endUtc: '2024-03-01T09:17:05Z',
      durationSeconds: 125,
      teleServiceCode: '11',
      calledNumber: '441234567890',
      servingNetwork: 'DEUD1',
      recEntityCode: 1,
      recEntityType: 1,
      recEntityId: '491720000001',
      locationArea: 1234,
      cellId: 5678,
      totalCharge: 1234n,
    });
  });

  it('derives SMS event types from the teleservice', () => {
    const smsMo = moc(10);
    const body = smsMo.mobileOriginatedCall as {
      basicServiceUsedList: { basicService: unknown }[];
    };
    body.basicServiceUsedList[0]!.basicService = { serviceCode: { teleServiceCode: '22' } };
    const n = createTapNormaliser('f', tapHeader());
    expect(n.record(record(0, smsMo)).event.eventType).toBe('sms-mo');
  });

  it('keeps GPRS volumes, charging id and charges exact', () => {
    expect(rows.events[1]).toMatchObject({
      eventType: 'gprs',
      startUtc: '2024-03-02T05:29:30Z',
      apnNi: 'internet',
      apnOi: 'mnc001.mcc262.gprs',
      dataVolumeIncoming: 5_000_000_000n,
      dataVolumeOutgoing: 123n,
      chargingId: 4294967296n,
      partialTypeIndicator: 'F',
      recEntityCode: 2,
      recEntityId: '10.0.0.1',
      totalCharge: big,
    });
    expect(rows.charges.filter((c) => c.recordIndex === 1).map((c) => c.charge)).toEqual([big]);
  });

  it('writes one charge row per detail with scale, currency and the resolved exchange rate', () => {
    const mocCharges = rows.charges.filter((c) => c.recordIndex === 0);
    expect(mocCharges).toHaveLength(2);
    expect(mocCharges[0]).toMatchObject({
      chargeInformationIndex: 0,
      chargeType: '00',
      charge: 1234n,
      invoiceable: true,
      scale: 3,
      currency: 'EUR',
      chargedItem: 'D',
      chargeableUnits: 60n,
      exchangeRateCode: 1,
      exchangeRate: 116203n,
      exchangeRateDecimalPlaces: 5,
      itemPath:
        'mobileOriginatedCall/basicServiceUsedList[0]/chargeInformationList[0]/chargeDetailList[0]',
    });
    expect(mocCharges[1]).toMatchObject({ chargeType: '01', invoiceable: false });
  });

  it('writes taxes and discounts with their table entries, joined by chargeInformationIndex', () => {
    expect(rows.taxes.filter((t) => t.recordIndex === 0)).toEqual([
      expect.objectContaining({
        chargeInformationIndex: 0,
        taxCode: 1,
        taxType: '01',
        taxRate: '1900000',
        taxValue: 19n,
        taxableAmount: 100n,
      }),
    ]);
    expect(rows.discounts).toEqual([
      expect.objectContaining({
        recordIndex: 0,
        discountCode: 2,
        discount: 5n,
        fixedDiscountValue: 250n,
        discountRate: null,
      }),
    ]);
  });

  it("treats MessagingEvent's bare Charge as invoiceable with no charge type", () => {
    expect(rows.events[2]).toMatchObject({
      eventType: 'messaging',
      eventService: 1,
      imsi: '262011111111111',
      totalCharge: 50n,
    });
    expect(rows.charges.filter((c) => c.recordIndex === 2)).toEqual([
      expect.objectContaining({
        source: 'messaging-charge',
        chargeType: null,
        charge: 50n,
        invoiceable: true,
        exchangeRate: 116203n,
      }),
    ]);
    expect(rows.taxes.filter((t) => t.recordIndex === 2).map((t) => t.taxValue)).toEqual([9n]);
  });

  it('reads SessionChargeInformation with a single ChargeDetail and a list', () => {
    const s = rows.charges.filter((c) => c.recordIndex === 3);
    expect(s.map((c) => [c.chargeType, c.charge, c.invoiceable])).toEqual([
      ['00', 70n, true],
      ['01', 60n, false],
    ]);
    expect(rows.events[3]).toMatchObject({
      eventType: 'mobile-session',
      durationSeconds: 30,
      totalCharge: 70n,
    });
  });

  it('reads the audit row', () => {
    expect(rows.audit).toMatchObject({
      totalCharge: 1234n + big + 120n,
      callEventDetailsCount: 4,
      scale: 3,
    });
  });

  it('defaults the currency to SDR when the file has no TapCurrency', () => {
    const header = tapHeader({ accountingInfo: { tapDecimalPlaces: 2, localCurrency: 'EUR' } });
    const n = createTapNormaliser('f', header);
    expect(n.record(record(0, moc(1))).charges[0]).toMatchObject({
      currency: 'XDR',
      scale: 2,
      exchangeRate: null,
    });
  });
});

describe('TAP 3.10 shapes', () => {
  const header = tapHeader({}, 'TAP-3.10');

  it('reads 3.10 equipment, supplementary, VAS and CAMEL charge information', () => {
    const value = moc(100, {
      equipmentInformation: { imeiOrEsn: { imei: '35000000000001' } },
      supplServiceUsedList: [
        {
          supplServiceCode: '21',
          chargeInformation: { chargeDetailList: [{ chargeType: '00', charge: 7 }] },
        },
      ],
      valueAddedServiceUsedList: [
        { vasCode: 3, chargeInformation: { chargeDetailList: [{ chargeType: '00', charge: 11 }] } },
      ],
      camelServiceUsed: {
        camelChargeInformation: { chargeDetailList: [{ chargeType: '00', charge: 13 }] },
      },
    });
    delete (value.mobileOriginatedCall as Record<string, unknown>).equipmentIdentifier;
    const out = createTapNormaliser('f', header).record(record(0, value));
    expect(out.event).toMatchObject({
      imei: '35000000000001',
      supplServiceCode: '21',
      totalCharge: 100n + 7n + 11n + 13n,
    });
    expect(out.charges.map((c) => c.chargeInformationIndex)).toEqual([0, 0, 1, 2, 3]);
  });

  it('reads a ValueAddedService event and 3.10 GPRS usage lists', () => {
    const n = createTapNormaliser('f', header);
    const vas = n.record(
      record(0, {
        valueAddedService: {
          chargeableSubscriber: { gsmChargeableSubscriber: { imsi: '262010000000001' } },
          valueAddedServiceUsed: {
            vasCode: 9,
            chargingTimeStamp: { localTimeStamp: '20240301000000', utcTimeOffsetCode: 0 },
            chargeInformation: { chargeDetailList: [{ chargeType: '00', charge: 3 }] },
          },
        },
      }),
    );
    expect(vas.event).toMatchObject({
      eventType: 'vas',
      imsi: '262010000000001',
      eventService: 9,
      startUtc: '2024-02-29T23:00:00Z',
      totalCharge: 3n,
    });
    const g = n.record(
      record(1, {
        gprsCall: {
          gprsServiceUsed: {
            gprsServiceUsageList: [
              { dataVolumeIncoming: 10 },
              { dataVolumeIncoming: 32, dataVolumeOutgoing: 5 },
            ],
          },
        },
      }),
    );
    expect(g.event).toMatchObject({ dataVolumeIncoming: 42n, dataVolumeOutgoing: 5n });
  });
});

describe('charge locations', () => {
  it('has a location and an event description for every record kind of every release', () => {
    expect(Object.keys(CHARGE_LOCATIONS).sort()).toEqual(Object.keys(EVENT_PATHS).sort());
  });

  it('adds CAMEL invocation fees (3.11+) and sets content refunds apart', () => {
    const blocks = chargeBlocks('mobileTerminatedCall', {
      basicServiceUsedList: [
        { chargeInformationList: [{ chargeDetailList: [{ chargeType: '00', charge: 5 }] }] },
      ],
      camelServiceUsed: { camelInvocationFee: 2, taxInformation: [{ taxCode: 1, taxValue: 1 }] },
    });
    expect(blocks.map((b) => [b.source, b.charges.map((c) => c.charge), b.taxes.length])).toEqual([
      ['charge-information', [5n], 0],
      ['camel-invocation-fee', [2n], 1],
    ]);
    const refund = chargeBlocks('contentTransaction', {
      contentServiceUsed: [
        { chargeInformationList: [{ chargeDetailList: [{ chargeType: '00', charge: 8 }] }] },
        {
          chargeRefundIndicator: 1,
          chargeInformationList: [{ chargeDetailList: [{ chargeType: '00', charge: 3 }] }],
        },
      ],
    });
    expect(refund.map((b) => b.refund)).toEqual([false, true]);
  });
});
