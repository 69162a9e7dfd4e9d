/** An IPX provider's measurements, per interval and traffic class. */
import { tabularSource } from '../shared/tabular.ts';
import { ipxMeasurementsTable } from './raw-schema.ts';

export const ipxMeasurementsSource = tabularSource(
  'ipx-measurements',
  'IPX measurements',
  ipxMeasurementsTable,
  { timeColumn: 'interval_start' },
);
