import type { RawTable } from '../lib/raw-table.ts';

/** IPX quality measurements: one row per IPX provider × partner × traffic class × interval. */
export const ipxMeasurementsTable: RawTable = {
  name: 'raw.ipx_measurements',
  description: 'IPX measurements per provider, partner, traffic class and interval, as delivered.',
  columns: [
    {
      name: 'interval_start',
      type: 'TIMESTAMP',
      description: 'Start of the measurement interval, UTC',
    },
    { name: 'interval_minutes', type: 'INTEGER', description: 'Length of the interval in minutes' },
    { name: 'ipx_provider', type: 'VARCHAR', description: 'IPX provider name' },
    { name: 'partner_tadig', type: 'VARCHAR', description: 'TADIG code of the roaming partner' },
    {
      name: 'traffic_class',
      type: 'VARCHAR',
      description: 'conversational, streaming, interactive, background or signalling',
    },
    { name: 'probes_sent', type: 'INTEGER', description: 'Test packets sent in the interval' },
    {
      name: 'probes_answered',
      type: 'INTEGER',
      description: 'Test packets answered (availability)',
    },
    { name: 'rtd_avg_ms', type: 'DOUBLE', description: 'Mean round-trip delay, ms' },
    { name: 'rtd_p95_ms', type: 'DOUBLE', description: '95th percentile round-trip delay, ms' },
    { name: 'jitter_ms', type: 'DOUBLE', description: 'Mean delay variation, ms' },
    { name: 'packet_loss_pct', type: 'DOUBLE', description: 'Packets lost, percent' },
    {
      name: 'file_id',
      type: 'VARCHAR',
      description: 'sha256 of the source file',
      addedByIngest: true,
    },
  ],
};
