/**
 * Whether we accept a partner's exchange file, from the reference data: it is for our network
 * (raw.reference_home_network), from a partner of ours (raw.reference_partners), and, when that
 * partner has keys on file (raw.reference_partner_keys), signed with one of them. A partner
 * without a key on file may send signed or unsigned files; its signature cannot be verified.
 */
import { createPublicKey } from 'node:crypto';
import type { ExchangeDocument } from '../../exchange/document.ts';
import { integrityProblem } from '../../exchange/integrity.ts';
import { LoadError } from '../../lib/errors.ts';
import type { ReferenceData } from '../source.ts';

/** A key as partner_keys.csv holds it (base64 SPKI DER, or PEM) as PEM; null when not Ed25519. */
export function publicKeyPem(text: string): string | null {
  const trimmed = text.trim();
  try {
    const key = trimmed.startsWith('-----')
      ? createPublicKey(trimmed)
      : createPublicKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return null;
    return key.export({ type: 'spki', format: 'pem' }).toString();
  } catch {
    return null;
  }
}

/** What refuses the file, as one line, or null when it is accepted. Pure. */
export function refusal(
  document: ExchangeDocument,
  home: readonly string[],
  partners: readonly string[],
  keys: readonly string[],
): { message: string; fix: string } | null {
  const { sender, recipient } = document;
  if (home.length === 0)
    return {
      message: 'our network is not in the reference data, so the recipient cannot be checked',
      fix: 'ingest home_network.csv before the partner files',
    };
  if (!home.includes(recipient.tadig))
    return {
      message: `the file is for ${recipient.tadig}, not for our network (${home.join(', ')})`,
      fix: 'it was sent to the wrong operator: tell the sender',
    };
  if (!partners.includes(sender.tadig))
    return {
      message: `the sender ${sender.tadig} is not one of our partners (partners.csv)`,
      fix: 'add the partner to partners.csv and ingest it, then this file again',
    };
  if (keys.length === 0) return null;
  if (document.integrity.signature === undefined)
    return {
      message: `the file is not signed, and ${sender.tadig} has a key on file (partner_keys.csv)`,
      fix: 'ask the partner for a signed file (roam exchange export --sign)',
    };
  const pems = keys.map(publicKeyPem);
  if (pems.every((k) => k === null))
    return {
      message: `no key on file for ${sender.tadig} is an Ed25519 public key (partner_keys.csv)`,
      fix: "put the partner's public key in partner_keys.csv as base64 SPKI (openssl pkey -pubin -outform DER | base64)",
    };
  const verified = pems.some((k) => k !== null && integrityProblem(document, k) === null);
  return verified
    ? null
    : {
        message: `its signature does not verify with the key${keys.length > 1 ? 's' : ''} on file for ${sender.tadig}`,
        fix: 'check the key in partner_keys.csv with the partner, or ask for the file again',
      };
}

const texts = (rows: Record<string, string | null>[], column: string) =>
  rows.flatMap((r) => (r[column] === null || r[column] === undefined ? [] : [r[column]]));

/** Refuses the file (LoadError) unless the reference data accepts it. */
export async function admitExchange(
  file: string,
  document: ExchangeDocument,
  reference: ReferenceData,
): Promise<void> {
  const home = texts(await reference.rows('raw.reference_home_network'), 'home_tadig');
  const partners = texts(await reference.rows('raw.reference_partners'), 'partner_tadig');
  const keyRows = await reference.rows('raw.reference_partner_keys');
  const keys = texts(
    keyRows.filter((r) => r.partner_tadig === document.sender.tadig),
    'public_key',
  );
  const refused = refusal(document, home, partners, keys);
  if (refused !== null)
    throw new LoadError(`${file}: refused: ${refused.message}`, file, { fix: refused.fix });
}
