/** Checksums and Ed25519 signatures of exchange files, with node:crypto. */
import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { signedBytes, type ExchangeContent, type ExchangeDocument } from './document.ts';

export const sha256Hex = (bytes: Buffer): string =>
  createHash('sha256').update(bytes).digest('hex');

/**
 * The document with its integrity block: the checksum, and the signature when a private key
 * (PEM, PKCS#8 Ed25519) is given.
 */
export function sealed(content: ExchangeContent, privateKeyPem?: string): ExchangeDocument {
  const bytes = signedBytes(content);
  const integrity: ExchangeDocument['integrity'] = { sha256: sha256Hex(bytes) };
  if (privateKeyPem !== undefined) {
    const key = createPrivateKey(privateKeyPem);
    if (key.asymmetricKeyType !== 'ed25519')
      throw new Error('the signing key is not an Ed25519 key');
    integrity.signature = {
      algorithm: 'ed25519',
      value: sign(null, bytes, key).toString('base64'),
    };
  }
  return { ...content, integrity };
}

export type IntegrityProblem = 'checksum' | 'unsigned' | 'signature';

/**
 * What is wrong with a document's integrity, or null: its checksum does not match its content;
 * it is not signed though a key is expected; or its signature does not verify with that key.
 */
export function integrityProblem(
  document: ExchangeDocument,
  publicKeyPem?: string,
): IntegrityProblem | null {
  const bytes = signedBytes(document);
  if (sha256Hex(bytes) !== document.integrity.sha256) return 'checksum';
  if (publicKeyPem === undefined) return null;
  const signature = document.integrity.signature;
  if (signature === undefined) return 'unsigned';
  const key = createPublicKey(publicKeyPem);
  const ok =
    key.asymmetricKeyType === 'ed25519' &&
    verify(null, bytes, key, Buffer.from(signature.value, 'base64'));
  return ok ? null : 'signature';
}
