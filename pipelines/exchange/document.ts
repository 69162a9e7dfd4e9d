/**
 * The `roam-kpi-exchange` file, version 1: one side's measurement of a roaming agreement's KPIs
 * for a month, sent to the other side (docs/kpi-exchange.md, the JSON Schema beside this file).
 * Pure: types and the canonical form the checksum and the signature are computed over.
 */

export const exchangeFormat = 'roam-kpi-exchange';
export const exchangeVersion = 1;

export interface ExchangeParty {
  tadig: string;
  name: string;
}

/** One KPI as the sender measured it. Decimals are strings, exactly as the sender's marts hold them. */
export interface ExchangeEntry {
  kpi: string;
  /** The GSMA IR.42 parameter the KPI implements, where there is one. */
  ir42_parameter: string | null;
  /** From the sender's side: outbound = the sender's subscribers in the recipient's network. */
  direction: 'outbound' | 'inbound';
  service: string;
  rat: string;
  unit: string;
  numerator: string | null;
  denominator: string | null;
  excluded: string | null;
  value: string | null;
  p50: string | null;
  p95: string | null;
  sample_size: number | null;
  /** probe, active-test, tap, rap, nrtrde or ipx. */
  source: string;
  /** The agreed target as the sender holds it; null when it holds none. */
  target: string | null;
}

export interface ExchangeIntegrity {
  /** sha256, hex, of the canonical form of the document without `integrity`. */
  sha256: string;
  /** Ed25519 over the same bytes, base64; absent when the file is not signed. */
  signature?: { algorithm: 'ed25519'; value: string };
}

export interface ExchangeDocument {
  format: typeof exchangeFormat;
  version: typeof exchangeVersion;
  sender: ExchangeParty;
  recipient: ExchangeParty;
  /** YYYY-MM. */
  period: string;
  /** ISO 8601 UTC. */
  generated_at: string;
  generator: { name: string; version: string };
  entries: ExchangeEntry[];
  integrity: ExchangeIntegrity;
}

export type ExchangeContent = Omit<ExchangeDocument, 'integrity'>;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * The canonical JSON text of a value: object keys sorted by code unit, no whitespace, numbers as
 * JSON.stringify writes them (the format keeps every decimal in a string, so only whole counts
 * are numbers). The same content always gives the same bytes, whoever wrote the file.
 */
export function canonicalJson(value: unknown): string {
  const json = value as Json;
  if (json === null || typeof json !== 'object') {
    if (typeof json === 'number' && !Number.isFinite(json)) throw new Error('not a JSON number');
    return JSON.stringify(json);
  }
  if (Array.isArray(json)) return `[${json.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(json)
    .filter((k) => json[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(json[k])}`).join(',')}}`;
}

/** The bytes the checksum and the signature cover: the document less its integrity block. */
export function signedBytes(document: ExchangeContent | ExchangeDocument): Buffer {
  const content: Partial<ExchangeDocument> = { ...document };
  delete content.integrity;
  return Buffer.from(canonicalJson(content), 'utf8');
}
