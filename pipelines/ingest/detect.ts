/** Tells what a file holds from its first bytes, never from its name. */
import { open } from 'node:fs/promises';
import { probeCsvHeader } from '../probes/load.ts';

export type InputKind = 'probe-xdr-csv';

export const inputKinds: readonly InputKind[] = ['probe-xdr-csv'];

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

/** The kind of a file from its head, or undefined when nothing matches. */
export function detectKind(head: Uint8Array): InputKind | undefined {
  const firstLine = new TextDecoder().decode(head).split(/\r?\n/, 1)[0] ?? '';
  const fields = firstLine.split(',').map((f) => f.trim().replace(/^"|"$/g, ''));
  if (probeCsvHeader.every((name) => fields.includes(name))) return 'probe-xdr-csv';
  return undefined;
}
