import { rawTable } from '../../columns/raw-table.ts';

/** IPX quality measurements: one row per IPX provider × partner × traffic class × interval. */
export const ipxMeasurementsTable = rawTable(
  'raw.ipx_measurements',
  'IPX measurements per provider, partner, traffic class and interval, as delivered.',
  [
    ['interval_start', 'TIMESTAMP', 'Start of the measurement interval, UTC'],
    ['interval_minutes', 'INTEGER', 'Length of the interval in minutes'],
    ['ipx_provider', 'VARCHAR', 'IPX provider name'],
    ['partner_tadig', 'VARCHAR', 'TADIG code of the roaming partner'],
    [
      'traffic_class',
      'VARCHAR',
      'conversational, streaming, interactive, background or signalling',
    ],
    ['probes_sent', 'INTEGER', 'Test packets sent in the interval'],
    ['probes_answered', 'INTEGER', 'Test packets answered (availability)'],
    ['rtd_avg_ms', 'DOUBLE', 'Mean round-trip delay, ms'],
    ['rtd_p95_ms', 'DOUBLE', '95th percentile round-trip delay, ms'],
    ['jitter_ms', 'DOUBLE', 'Mean delay variation, ms'],
    ['packet_loss_pct', 'DOUBLE', 'Packets lost, percent'],
  ],
  { fileId: true },
);
