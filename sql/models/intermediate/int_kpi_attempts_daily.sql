MODEL (
  name intermediate.int_kpi_attempts_daily,
  kind INCREMENTAL_BY_TIME_RANGE (
    time_column event_month
  ),
  owner roaming_analytics,
  grain (event_month, partner_tadig, direction, kpi, event_day, is_success, cause),
  description 'The attempts behind every rate KPI of probe xDRs and active tests (success_rate, technical_success_rate), counted per partner, direction, day, outcome and failure cause. User and policy failures are left out of technical rates, as the KPI leaves them out. The evidence of a breach (top causes, days affected, the daily chart) is read from here. A table by month.',
  column_descriptions (
    event_month = 'First day of the UTC month',
    partner_tadig = 'Partner',
    direction = 'outbound or inbound',
    kpi = 'KPI key (reference.kpi_catalogue)',
    event_day = 'UTC day of the attempt',
    is_success = 'The attempt succeeded',
    cause = 'Failure cause by name (probe KPIs: reference.cause_codes, else ''unclassified code N''; active tests: the test system''s cause, else ''not given''); NULL for successes',
    attempts = 'Attempts counted'
  ),
  audits (
    NOT_NULL(
      columns = (event_month, partner_tadig, direction, kpi, event_day, is_success, attempts)
    )
  )
);

WITH catalogue AS (
  SELECT
    kpi,
    source,
    measure,
    procedure
  FROM reference.kpi_catalogue
  WHERE
    measure IN ('success_rate', 'technical_success_rate')
), probe_attempts AS (
  SELECT
    catalogue.kpi,
    xdr.event_month,
    xdr.partner_tadig,
    xdr.direction,
    xdr.event_time::DATE AS event_day,
    xdr.is_success,
    CASE
      WHEN NOT xdr.is_success
      THEN COALESCE(xdr.cause_name, 'unclassified code ' || xdr.result_code::TEXT)
    END AS cause
  FROM intermediate.int_xdr_attributed AS xdr
  INNER JOIN catalogue
    ON @in_procedures(catalogue.procedure, xdr.procedure)
    AND catalogue.source LIKE '%xDR%'
  WHERE
    xdr.event_month BETWEEN @start_ds AND @end_ds
    AND NOT xdr.partner_tadig IS NULL
    AND NOT (
      catalogue.measure = 'technical_success_rate'
      AND COALESCE(xdr.failure_class IN ('user', 'policy'), FALSE)
    )
), test_attempts AS (
  SELECT
    catalogue.kpi,
    tests.event_month,
    tests.partner_tadig,
    tests.direction,
    tests.test_time::DATE AS event_day,
    tests.success AS is_success,
    CASE WHEN NOT tests.success THEN COALESCE(tests.failure_cause, 'not given') END AS cause
  FROM staging.stg_active_tests AS tests
  INNER JOIN catalogue
    ON @in_procedures(catalogue.procedure, tests.test_type)
    AND catalogue.source = 'active tests'
  WHERE
    tests.event_month BETWEEN @start_ds AND @end_ds
), attempts AS (
  SELECT
    *
  FROM probe_attempts
  UNION ALL
  SELECT
    *
  FROM test_attempts
)
SELECT
  event_month::DATE AS event_month,
  partner_tadig::TEXT AS partner_tadig,
  direction::TEXT AS direction,
  kpi::TEXT AS kpi,
  event_day::DATE AS event_day,
  is_success::BOOLEAN AS is_success,
  cause::TEXT AS cause,
  COUNT(*)::BIGINT AS attempts
FROM attempts
GROUP BY
  event_month,
  partner_tadig,
  direction,
  kpi,
  event_day,
  is_success,
  cause