MODEL (
  name intermediate.int_xdr_iot,
  kind @view_kind,
  owner roaming_analytics,
  grain (file_id, event_time, imsi, procedure),
  description 'Probe procedures of the IoT segment: those of subscribers seen in the month on an NB-IoT or LTE-M radio or with an APN of reference.iot_apns (so their registrations count too, which carry no APN).',
  column_descriptions (
    event_month = 'First day of the UTC month',
    event_time = 'Request time, UTC',
    partner_tadig = 'Partner (given or attributed)',
    direction = 'outbound or inbound',
    interface = 'MAP, Diameter, GTPv1 or GTPv2',
    procedure = 'Signalling procedure',
    imsi = 'Subscriber IMSI',
    failure_class = 'success, technical, user, policy or unclassified',
    is_success = 'The procedure succeeded',
    latency_ms = 'Response time, ms',
    rat_type = 'Radio access type',
    file_id = 'Source file'
  )
);

WITH procedures AS (
  SELECT
    event_month,
    event_time,
    partner_tadig,
    direction,
    interface,
    procedure,
    imsi,
    failure_class,
    is_success,
    latency_ms,
    rat_type,
    apn,
    file_id
  FROM intermediate.int_xdr_attributed
  WHERE
    NOT partner_tadig IS NULL
), apns AS (
  SELECT
    apn
  FROM reference.iot_apns
  WHERE
    segment = 'iot'
), devices AS (
  SELECT DISTINCT
    procedures.event_month,
    procedures.imsi
  FROM procedures
  LEFT JOIN apns
    ON apns.apn = procedures.apn
  WHERE
    procedures.rat_type IN ('NB-IoT', 'LTE-M') OR NOT apns.apn IS NULL
)
SELECT
  procedures.event_month,
  procedures.event_time,
  procedures.partner_tadig,
  procedures.direction,
  procedures.interface,
  procedures.procedure,
  procedures.imsi,
  procedures.failure_class,
  procedures.is_success,
  procedures.latency_ms,
  procedures.rat_type,
  procedures.file_id
FROM procedures
INNER JOIN devices
  ON devices.event_month = procedures.event_month AND devices.imsi = procedures.imsi