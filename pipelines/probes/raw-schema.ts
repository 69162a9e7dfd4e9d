import type { RawTable } from '../lib/raw-table.ts';

/**
 * One row per signalling procedure seen by a probe (MAP, Diameter, GTP). A probe export carries
 * these columns (any order; CSV, Parquet or JSON lines); the required ones must be present, the
 * others may be absent and are then NULL.
 */
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
      description:
        'UpdateLocation, UpdateGprsLocation, SendAuthenticationInfo, MO-ForwardSM, MT-ForwardSM (MAP); ULR, AIR (Diameter S6a); CreatePDPContext (GTPv1); CreateSession (GTPv2)',
    },
    { name: 'imsi', type: 'VARCHAR', description: 'Subscriber IMSI' },
    {
      name: 'result_code',
      type: 'INTEGER',
      description:
        'MAP error code (NULL when MAP succeeded; -1 for a TCAP abort or no answer), Diameter Result-Code or GTP cause',
    },
    { name: 'latency_ms', type: 'DOUBLE', description: 'Response time minus request time, ms' },
    {
      name: 'rat_type',
      type: 'VARCHAR',
      description: 'GERAN, UTRAN, EUTRAN, NB-IoT, LTE-M or NR; NULL when the probe does not say',
      optional: true,
    },
    {
      name: 'routing',
      type: 'VARCHAR',
      description:
        'Data sessions only: home-routed, local-breakout or regional-breakout (IPX hub / regional packet gateway)',
      optional: true,
    },
    { name: 'apn', type: 'VARCHAR', description: 'Data sessions only: the APN', optional: true },
    {
      name: 'file_id',
      type: 'VARCHAR',
      description: 'sha256 of the source file (raw.ingested_files.file_id)',
      addedByIngest: true,
    },
  ],
};
