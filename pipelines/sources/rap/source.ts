/** RAP (TD.32, release 1.05): return batches and acknowledgements, decoded by roam's BER codec. */
import type { Source } from '../source.ts';
import { berRecognise, berShow } from '../shared/ber.ts';
import { rapBatches } from './batches.ts';
import { rapTables } from './raw-schema.ts';
import { rapShower } from './show.ts';

export const rapSource: Source = {
  kind: 'rap',
  title: 'RAP',
  tables: rapTables,
  recognise: berRecognise(['rap-return-batch', 'rap-acknowledgement']),
  read: { format: 'ber', decode: (file, batchSize) => rapBatches(file, batchSize) },
  show: berShow(rapShower),
};
