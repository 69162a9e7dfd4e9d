/** Signalling-probe exports (MAP, Diameter, GTP procedures), one row per procedure. */
import { tabularSource } from '../shared/tabular.ts';
import { probeXdrTable } from './raw-schema.ts';

export const probeXdrSource = tabularSource('probe-xdr', 'probe xDR', probeXdrTable, {
  timeColumn: 'event_time',
});
