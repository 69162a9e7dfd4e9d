MODEL (
  name intermediate.int_xdr_classified,
  kind @view_kind,
  owner roaming_analytics,
  grain (file_id, event_time, imsi, procedure),
  description 'Probe procedures with their result class, decided here and nowhere else: joined to reference.cause_codes by interface and code (a NULL code matches the table row with an empty code: MAP without an error). A code the table does not know is unclassified and counts as a technical failure.',
  column_descriptions (
    event_time = 'Request time, UTC',
    event_month = 'First day of the UTC month of the request',
    event_hour = 'The UTC hour of the request',
    partner_tadig = 'TADIG code as the probe gave it; NULL when absent (see int_xdr_attributed)',
    direction = 'outbound or inbound',
    interface = 'MAP, Diameter, GTPv1 or GTPv2',
    procedure = 'Signalling procedure',
    imsi = 'Subscriber IMSI',
    result_code = 'Result code as delivered',
    cause_name = 'Name of the result code from reference.cause_codes; NULL when unclassified',
    failure_class = 'success, technical, user, policy or unclassified',
    is_success = 'The procedure succeeded',
    is_technical_failure = 'A technical failure of the partner network or the path (unclassified codes included)',
    latency_ms = 'Response time minus request time, ms',
    rat_type = 'Radio access type; NULL when not given',
    routing = 'Data sessions: home-routed, local-breakout or regional-breakout',
    apn = 'Data sessions: the APN',
    serving_node_gt = 'MAP and GTPv1: serving node Global Title',
    origin_realm = 'Diameter: Origin-Realm',
    serving_plmn = 'GTPv2: MCC and MNC of the Serving Network',
    file_id = 'Source file'
  )
);

WITH procedures AS (
  SELECT
    event_time,
    event_month,
    event_hour,
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
  FROM staging.stg_probe_xdr
), causes AS (
  SELECT
    interface,
    code,
    name,
    failure_class
  FROM reference.cause_codes
), classified AS (
  SELECT
    procedures.event_time,
    procedures.event_month,
    procedures.event_hour,
    procedures.partner_tadig,
    procedures.direction,
    procedures.interface,
    procedures.procedure,
    procedures.imsi,
    procedures.result_code,
    causes.name AS cause_name,
    COALESCE(causes.failure_class, 'unclassified') AS failure_class,
    procedures.latency_ms,
    procedures.rat_type,
    procedures.routing,
    procedures.apn,
    procedures.serving_node_gt,
    procedures.origin_realm,
    procedures.serving_plmn,
    procedures.file_id
  FROM procedures
  LEFT JOIN causes
    ON causes.interface = procedures.interface
    AND causes.code IS NOT DISTINCT FROM procedures.result_code
)
SELECT
  event_time,
  event_month,
  event_hour,
  partner_tadig,
  direction,
  interface,
  procedure,
  imsi,
  result_code,
  cause_name,
  failure_class,
  failure_class = 'success' AS is_success,
  failure_class IN ('technical', 'unclassified') AS is_technical_failure,
  latency_ms,
  rat_type,
  routing,
  apn,
  serving_node_gt,
  origin_realm,
  serving_plmn,
  file_id
FROM classified