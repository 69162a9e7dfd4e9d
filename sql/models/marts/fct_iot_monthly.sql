MODEL (
  name marts.fct_iot_monthly,
  kind INCREMENTAL_BY_TIME_RANGE (
    time_column event_month
  ),
  owner roaming_analytics,
  grain (event_month, partner_tadig, direction, procedure),
  description 'Registration and data procedures of the IoT segment (intermediate.int_xdr_iot: NB-IoT / LTE-M radios and IoT APNs) per partner, direction, procedure and month: attempts, plain and technical success, latency and devices.',
  column_descriptions (
    event_month = 'First day of the UTC month',
    partner_tadig = 'Partner (given or attributed)',
    partner_name = 'Partner name (the TADIG when the partner is not in reference.partners)',
    direction = 'outbound (our IoT devices abroad) or inbound (the partner''s in our network)',
    interface = 'MAP, Diameter, GTPv1 or GTPv2',
    procedure = 'Signalling procedure',
    devices = 'Distinct IoT subscribers (IMSIs)',
    attempts = 'Procedures seen',
    successes = 'Procedures that succeeded',
    user_policy_failures = 'Failures of class user or policy',
    success_rate = 'successes / attempts',
    technical_success_rate = 'successes / (attempts - user_policy_failures)',
    latency_p50_ms = 'Median latency of successful procedures, ms',
    latency_p95_ms = '95th percentile latency of successful procedures, ms'
  ),
  audits (
    NOT_NULL(columns = (event_month, partner_tadig, direction, procedure)),
    UNIQUE_COMBINATION_OF_COLUMNS(columns = (event_month, partner_tadig, direction, procedure)),
    ACCEPTED_RANGE("column" = success_rate, min_v = 0, max_v = 1),
    ACCEPTED_RANGE("column" = technical_success_rate, min_v = 0, max_v = 1)
  )
);

WITH procedures AS (
  SELECT
    event_month,
    partner_tadig,
    direction,
    interface,
    procedure,
    imsi,
    failure_class,
    is_success,
    latency_ms
  FROM intermediate.int_xdr_iot
  WHERE
    event_month BETWEEN @start_ds AND @end_ds
), partners AS (
  SELECT
    partner_tadig,
    partner_name
  FROM reference.partners
), monthly AS (
  SELECT
    event_month,
    partner_tadig,
    direction,
    interface,
    procedure,
    COUNT(DISTINCT imsi) AS devices,
    COUNT(*) AS attempts,
    COUNT(*) FILTER(WHERE
      is_success) AS successes,
    COUNT(*) FILTER(WHERE
      failure_class IN ('user', 'policy')) AS user_policy_failures,
    @quantile(latency_ms, 0.5, is_success) AS latency_p50_ms,
    @quantile(latency_ms, 0.95, is_success) AS latency_p95_ms
  FROM procedures
  GROUP BY
    event_month,
    partner_tadig,
    direction,
    interface,
    procedure
)
SELECT
  monthly.event_month::DATE AS event_month,
  monthly.partner_tadig::TEXT AS partner_tadig,
  COALESCE(partners.partner_name, monthly.partner_tadig)::TEXT AS partner_name,
  monthly.direction::TEXT AS direction,
  monthly.interface::TEXT AS interface,
  monthly.procedure::TEXT AS procedure,
  monthly.devices::BIGINT AS devices,
  monthly.attempts::BIGINT AS attempts,
  monthly.successes::BIGINT AS successes,
  monthly.user_policy_failures::BIGINT AS user_policy_failures,
  ROUND(monthly.successes::DECIMAL(38, 6) / monthly.attempts, 6)::DECIMAL(18, 6) AS success_rate,
  ROUND(
    monthly.successes::DECIMAL(38, 6) / NULLIF(monthly.attempts - monthly.user_policy_failures, 0),
    6
  )::DECIMAL(18, 6) AS technical_success_rate,
  ROUND(monthly.latency_p50_ms, 1)::DOUBLE AS latency_p50_ms,
  ROUND(monthly.latency_p95_ms, 1)::DOUBLE AS latency_p95_ms
FROM monthly
LEFT JOIN partners
  ON partners.partner_tadig = monthly.partner_tadig