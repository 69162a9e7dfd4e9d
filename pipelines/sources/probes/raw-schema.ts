import { rawTable } from '../../columns/raw-table.ts';

/**
 * One row per signalling procedure seen by a probe (MAP, Diameter, GTP). A probe export carries
 * these columns (any order; CSV, Parquet or JSON lines); the optional ones may be absent (NULL).
 */
export const probeXdrTable = rawTable(
  'raw.probe_xdr',
  'Signalling procedures exported by probes, one row per procedure, as delivered.',
  [
    ['event_time', 'TIMESTAMP', 'Request time, UTC'],
    [
      'partner_tadig',
      'VARCHAR',
      'TADIG code of the roaming partner; often absent from real exports (then attributed from the IMSI, the serving node, the origin realm or the serving PLMN)',
      'optional',
    ],
    ['direction', 'VARCHAR', 'outbound (our subscribers abroad) or inbound'],
    ['interface', 'VARCHAR', 'MAP, Diameter, GTPv1 or GTPv2'],
    [
      'procedure',
      'VARCHAR',
      'UpdateLocation, UpdateGprsLocation, SendAuthenticationInfo, MO-ForwardSM, MT-ForwardSM (MAP); ULR, AIR (Diameter S6a); CreatePDPContext (GTPv1); CreateSession (GTPv2)',
    ],
    ['imsi', 'VARCHAR', 'Subscriber IMSI'],
    [
      'result_code',
      'INTEGER',
      'MAP error code (NULL when MAP succeeded; -1 for a TCAP abort or no answer), Diameter Result-Code or GTP cause',
    ],
    ['latency_ms', 'DOUBLE', 'Response time minus request time, ms'],
    [
      'rat_type',
      'VARCHAR',
      'GERAN, UTRAN, EUTRAN, NB-IoT, LTE-M or NR; NULL when the probe does not say',
      'optional',
    ],
    [
      'routing',
      'VARCHAR',
      'Data sessions only: home-routed, local-breakout or regional-breakout (IPX hub / regional packet gateway)',
      'optional',
    ],
    ['apn', 'VARCHAR', 'Data sessions only: the APN', 'optional'],
    [
      'serving_node_gt',
      'VARCHAR',
      'MAP and GTPv1: Global Title of the serving node (VLR/MSC or SGSN) in the visited network',
      'optional',
    ],
    ['origin_realm', 'VARCHAR', 'Diameter S6a: Origin-Realm of the request', 'optional'],
    [
      'serving_plmn',
      'VARCHAR',
      'GTPv2: MCC and MNC of the Serving Network IE (the visited network), e.g. 26295',
      'optional',
    ],
  ],
  { fileId: true },
);
