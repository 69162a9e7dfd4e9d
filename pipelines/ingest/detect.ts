/** Tells what a file holds from its first bytes (and, for tables, its column names), never its name. */
import { open } from 'node:fs/promises';
import { detectKind as detectBer, whyNotDetected, type Undetected } from '../asn1/index.ts';
import type { FileKind } from '../asn1/index.ts';
import type { BerKind } from './codec-sources.ts';
import { tabularSources, type TabularSource } from './sources.ts';
import type { TabularFormat } from './tabular.ts';

export type InputKind = BerKind | TabularSource['kind'];

export const inputKinds: readonly InputKind[] = [
  'tap',
  'rap',
  'nrtrde',
  ...tabularSources.map((s) => s.kind),
];

export type FileFormat = 'ber' | TabularFormat;

/** Reads up to `size` bytes from the start of a file. */
export async function readHead(file: string, size = 4096): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = new Uint8Array(size);
    const { bytesRead } = await handle.read(buffer, 0, size, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const berKinds: Record<FileKind, BerKind> = {
  'tap-batch': 'tap',
  'tap-notification': 'tap',
  'rap-return-batch': 'rap',
  'rap-acknowledgement': 'rap',
  nrtrde: 'nrtrde',
};

/** The BER kind of a file's head (TAP, RAP or NRTRDE, any release), if it is one. */
export function berKindOf(head: Uint8Array): BerKind | undefined {
  const detected = detectBer(head);
  return detected === undefined ? undefined : berKinds[detected.kind];
}

/**
 * Why a head that is no file roam reads looks like TAP, RAP or NRTRDE all the same (a release
 * roam does not read, a file cut short), if it does; `size` is the whole file's.
 */
export function whyNotBer(head: Uint8Array, size: number): Undetected | undefined {
  return looksLikeText(head) ? undefined : whyNotDetected(head, size);
}

/**
 * Valid UTF-8 without control characters other than tab and line ends. BER is never that: its
 * long-form tags and lengths (0x5F 0x81…, 0x7F 0x84…, 0x80) are not valid UTF-8, and its short
 * lengths are control characters.
 */
function looksLikeText(head: Uint8Array): boolean {
  const sample = head.subarray(0, 1024);
  if (sample.some((b) => b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** The container format of a file from its head; undefined when empty or unrecognised. */
export function formatOf(head: Uint8Array): FileFormat | undefined {
  if (head.length >= 4 && new TextDecoder().decode(head.subarray(0, 4)) === 'PAR1')
    return 'parquet';
  if (looksLikeText(head)) {
    const text = new TextDecoder().decode(head).trimStart();
    if (text === '') return undefined;
    return text.startsWith('{') ? 'jsonl' : 'csv';
  }
  return berKindOf(head) === undefined ? undefined : 'ber';
}
