MODEL (
  name intermediate.int_kpi_active_monthly,
  kind @view_kind,
  owner roaming_analytics,
  grain (event_month, partner_tadig, direction, kpi, service, rat),
  description 'Active-test KPIs of the catalogue (source active tests) per partner, direction and month: each catalogue row says which test types it counts (procedure) and how (measure).',
  column_descriptions (
    event_month = 'First day of the UTC month',
    partner_tadig = 'TADIG code of the partner whose network was tested',
    direction = 'outbound or inbound',
    kpi = 'KPI key in reference.kpi_catalogue',
    service = 'Breakdown by service: all (the KPI names its own service in the catalogue)',
    rat = 'Breakdown by radio access type: all (active tests do not say)',
    numerator = 'success_rate: tests that succeeded; share: calls whose caller id arrived; mean: sum of MOS; latency_p95: NULL',
    denominator = 'success_rate: tests; share and mean: calls set up that report it; latency_p95: NULL',
    excluded = 'Always 0: active tests have no user or policy failures',
    value = 'The KPI value: numerator / denominator, or the p95 for latency_p95',
    p50 = 'Median setup (voice, data) or delivery (SMS) time of successful tests, ms; latency KPIs only',
    p95 = '95th percentile of the same, ms; latency KPIs only',
    sample_size = 'Tests the value rests on'
  )
);

WITH tests AS (
  SELECT
    event_month,
    partner_tadig,
    direction,
    service,
    test_type,
    success,
    mos,
    cli_delivered,
    CASE WHEN service = 'sms' THEN delivery_time_ms ELSE setup_time_ms END AS measured_ms /* What a test measures in time: SMS the end-to-end delivery, calls and sessions the setup. */
  FROM staging.stg_active_tests
), catalogue AS (
  SELECT
    kpi,
    measure,
    procedure
  FROM reference.kpi_catalogue
  WHERE
    source = 'active tests'
), counted AS (
  SELECT
    tests.event_month,
    tests.partner_tadig,
    tests.direction,
    catalogue.kpi,
    catalogue.measure,
    COUNT(*) AS tests,
    COUNT(*) FILTER(WHERE
      tests.success) AS successes,
    COUNT(*) FILTER(WHERE
      tests.success AND NOT tests.cli_delivered IS NULL) AS cli_reported,
    COUNT(*) FILTER(WHERE
      tests.success AND tests.cli_delivered) AS cli_delivered,
    COUNT(*) FILTER(WHERE
      tests.success AND NOT tests.mos IS NULL) AS mos_reported,
    SUM(tests.mos) FILTER(WHERE
      tests.success) AS mos_sum,
    COUNT(*) FILTER(WHERE
      tests.success AND NOT tests.measured_ms IS NULL) AS timed,
    @quantile(tests.measured_ms, 0.5, tests.success) AS p50,
    @quantile(tests.measured_ms, 0.95, tests.success) AS p95
  FROM tests
  INNER JOIN catalogue
    ON @in_procedures(catalogue.procedure, tests.test_type)
  GROUP BY
    tests.event_month,
    tests.partner_tadig,
    tests.direction,
    catalogue.kpi,
    catalogue.measure
), shaped AS (
  SELECT
    event_month,
    partner_tadig,
    direction,
    kpi,
    measure,
    CASE measure
      WHEN 'success_rate'
      THEN successes
      WHEN 'share'
      THEN cli_delivered
      WHEN 'mean'
      THEN mos_sum
    END::DECIMAL(38, 6) AS numerator,
    CASE measure
      WHEN 'success_rate'
      THEN tests
      WHEN 'share'
      THEN cli_reported
      WHEN 'mean'
      THEN mos_reported
    END::DECIMAL(38, 6) AS denominator,
    CASE WHEN measure = 'latency_p95' THEN p50 END AS p50,
    CASE WHEN measure = 'latency_p95' THEN p95 END AS p95,
    CASE measure
      WHEN 'success_rate'
      THEN tests
      WHEN 'share'
      THEN cli_reported
      WHEN 'mean'
      THEN mos_reported
      ELSE timed
    END AS sample_size
  FROM counted
)
SELECT
  event_month::DATE AS event_month,
  partner_tadig,
  direction,
  kpi,
  'all' AS service,
  'all' AS rat,
  numerator,
  denominator,
  0::DECIMAL(38, 6) AS excluded,
  CASE
    WHEN measure = 'latency_p95'
    THEN ROUND(p95, 6)
    WHEN denominator > 0
    THEN ROUND(numerator / denominator, 6)
  END::DECIMAL(18, 6) AS value,
  ROUND(p50, 1)::DOUBLE AS p50,
  ROUND(p95, 1)::DOUBLE AS p95,
  sample_size::BIGINT AS sample_size
FROM shaped