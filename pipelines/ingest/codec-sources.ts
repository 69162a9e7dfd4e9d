/** TAP, RAP and NRTRDE: the raw tables each fills and the batch producer that reads a file. */
import { nrtrdeBatches } from '../nrtrde/batches.ts';
import { nrtrdeTables } from '../nrtrde/raw-schema.ts';
import { rapBatches } from '../rap/batches.ts';
import { rapTables } from '../rap/raw-schema.ts';
import type { RowTable } from '../lib/row-table.ts';
import { tapBatches } from '../tap/batches.ts';
import { tapTables } from '../tap/raw-schema.ts';
import { LoadError } from '../lib/errors.ts';
import { ColumnValueError } from '../lib/value-builders.ts';
import type { ColumnBatchSource } from './row-batches.ts';

export type BerKind = 'tap' | 'rap' | 'nrtrde';

export interface CodecSource {
  tables: readonly RowTable<unknown>[];
  batches(file: string, size: number): ColumnBatchSource;
}

/**
 * A decoder's batches, with a value that its column cannot hold turned into the file's LoadError
 * (the file and record named; the byte offset is not known where the columns are built).
 */
function typed(batches: CodecSource['batches']): CodecSource['batches'] {
  return async function* (file, size) {
    try {
      return yield* batches(file, size);
    } catch (error) {
      if (!(error instanceof ColumnValueError)) throw error;
      const { recordIndex } = error;
      const where = recordIndex === undefined ? '' : ` in record ${recordIndex}`;
      throw new LoadError(`${file}: ${error.message}${where}`, file, { cause: error, recordIndex });
    }
  };
}

export const codecSources: Record<BerKind, CodecSource> = {
  tap: { tables: tapTables, batches: typed(tapBatches) },
  rap: { tables: rapTables, batches: typed(rapBatches) },
  nrtrde: { tables: nrtrdeTables, batches: typed(nrtrdeBatches) },
};
