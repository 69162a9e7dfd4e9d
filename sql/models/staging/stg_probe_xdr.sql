MODEL (
  name staging.stg_probe_xdr,
  kind @view_kind,
  owner roaming_analytics,
  grain (file_id, event_time, imsi, procedure),
  description 'Probe signalling procedures as delivered, with names, case and time columns normalised; success is decided later, from reference.cause_codes (intermediate.int_xdr_classified).',
  column_descriptions (
    event_time = 'Request time, UTC',
    event_month = 'First day of the UTC month of the request',
    event_hour = 'The UTC hour of the request (timestamp truncated to the hour)',
    partner_tadig = 'TADIG code of the partner as the probe gave it; NULL when the export carries none',
    direction = 'outbound (our subscribers abroad) or inbound (partner subscribers in our network)',
    interface = 'MAP, Diameter, GTPv1 or GTPv2',
    procedure = 'Signalling procedure (UpdateLocation, ULR, CreatePDPContext, ...)',
    imsi = 'Subscriber IMSI (never shown to partners)',
    result_code = 'MAP error (NULL without error, -1 TCAP abort), Diameter Result-Code or GTP cause',
    latency_ms = 'Response time minus request time, ms',
    rat_type = 'Radio access type (GERAN, UTRAN, EUTRAN, NB-IoT, LTE-M, NR); NULL when not given',
    routing = 'Data sessions: home-routed, local-breakout or regional-breakout',
    apn = 'Data sessions: the APN, lower case',
    serving_node_gt = 'MAP and GTPv1: Global Title of the serving node in the visited network',
    origin_realm = 'Diameter: Origin-Realm of the request, lower case',
    serving_plmn = 'GTPv2: MCC and MNC of the Serving Network (the visited network)',
    file_id = 'Source file (raw.ingested_files.file_id)'
  )
);

WITH source AS (
  SELECT
    event_time,
    partner_tadig,
    direction,
    interface,
    procedure,
    imsi,
    result_code,
    latency_ms,
    rat_type,
    routing,
    apn,
    serving_node_gt,
    origin_realm,
    serving_plmn,
    file_id
  FROM raw.probe_xdr
)
SELECT
  event_time,
  DATE_TRUNC('MONTH', event_time)::DATE AS event_month,
  DATE_TRUNC('HOUR', event_time)::TIMESTAMP AS event_hour,
  NULLIF(UPPER(TRIM(partner_tadig)), '') AS partner_tadig,
  LOWER(direction) AS direction,
  interface,
  procedure,
  imsi,
  result_code,
  latency_ms,
  NULLIF(rat_type, '') AS rat_type,
  NULLIF(LOWER(routing), '') AS routing,
  NULLIF(LOWER(apn), '') AS apn,
  NULLIF(serving_node_gt, '') AS serving_node_gt,
  NULLIF(LOWER(origin_realm), '') AS origin_realm,
  NULLIF(TRIM(serving_plmn), '') AS serving_plmn,
  file_id
FROM source