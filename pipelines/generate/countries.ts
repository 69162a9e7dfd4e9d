/**
 * Countries partners can be in: ISO 3166 alpha-3 (the first three letters of a TADIG code), the
 * real E.212 MCC, E.164 country code, currency, standard UTC offset and daylight-saving rule.
 */
export type DstRule = 'eu' | 'us' | null;

export interface Country {
  iso3: string;
  name: string;
  mcc: string;
  /** MNC length used by the country's numbering plan. */
  mncDigits: 2 | 3;
  cc: string;
  currency: string;
  /** Standard time, minutes east of UTC. */
  offset: number;
  dst: DstRule;
  /** Rough distance class from the home network: drives signalling and IPX delays. */
  distance: 1 | 2 | 3;
}

const c = (
  iso3: string,
  name: string,
  mcc: string,
  cc: string,
  currency: string,
  offset: number,
  dst: DstRule,
  distance: 1 | 2 | 3,
  mncDigits: 2 | 3 = 2,
): Country => ({ iso3, name, mcc, mncDigits, cc, currency, offset, dst, distance });

/** In the order partners are usually added: neighbours first, then further away. */
export const COUNTRIES: readonly Country[] = [
  c('DEU', 'Germany', '262', '49', 'EUR', 60, 'eu', 1),
  c('FRA', 'France', '208', '33', 'EUR', 60, 'eu', 1),
  c('ESP', 'Spain', '214', '34', 'EUR', 60, 'eu', 1),
  c('ITA', 'Italy', '222', '39', 'EUR', 60, 'eu', 1),
  c('NLD', 'Netherlands', '204', '31', 'EUR', 60, 'eu', 1),
  c('IRL', 'Ireland', '272', '353', 'EUR', 0, 'eu', 1),
  c('CHE', 'Switzerland', '228', '41', 'CHF', 60, 'eu', 1),
  c('POL', 'Poland', '260', '48', 'PLN', 60, 'eu', 1),
  c('PRT', 'Portugal', '268', '351', 'EUR', 0, 'eu', 1),
  c('USA', 'United States', '310', '1', 'USD', -300, 'us', 3, 3),
  c('TUR', 'Türkiye', '286', '90', 'TRY', 180, null, 2),
  c('GRC', 'Greece', '202', '30', 'EUR', 120, 'eu', 2),
  c('SWE', 'Sweden', '240', '46', 'SEK', 60, 'eu', 1),
  c('ARE', 'United Arab Emirates', '424', '971', 'AED', 240, null, 3),
  c('BEL', 'Belgium', '206', '32', 'EUR', 60, 'eu', 1),
  c('AUT', 'Austria', '232', '43', 'EUR', 60, 'eu', 1),
  c('NOR', 'Norway', '242', '47', 'NOK', 60, 'eu', 1),
  c('DNK', 'Denmark', '238', '45', 'DKK', 60, 'eu', 1),
  c('CZE', 'Czechia', '230', '420', 'CZK', 60, 'eu', 1),
  c('HRV', 'Croatia', '219', '385', 'EUR', 60, 'eu', 2),
  c('MAR', 'Morocco', '604', '212', 'MAD', 60, null, 2),
  c('EGY', 'Egypt', '602', '20', 'EGP', 120, null, 2),
  c('CAN', 'Canada', '302', '1', 'CAD', -300, 'us', 3, 3),
  c('MEX', 'Mexico', '334', '52', 'MXN', -360, null, 3, 3),
  c('BRA', 'Brazil', '724', '55', 'BRL', -180, null, 3),
  c('ZAF', 'South Africa', '655', '27', 'ZAR', 120, null, 3),
  c('IND', 'India', '404', '91', 'INR', 330, null, 3),
  c('THA', 'Thailand', '520', '66', 'THB', 420, null, 3),
  c('SGP', 'Singapore', '525', '65', 'SGD', 480, null, 3),
  c('JPN', 'Japan', '440', '81', 'JPY', 540, null, 3),
  c('AUS', 'Australia', '505', '61', 'AUD', 600, null, 3),
];

/** Our own network's country (never a partner's). */
export const HOME_COUNTRY: Country = c('GBR', 'United Kingdom', '234', '44', 'GBP', 0, 'eu', 1);

/** Units of each currency per US dollar (illustrative, stable figures). */
export const PER_USD: Readonly<Record<string, number>> = {
  USD: 1,
  EUR: 0.86,
  GBP: 0.74,
  CHF: 0.8,
  PLN: 3.65,
  SEK: 9.5,
  NOK: 10.1,
  DKK: 6.4,
  CZK: 20.8,
  TRY: 41,
  AED: 3.6725,
  CAD: 1.38,
  MXN: 18.5,
  BRL: 5.4,
  ZAR: 17.6,
  INR: 88,
  THB: 32.5,
  SGD: 1.29,
  JPY: 148,
  AUD: 1.52,
  MAD: 9.1,
  EGP: 48,
};

/** US dollars per SDR (special drawing right, ISO XDR). */
export const USD_PER_SDR = 1.37;
