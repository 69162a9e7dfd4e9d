/**
 * What ingest makes of a file's bytes, in memory: content detection as `roam ingest` does it (the
 * first 4 KiB), then decoding, normalising, validating and building the column batches of its
 * kind. Classified as the campaign counts it: decoded, a known error (a RoamError), or a crash.
 */
import { decodeStream } from '../../pipelines/asn1/index.ts';
import { RoamError } from '../../pipelines/lib/errors.ts';
import { sources } from '../../pipelines/sources/index.ts';
import { nrtrdeBatches } from '../../pipelines/sources/nrtrde/batches.ts';
import { rapBatches } from '../../pipelines/sources/rap/batches.ts';
import { sourceByHead } from '../../pipelines/sources/recognise.ts';
import type { ColumnBatchSource } from '../../pipelines/sources/source.ts';
import { tapBatches } from '../../pipelines/sources/tap/batches.ts';
import type { DecodeItem } from '../../pipelines/asn1/index.ts';

type Batches = (file: string, size: number, items: AsyncIterable<DecodeItem>) => ColumnBatchSource;

/** The BER sources' batch producers, fed from memory instead of a file (by source kind). */
const batchesOf: Record<string, Batches | undefined> = {
  tap: tapBatches,
  rap: rapBatches,
  nrtrde: nrtrdeBatches,
};

export type Outcome =
  /** Decoded to column batches. */
  | { type: 'ok'; rows: number }
  /** Not taken for a TAP, RAP or NRTRDE file (ingest would try it as CSV or refuse it). */
  | { type: 'other' }
  /** A RoamError: the one-line message ingest quarantines the file with. */
  | { type: 'clean'; error: RoamError }
  | { type: 'crash'; error: unknown };

/** Small batches, so that the batch hand-over is exercised on small files too. */
const batchSize = 64;

function chunksOf(bytes: Uint8Array, size: number): Uint8Array[] {
  if (size <= 0) return [bytes];
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}

/** Runs the ingest decode path over `bytes`, named `file` in errors, fed in chunks of `chunk` bytes (0: one). */
export async function decodeOutcome(file: string, bytes: Uint8Array, chunk = 0): Promise<Outcome> {
  try {
    const head = bytes.subarray(0, 4096);
    const kind = sourceByHead(head, sources)?.kind;
    const batches = kind === undefined ? undefined : batchesOf[kind];
    if (batches === undefined) return { type: 'other' };
    const source = batches(file, batchSize, decodeStream(chunksOf(bytes, chunk), { file }));
    let rows = 0;
    let step = await source.next();
    while (step.done !== true) {
      for (const table of Object.values(step.value)) rows += table.rows;
      step = await source.next();
    }
    return { type: 'ok', rows };
  } catch (error) {
    return error instanceof RoamError ? { type: 'clean', error } : { type: 'crash', error };
  }
}
