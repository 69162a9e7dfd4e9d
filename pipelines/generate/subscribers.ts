/**
 * Subscribers as numbers: pool index → IMSI, MSISDN, IMEI and IoT flag, without tables. Our
 * roamers in partner p are indices of a home range; the partner's roamers in our network use
 * the partner's own MCC-MNC. Indices are scrambled by a bijective affine map, so IMSIs look
 * random, never collide, and the same index always gives the same IMSI.
 */
import { HOME, type Partner } from './world.ts';

/** Our roamers per partner occupy [index × STRIDE, (index + 1) × STRIDE) of the home range. */
const STRIDE = 50_000_000;
const IOT_TACS = ['86012345', '35896709'];
const HANDSET_TACS = ['35332011', '35391110', '35467812', '35290611', '35875209'];

function round(b: number, r: number, key: number, m: number): number {
  let h = Math.imul(b ^ key, 0x9e3779b1) ^ Math.imul(r + 1, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h ^= h >>> 13;
  return (h >>> 0) % m;
}

/**
 * A bijection of [0, 10^digits) (digits ≤ 12): four FE1-style Feistel rounds over a decimal
 * split, keyed by `key`. Consecutive indices map to unrelated-looking numbers.
 */
export function scramble(x: number, digits: number, key = 0): number {
  const m = 10 ** Math.floor(digits / 2);
  const n = 10 ** Math.ceil(digits / 2);
  let v = x;
  for (let r = 0; r < 4; r++) {
    const a = Math.floor(v / n);
    const b = v % n;
    const w = (a + round(b, r, key, m)) % m;
    v = m * b + w;
  }
  return v;
}

function digits(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

const homePrefix = HOME.mcc + HOME.mnc;

/** IMSI of our subscriber number `i` roaming in `partner`. */
export function homeImsi(partner: Partner, i: number): string {
  const global = partner.index * STRIDE + i;
  return (
    homePrefix + digits(scramble(global, 15 - homePrefix.length, 1_234_567), 15 - homePrefix.length)
  );
}

export function homeMsisdn(partner: Partner, i: number): string {
  const global = partner.index * STRIDE + i;
  return `4477${digits(scramble(global % 100_000_000, 8, 4_321), 8)}`;
}

/** IMSI of the partner's subscriber number `i` roaming in our network. */
export function partnerImsi(partner: Partner, i: number): string {
  const prefix = partner.mcc + partner.mnc;
  const width = 15 - prefix.length;
  return prefix + digits(scramble(i, width, partner.index * 7919), width);
}

/** MSISDN of the partner's subscriber number `i`. */
export function partnerMsisdn(partner: Partner, i: number): string {
  return `${partner.country.cc}7${digits(scramble(i % 100_000_000, 8, partner.index * 31 + 7), 8)}`;
}

/** Whether subscriber `i` is an IoT device (a stable share of each pool). */
export function isIot(i: number, share: number): boolean {
  return ((Math.imul(i + 1, 0x9e3779b1) >>> 0) % 1000) / 1000 < share;
}

export function imei(i: number, iot: boolean): string {
  const tacs = iot ? IOT_TACS : HANDSET_TACS;
  return tacs[i % tacs.length]! + digits(scramble(i % 1_000_000, 6, 17), 6);
}
