/**
 * One direction of the TAP exchange with a partner. Outbound: the partner sends us the usage of
 * our subscribers in its network, in its clock, codes and prices. Inbound: we send the partner the
 * usage of its subscribers in our network, priced in the agreed (bilateral) TAP currency.
 */
import type { Country } from './countries.ts';
import { homeImsi, homeMsisdn, partnerImsi, partnerMsisdn } from './subscribers.ts';
import { HOME, type Partner, type Tariff } from './world.ts';

export type Direction = 'outbound' | 'inbound';

/** The network where the usage happened: the TAP sender. */
export interface Visited {
  tadig: string;
  country: Country;
  mcc: string;
  mnc: string;
  mscGt: string;
  /** First three octets of its SGSN and P-GW addresses. */
  ip: string;
}

export interface TapSide {
  direction: Direction;
  partner: Partner;
  sender: string;
  recipient: string;
  visited: Visited;
  /** Country code and APN operator identifier of the subscribers' home network. */
  homeCc: string;
  homeApnOi: string;
  imsi: (sub: number) => string;
  msisdn: (sub: number) => string;
  apn: { internet: string; iot: string };
  release: 11 | 12;
  tapDecimalPlaces: number;
  tapCurrency: string;
  exchangeRate: number;
  taxRate: number | null;
  discountRate: number | null;
  tariff: Tariff;
  firstSequence: number;
  everyDays: number;
  iotShare: number;
}

const apnOi = (mcc: string, mnc: string) => `mnc${mnc.padStart(3, '0')}.mcc${mcc}.gprs`;

export function outboundSide(p: Partner): TapSide {
  return {
    direction: 'outbound',
    partner: p,
    sender: p.tadig,
    recipient: HOME.tadig,
    visited: {
      tadig: p.tadig,
      country: p.country,
      mcc: p.mcc,
      mnc: p.mnc,
      mscGt: p.mscGt,
      ip: `10.${p.index % 250}.${p.country.distance}`,
    },
    homeCc: HOME.cc,
    homeApnOi: HOME.apnOi,
    imsi: (sub) => homeImsi(p, sub),
    msisdn: (sub) => homeMsisdn(p, sub),
    apn: { internet: 'internet', iot: 'iot.harbour' },
    release: p.release,
    tapDecimalPlaces: p.tapDecimalPlaces,
    tapCurrency: p.tapCurrency,
    exchangeRate: p.exchangeRate,
    taxRate: p.taxRate,
    discountRate: p.discountRate,
    tariff: p.tariff,
    firstSequence: p.firstSequence,
    everyDays: p.tapEveryDays,
    iotShare: p.iotShare,
  };
}

/** Share of the partner's roamers in our network that are IoT devices (as in the probe rows). */
export const INBOUND_IOT_SHARE = 0.04;

/** Days each TAP file we send covers: our billing runs every other day for every partner. */
const HOME_EVERY_DAYS = 2;

export function inboundSide(p: Partner): TapSide {
  return {
    direction: 'inbound',
    partner: p,
    sender: HOME.tadig,
    recipient: p.tadig,
    visited: {
      tadig: HOME.tadig,
      country: HOME.country,
      mcc: HOME.mcc,
      mnc: HOME.mnc,
      mscGt: HOME.mscGt,
      ip: '10.254.0',
    },
    homeCc: p.country.cc,
    homeApnOi: apnOi(p.mcc, p.mnc),
    imsi: (sub) => partnerImsi(p, sub),
    msisdn: (sub) => partnerMsisdn(p, sub),
    apn: { internet: p.apn, iot: `m2m.${p.apn}` },
    release: p.release,
    tapDecimalPlaces: HOME.tapDecimalPlaces,
    tapCurrency: p.tapCurrency,
    exchangeRate: p.homeExchangeRate,
    taxRate: null,
    discountRate: p.discountRate,
    tariff: p.inboundTariff,
    firstSequence: p.homeFirstSequence,
    everyDays: HOME_EVERY_DAYS,
    iotShare: INBOUND_IOT_SHARE,
  };
}

/** The APN operator identifier of a data session broken out in the visited network. */
export const visitedApnOi = (v: Visited) => apnOi(v.mcc, v.mnc);
