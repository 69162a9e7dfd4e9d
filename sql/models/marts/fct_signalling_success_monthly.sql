MODEL (
  name marts.fct_signalling_success_monthly,
  kind INCREMENTAL_BY_TIME_RANGE (
    time_column event_month
  ),
  owner roaming_analytics,
  grain (event_month, partner_tadig, direction, procedure),
  description 'Signalling success rate per partner, direction, procedure and month, against the agreed target.',
  column_descriptions (
    event_month = 'First day of the UTC month',
    partner_tadig = 'TADIG code of the roaming partner',
    partner_name = 'Partner name from reference.partners; NULL means an unknown partner',
    direction = 'outbound or inbound',
    interface = 'MAP, Diameter, GTPv1 or GTPv2',
    procedure = 'Signalling procedure',
    attempts = 'Procedures seen',
    successes = 'Procedures that succeeded',
    success_rate = 'successes / attempts',
    latency_p50_ms = 'Median response time, ms',
    latency_p95_ms = '95th percentile response time, ms',
    kpi = 'KPI key in reference.kpi_catalogue; NULL for a procedure the catalogue does not know',
    target_success_rate = 'Agreed target for the month, NULL when no agreement covers it',
    meets_target = 'success_rate >= target_success_rate; NULL without a target'
  ),
  audits (
    NOT_NULL(columns = (event_month, partner_tadig, partner_name, direction, procedure)),
    UNIQUE_COMBINATION_OF_COLUMNS(columns = (event_month, partner_tadig, direction, procedure)),
    ACCEPTED_RANGE("column" = success_rate, min_v = 0, max_v = 1)
  )
);

WITH procedures AS (
  SELECT
    event_month,
    partner_tadig,
    direction,
    interface,
    procedure,
    is_success,
    latency_ms
  FROM intermediate.int_xdr_attributed
  WHERE
    event_month BETWEEN @start_ds AND @end_ds AND NOT partner_tadig IS NULL
), partners AS (
  SELECT
    partner_tadig,
    partner_name
  FROM reference.partners
), catalogue AS (
  SELECT
    kpi,
    procedure,
    higher_is_better
  FROM reference.kpi_catalogue
  WHERE
    measure = 'success_rate'
), agreements AS (
  SELECT
    partner_tadig,
    direction,
    kpi,
    target,
    valid_from,
    valid_to
  FROM reference.sla_agreements
), monthly AS (
  SELECT
    event_month,
    partner_tadig,
    direction,
    interface,
    procedure,
    COUNT(*) AS attempts,
    COUNT(*) FILTER(WHERE
      is_success) AS successes,
    @quantile(latency_ms, 0.5) AS latency_p50_ms,
    @quantile(latency_ms, 0.95) AS latency_p95_ms
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
  monthly.partner_tadig,
  partners.partner_name,
  monthly.direction,
  monthly.interface,
  monthly.procedure,
  monthly.attempts::BIGINT AS attempts,
  monthly.successes::BIGINT AS successes,
  ROUND(monthly.successes::DECIMAL(18, 4) / monthly.attempts, 4)::DECIMAL(5, 4) AS success_rate,
  ROUND(monthly.latency_p50_ms, 1)::DOUBLE AS latency_p50_ms,
  ROUND(monthly.latency_p95_ms, 1)::DOUBLE AS latency_p95_ms,
  catalogue.kpi,
  agreements.target AS target_success_rate,
  CASE
    WHEN catalogue.higher_is_better
    THEN ROUND(monthly.successes::DECIMAL(18, 4) / monthly.attempts, 4)::DECIMAL(5, 4) >= agreements.target
    ELSE ROUND(monthly.successes::DECIMAL(18, 4) / monthly.attempts, 4)::DECIMAL(5, 4) <= agreements.target
  END AS meets_target
FROM monthly
LEFT JOIN partners
  ON partners.partner_tadig = monthly.partner_tadig
LEFT JOIN catalogue
  ON catalogue.procedure = monthly.procedure
LEFT JOIN agreements
  ON agreements.partner_tadig = monthly.partner_tadig
  AND agreements.direction = monthly.direction
  AND agreements.kpi = catalogue.kpi
  AND @in_force(agreements, monthly.event_month)