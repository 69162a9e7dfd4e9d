/** TAP (TD.57, releases 3.10–3.12): transfer batches and notifications, decoded by roam's BER codec. */
import type { Source } from '../source.ts';
import { berRecognise, berShow } from '../shared/ber.ts';
import { tapBatches } from './batches.ts';
import { tapTables } from './raw-schema.ts';
import { tapShower } from './show.ts';

export const tapSource: Source = {
  kind: 'tap',
  title: 'TAP',
  tables: tapTables,
  recognise: berRecognise(['tap-batch', 'tap-notification']),
  read: { format: 'ber', decode: (file, batchSize) => tapBatches(file, batchSize) },
  show: berShow(tapShower),
};
