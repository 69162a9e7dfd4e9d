import type { RawTable } from '../lib/raw-table.ts';

/** One row per signalling procedure seen by a probe (MAP, Diameter, GTP). */
export const probeXdrTable: RawTable = {
  name: 'raw.probe_xdr',
  description: 'Signalling procedures exported by probes, one row per procedure, as delivered.',
  columns: [
    { name: 'event_time', type: 'TIMESTAMP', description: 'Request time, UTC' },
    { name: 'partner_tadig', type: 'VARCHAR', description: 'TADIG code of the roaming partner' },
    {
      name: 'direction',
      type: 'VARCHAR',
      description: 'outbound (our subscribers abroad) or inbound',
    },
    { name: 'interface', type: 'VARCHAR', description: 'MAP, Diameter, GTPv1 or GTPv2' },
    {
      name: 'procedure',
      type: 'VARCHAR',
      description: 'Procedure name, e.g. UpdateLocation, ULR, CreatePDPContext',
    },
    { name: 'imsi', type: 'VARCHAR', description: 'Subscriber IMSI' },
    {
      name: 'result_code',
      type: 'INTEGER',
      description: 'MAP error, Diameter Result-Code or GTP cause; NULL when MAP succeeded',
    },
    {
      name: 'latency_ms',
      type: 'DOUBLE',
      description: 'Response time minus request time, milliseconds',
    },
    {
      name: 'file_id',
      type: 'VARCHAR',
      description: 'sha256 of the source file (raw.ingested_files.file_id)',
    },
  ],
};
