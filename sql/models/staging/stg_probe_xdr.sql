MODEL (
  name staging.stg_probe_xdr,
  kind VIEW,
  owner roaming_analytics,
  grain (file_id, event_time, imsi, procedure),
  description 'Probe signalling procedures with success decided per interface; nothing else changed.',
  column_descriptions (
    event_month = 'First day of the UTC month of the request',
    is_success = 'True when the result code means the procedure succeeded on this interface'
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
    file_id
  FROM raw.probe_xdr
)
SELECT
  event_time,
  DATE_TRUNC('MONTH', event_time)::DATE AS event_month,
  UPPER(partner_tadig) AS partner_tadig,
  LOWER(direction) AS direction,
  interface,
  procedure,
  imsi,
  result_code,
  CASE interface
    WHEN 'MAP'
    THEN result_code IS NULL
    WHEN 'Diameter'
    THEN result_code = 2001
    WHEN 'GTPv1'
    THEN result_code = 128
    WHEN 'GTPv2'
    THEN result_code IN (16, 17)
    ELSE FALSE
  END AS is_success,
  latency_ms,
  file_id
FROM source