/**
 * The world model: our network and N fictional partners with everything the generators need
 * (codes, currencies, releases, tariffs, quality and traffic profiles). Pure: a function of the
 * seed and the partner count.
 */
import { COUNTRIES, HOME_COUNTRY, PER_USD, USD_PER_SDR, type Country } from './countries.ts';
import { rngFor, type Rng } from './prng.ts';

export interface Home {
  tadig: string;
  name: string;
  country: Country;
  mcc: string;
  mnc: string;
  cc: string;
  apnOi: string;
  realm: string;
  /** Global Title prefixes of our MSC/VLRs and SGSNs (probe rows of inbound roamers). */
  mscGt: string;
  sgsnGt: string;
  /** TapDecimalPlaces of the TAP files we send. */
  tapDecimalPlaces: number;
}

export const HOME: Home = {
  tadig: 'GBRHM',
  name: 'Harbour Mobile',
  country: HOME_COUNTRY,
  mcc: '234',
  mnc: '99',
  cc: '44',
  apnOi: 'mnc099.mcc234.gprs',
  realm: 'epc.mnc099.mcc234.3gppnetwork.org',
  mscGt: '447700090',
  sgsnGt: '447700091',
  tapDecimalPlaces: 5,
};

/** Wholesale tariffs in millionths of the partner's TAP currency. */
export interface Tariff {
  mocPerMinute: number;
  mtcPerMinute: number;
  smsMo: number;
  perMegabyte: number;
}

export interface Partner {
  index: number;
  tadig: string;
  name: string;
  country: Country;
  mcc: string;
  mnc: string;
  operatorGroup: string;
  mscGt: string;
  sgsnGt: string;
  realm: string;
  ipx: string;
  /** `SDR` or an ISO currency agreed bilaterally. */
  tapCurrency: string;
  /** TAP release sent: 11 or 12. */
  release: 11 | 12;
  tapDecimalPlaces: number;
  /** VAT on wholesale charges, 5 implied decimals (1800000 = 18 %), or null. */
  taxRate: number | null;
  /** Volume discount on data, 1500 = 15.00 %, or null. */
  discountRate: number | null;
  /** Local currency units per 1 unit of TAP currency, as an integer with 5 decimals. */
  exchangeRate: number;
  tariff: Tariff;
  /** Relative traffic weight. */
  size: number;
  outboundShare: number;
  /** Normal failure probabilities: technical and user/policy. */
  technicalFailure: number;
  policyFailure: number;
  /** Multiplier of signalling latencies (distance, network). */
  latency: number;
  /** Share of data sessions per routing. */
  routing: { home: number; local: number; regional: number };
  /** Share of our roamers that are IoT devices (NB-IoT / LTE-M). */
  iotShare: number;
  /** Share of 2G/3G (MAP, GTPv1) against 4G/5G (Diameter, GTPv2) signalling. */
  legacyShare: number;
  sendsNrtrde: boolean;
  apn: string;
  firstSequence: number;
  /** Days each of its TAP files covers: 1 (the two largest partners) or 2. */
  tapEveryDays: 1 | 2;
  /** What we charge the partner for its subscribers in our network, in its TAP currency. */
  inboundTariff: Tariff;
  /** GBP per unit of TAP currency (5 decimals), for the files we send. */
  homeExchangeRate: number;
  /** First FileSequenceNumber of the TAP files we send the partner. */
  homeFirstSequence: number;
  /** Whether the partner returns some of our records in RAP (its own tariff checks). */
  returnsRap: boolean;
}

const NAME_A = ['Nova', 'Orbit', 'Vela', 'Aster', 'Lumen', 'Cobalt', 'Zephyr', 'Helix', 'Terra'];
const NAME_B = ['Luma', 'Strato', 'Onda', 'Vento', 'Borea', 'Falco', 'Coral', 'Quanta', 'Mira'];
const SUFFIX = ['Mobile', 'Telecom', 'Wireless', 'Mobil', 'Cellular', 'Connect'];
const GROUPS = ['Atlas Telecom Group', 'Pangea Mobile Holdings', 'Nordwind Group', 'Independent'];
const IPX = ['Kestrel IPX', 'Meridian Exchange', 'Bluewater Carrier Services'];
const TADIG_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function localPerTap(country: Country, tapCurrency: string): number {
  const local = PER_USD[country.currency] ?? 1;
  const tapPerUsd = tapCurrency === 'SDR' ? 1 / USD_PER_SDR : (PER_USD[tapCurrency] ?? 1);
  return Math.round((local / tapPerUsd) * 100_000);
}

function tariff(rng: Rng, tapCurrency: string): Tariff {
  const perSdr = tapCurrency === 'SDR' ? 1 : USD_PER_SDR * (PER_USD[tapCurrency] ?? 1);
  const m = (sdr: number) => Math.round(sdr * perSdr * 1_000_000);
  return {
    mocPerMinute: m(0.04 + rng.float() * 0.2),
    mtcPerMinute: m(0.008 + rng.float() * 0.02),
    smsMo: m(0.01 + rng.float() * 0.05),
    perMegabyte: m(0.002 + rng.float() * 0.02),
  };
}

