/**
 * A file's first bytes, which every source of the registry is asked about (sources/recognise.ts,
 * from plan.ts), and the tabular format they show, for the sources recognised by their columns
 * (DuckDB reads the names). Never the file's name.
 */
import { open } from 'node:fs/promises';
import { looksLikeText } from '../lib/looks-like-text.ts';
import type { TabularFormat } from './tabular.ts';

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

/** The tabular format of a file from its head (DuckDB reads its columns); undefined when none. */
export function tabularFormatOf(head: Uint8Array): TabularFormat | undefined {
  if (head.length >= 4 && new TextDecoder().decode(head.subarray(0, 4)) === 'PAR1')
    return 'parquet';
  if (!looksLikeText(head)) return undefined;
  const text = new TextDecoder().decode(head).trimStart();
  if (text === '') return undefined;
  return text.startsWith('{') ? 'jsonl' : 'csv';
}
