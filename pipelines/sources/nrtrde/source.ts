/** NRTRDE (TD.35, release 2.01): near-real-time roaming data, decoded by roam's BER codec. */
import type { Source } from '../source.ts';
import { berRecognise, berShow } from '../shared/ber.ts';
import { nrtrdeBatches } from './batches.ts';
import { nrtrdeTables } from './raw-schema.ts';
import { nrtrdeShower } from './show.ts';

export const nrtrdeSource: Source = {
  kind: 'nrtrde',
  title: 'NRTRDE',
  tables: nrtrdeTables,
  recognise: berRecognise(['nrtrde']),
  read: { format: 'ber', decode: (file, batchSize) => nrtrdeBatches(file, batchSize) },
  show: berShow(nrtrdeShower),
};