/** A fictional operator name; first words stay distinct while there are enough of them. */
function partnerName(rng: Rng, used: Set<string>): string {
  const words = [...NAME_A, ...NAME_B];
  for (let tries = 0; ; tries++) {
    const word = rng.pick(words);
    // Past 108 two-word names (a portfolio of hundreds of partners), a third word.
    const name =
      tries < 200
        ? `${word} ${rng.pick(SUFFIX)}`
        : `${word} ${rng.pick(words)} ${rng.pick(SUFFIX)}`;
    if (used.has(name) || (tries < 50 && used.has(word))) continue;
    used.add(name);
    used.add(word);
    return name;
  }
}

function tadigOf(rng: Rng, country: Country, name: string, used: Set<string>): string {
  const initials = name
    .split(' ')
    .map((w) => w[0] ?? 'X')
    .join('')
    .toUpperCase();
  let code = `${country.iso3}${initials.slice(0, 2)}`;
  while (used.has(code) || code.length !== 5) {
    code = `${country.iso3}${rng.pick([...TADIG_CHARS])}${rng.pick([...TADIG_CHARS])}`;
  }
  used.add(code);
  return code;
}

/** The partners of a run, in a stable order (largest traffic first, roughly). */
export function buildPartners(seed: number, count: number): Partner[] {
  const rng = rngFor(seed, 'world');
  const names = new Set<string>();
  const tadigs = new Set<string>();
  const mncs = new Set<string>();
  const legacyPartner = count >= 3 ? 1 + rng.int(count - 1) : -1;
  return Array.from({ length: count }, (_, index): Partner => {
    const country = COUNTRIES[index % COUNTRIES.length]!;
    const name = partnerName(rng, names);
    let mnc = '';
    // MNCs from the top of the range, as fictional networks; lower ones once those are taken.
    for (let tries = 0; mnc === '' || mncs.has(country.mcc + mnc); tries++) {
      const low = tries < 100 ? 90 : 10;
      mnc = country.mncDigits === 3 ? String(rng.range(low * 10, 999)) : String(rng.range(low, 99));
    }
    mncs.add(country.mcc + mnc);
    const euro = country.currency === 'EUR';
    const tapCurrency = euro && rng.chance(0.6) ? 'EUR' : 'SDR';
    const gt = `${country.cc}${rng.range(60, 79)}${rng.range(100, 999)}`;
    const lbo = rng.chance(0.5) ? 0.1 + rng.float() * 0.3 : 0;
    const regional = rng.chance(0.4) ? 0.05 + rng.float() * 0.2 : 0;
    return {
      index,
      tadig: tadigOf(rng, country, name, tadigs),
      name,
      country,
      mcc: country.mcc,
      mnc,
      operatorGroup: rng.pick(GROUPS),
      mscGt: `${gt}0`,
      sgsnGt: `${gt}1`,
      realm: `epc.mnc${mnc.padStart(3, '0')}.mcc${country.mcc}.3gppnetwork.org`,
      ipx: rng.pick(IPX),
      tapCurrency,
      release: index === legacyPartner || rng.chance(0.15) ? 11 : 12,
      tapDecimalPlaces: rng.pick([3, 3, 3, 5, 6]),
      taxRate: rng.chance(0.25) ? rng.pick([1800000, 2000000, 2100000, 500000]) : null,
      discountRate: rng.chance(0.3) ? rng.pick([500, 1000, 1500]) : null,
      exchangeRate: localPerTap(country, tapCurrency),
      tariff: tariff(rng, tapCurrency),
      size: (1 / Math.pow(index + 1, 0.7)) * (0.7 + rng.float() * 0.6),
      outboundShare: 0.5 + rng.float() * 0.25,
      technicalFailure: 0.002 + rng.float() * 0.008,
      policyFailure: 0.002 + rng.float() * 0.008,
      latency: country.distance * (0.8 + rng.float() * 0.5),
      routing: { home: 1 - lbo - regional, local: lbo, regional },
      iotShare: 0.05 + rng.float() * 0.15,
      legacyShare: 0.15 + rng.float() * 0.35,
      sendsNrtrde: index % 3 === 0 && index > 0,
      apn: `${name.split(' ')[0]!.toLowerCase()}.${country.iso3.toLowerCase()}`,
      firstSequence: rng.range(1, 40_000),
      ...extras(seed, index, tapCurrency),
    };
  });
}

/**
 * What the later issues added, drawn from a stream of their own so that the partners' names,
 * codes and profiles above stay those of earlier samples.
 */
function extras(seed: number, index: number, tapCurrency: string) {
  const rng = rngFor(seed, 'world-extra', index);
  return {
    tapEveryDays: index < 2 ? 1 : 2,
    inboundTariff: tariff(rng, tapCurrency),
    homeExchangeRate: localPerTap(HOME_COUNTRY, tapCurrency),
    homeFirstSequence: rng.range(1, 40_000),
    returnsRap: rng.chance(0.6),
  } as const;
}

/**
 * A network we have no roaming agreement with, in the first partner's country: its MNC and GT
 * range are outside every partner's (partners draw MNC 90–99 and GT digits 60–79), so probe rows of
 * it match no partner. Only its codes and a profile for latencies are used.
 */
export function strangerNetwork(partners: readonly Partner[]): Partner {
  const base = partners[0]!;
  const mnc = base.country.mncDigits === 3 ? '890' : '89';
  const gt = `${base.country.cc}85000`;
  return {
    ...base,
    index: partners.length,
    tadig: '',
    name: 'non-partner network',
    mnc,
    mscGt: `${gt}0`,
    sgsnGt: `${gt}1`,
    realm: `epc.mnc${mnc.padStart(3, '0')}.mcc${base.mcc}.3gppnetwork.org`,
    apn: 'internet.other',
  };
}
