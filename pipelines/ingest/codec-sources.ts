/** TAP, RAP and NRTRDE: the raw tables each fills and the batch producer that reads a file. */
import { nrtrdeBatches } from '../nrtrde/batches.ts';
import { nrtrdeTables } from '../nrtrde/raw-schema.ts';
import { rapBatches } from '../rap/batches.ts';
import { rapTables } from '../rap/raw-schema.ts';
import type { RowTable } from '../lib/row-table.ts';
import { tapBatches } from '../tap/batches.ts';
import { tapTables } from '../tap/raw-schema.ts';
import type { ColumnBatchSource } from './row-batches.ts';

export type BerKind = 'tap' | 'rap' | 'nrtrde';

export interface CodecSource {
  tables: readonly RowTable<unknown>[];
  batches(file: string, size: number): ColumnBatchSource;
}

export const codecSources: Record<BerKind, CodecSource> = {
  tap: { tables: tapTables, batches: tapBatches },
  rap: { tables: rapTables, batches: rapBatches },
  nrtrde: { tables: nrtrdeTables, batches: nrtrdeBatches },
};
