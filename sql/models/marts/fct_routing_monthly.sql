MODEL (
  name marts.fct_routing_monthly,
  kind INCREMENTAL_BY_TIME_RANGE (
    time_column event_month
  ),
  owner roaming_analytics,
  grain (event_month, partner_tadig, direction, routing),
  description 'Data session setups (the procedures of the catalogue row data_setup_time_p95) per partner, direction, routing (home-routed, local breakout, regional breakout) and month: sessions, setup success and setup time, so that a regional packet gateway or a breakout shows against home routing.',
  column_descriptions (
    event_month = 'First day of the UTC month',
    partner_tadig = 'Partner (given or attributed)',
    partner_name = 'Partner name (the TADIG when the partner is not in reference.partners)',
    direction = 'outbound or inbound',
    routing = 'home-routed, local-breakout, regional-breakout, or unknown when the probe did not say',
    sessions = 'Session setups seen',
    successes = 'Setups that succeeded',
    setup_success_rate = 'successes / sessions',
    setup_time_p50_ms = 'Median setup time of successful setups, ms',
    setup_time_p95_ms = '95th percentile setup time of successful setups, ms',
    devices = 'Distinct subscribers'
  ),
  audits (
    NOT_NULL(columns = (event_month, partner_tadig, direction, routing)),
    UNIQUE_COMBINATION_OF_COLUMNS(columns = (event_month, partner_tadig, direction, routing)),
    ACCEPTED_RANGE("column" = setup_success_rate, min_v = 0, max_v = 1)
  )
);

WITH catalogue AS (
  SELECT
    procedure
  FROM reference.kpi_catalogue
  WHERE
    kpi = 'data_setup_time_p95'
), sessions AS (
  SELECT
    xdr.event_month,
    xdr.partner_tadig,
    xdr.direction,
    COALESCE(xdr.routing, 'unknown') AS routing,
    xdr.imsi,
    xdr.is_success,
    xdr.latency_ms
  FROM intermediate.int_xdr_attributed AS xdr
  INNER JOIN catalogue
    ON @in_procedures(catalogue.procedure, xdr.procedure)
  WHERE
    xdr.event_month BETWEEN @start_ds AND @end_ds AND NOT xdr.partner_tadig IS NULL
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
    routing,
    COUNT(*) AS sessions,
    COUNT(*) FILTER(WHERE
      is_success) AS successes,
    @quantile(latency_ms, 0.5, is_success) AS setup_time_p50_ms,
    @quantile(latency_ms, 0.95, is_success) AS setup_time_p95_ms,
    COUNT(DISTINCT imsi) AS devices
  FROM sessions
  GROUP BY
    event_month,
    partner_tadig,
    direction,
    routing
)
SELECT
  monthly.event_month::DATE AS event_month,
  monthly.partner_tadig::TEXT AS partner_tadig,
  COALESCE(partners.partner_name, monthly.partner_tadig)::TEXT AS partner_name,
  monthly.direction::TEXT AS direction,
  monthly.routing::TEXT AS routing,
  monthly.sessions::BIGINT AS sessions,
  monthly.successes::BIGINT AS successes,
  ROUND(monthly.successes::DECIMAL(38, 6) / monthly.sessions, 6)::DECIMAL(18, 6) AS setup_success_rate,
  ROUND(monthly.setup_time_p50_ms, 1)::DOUBLE AS setup_time_p50_ms,
  ROUND(monthly.setup_time_p95_ms, 1)::DOUBLE AS setup_time_p95_ms,
  monthly.devices::BIGINT AS devices
FROM monthly
LEFT JOIN partners
  ON partners.partner_tadig = monthly.partner_tadig