MODEL (
  name intermediate.int_kpi_signalling_monthly,
  kind @view_kind,
  owner roaming_analytics,
  grain (event_month, partner_tadig, direction, kpi, service, rat),
  description 'Every probe-xDR KPI of the catalogue (measures success_rate, technical_success_rate, latency_p95, share_within over the procedures its row lists) per partner, direction and month, for all RATs and per RAT. Success and failure class come from int_xdr_classified; the share_within threshold comes from intermediate.int_kpi_thresholds_resolved (the agreement''s where the partner has one, else the catalogue''s).',
  column_descriptions (
    event_month = 'First day of the UTC month',
    partner_tadig = 'TADIG code of the partner (given or attributed)',
    direction = 'outbound or inbound',
    kpi = 'KPI key in reference.kpi_catalogue',
    service = 'Always all (the catalogue names the KPI service)',
    rat = 'Radio access type, unknown when the probe did not say, or all',
    numerator = 'Successful procedures (rates) or successful procedures within the threshold (share_within); NULL for latency_p95',
    denominator = 'Attempts (success_rate), attempts less user and policy failures (technical_success_rate), timed successes (share_within); NULL for latency_p95',
    excluded = 'User and policy failures taken out of a technical success rate; 0 for the other measures',
    value = 'numerator / denominator, or the p95 latency (ms) for latency_p95',
    p50 = 'latency_p95 only: median latency of successful procedures, ms',
    p95 = 'latency_p95 only: 95th percentile latency of successful procedures, ms',
    sample_size = 'Attempts (rates), or successful procedures with a latency (latency KPIs)'
  )
);

WITH procedures AS (
  SELECT
    event_month,
    partner_tadig,
    direction,
    procedure,
    failure_class,
    is_success,
    latency_ms,
    COALESCE(rat_type, 'unknown') AS rat_type
  FROM intermediate.int_xdr_attributed
  WHERE
    NOT partner_tadig IS NULL
), catalogue AS (
  SELECT
    kpi,
    measure,
    procedure
  FROM reference.kpi_catalogue
  WHERE
    source LIKE '%xDR%'
    AND measure IN ('success_rate', 'technical_success_rate', 'latency_p95', 'share_within')
), thresholds AS (
  SELECT
    kpi,
    partner_tadig,
    direction,
    event_month,
    threshold
  FROM intermediate.int_kpi_thresholds_resolved
), per_rat AS (
  SELECT
    event_month,
    partner_tadig,
    direction,
    procedure,
    failure_class,
    is_success,
    latency_ms,
    rat_type AS rat
  FROM procedures
  UNION ALL
  SELECT
    event_month,
    partner_tadig,
    direction,
    procedure,
    failure_class,
    is_success,
    latency_ms,
    'all' AS rat
  FROM procedures
), matched AS (
  SELECT
    per_rat.event_month,
    per_rat.partner_tadig,
    per_rat.direction,
    per_rat.rat,
    per_rat.failure_class,
    per_rat.is_success,
    per_rat.latency_ms,
    catalogue.kpi,
    catalogue.measure,
    thresholds.threshold
  FROM per_rat
  INNER JOIN catalogue
    ON @in_procedures(catalogue.procedure, per_rat.procedure)
  LEFT JOIN thresholds
    ON thresholds.kpi = catalogue.kpi
    AND thresholds.partner_tadig = per_rat.partner_tadig
    AND thresholds.direction = per_rat.direction
    AND thresholds.event_month = per_rat.event_month
), counted AS (
  SELECT
    event_month,
    partner_tadig,
    direction,
    kpi,
    measure,
    rat,
    COUNT(*) AS attempts,
    COUNT(*) FILTER(WHERE
      is_success) AS successes,
    COUNT(*) FILTER(WHERE
      failure_class IN ('user', 'policy')) AS user_policy,
    COUNT(*) FILTER(WHERE
      is_success AND NOT latency_ms IS NULL) AS timed,
    COUNT(*) FILTER(WHERE
      is_success AND latency_ms <= threshold) AS within_threshold,
    @quantile(latency_ms, 0.5, is_success) AS latency_p50,
    @quantile(latency_ms, 0.95, is_success) AS latency_p95
  FROM matched
  GROUP BY
    event_month,
    partner_tadig,
    direction,
    kpi,
    measure,
    rat
), shaped AS (
  SELECT
    event_month,
    partner_tadig,
    direction,
    kpi,
    measure,
    rat,
    CASE measure
      WHEN 'success_rate'
      THEN successes
      WHEN 'technical_success_rate'
      THEN successes
      WHEN 'share_within'
      THEN within_threshold
    END::DECIMAL(38, 6) AS numerator,
    CASE measure
      WHEN 'success_rate'
      THEN attempts
      WHEN 'technical_success_rate'
      THEN attempts - user_policy
      WHEN 'share_within'
      THEN timed
    END::DECIMAL(38, 6) AS denominator,
    CASE WHEN measure = 'technical_success_rate' THEN user_policy ELSE 0 END AS excluded,
    CASE WHEN measure = 'latency_p95' THEN latency_p50 END AS p50,
    CASE WHEN measure = 'latency_p95' THEN latency_p95 END AS p95,
    CASE WHEN measure IN ('latency_p95', 'share_within') THEN timed ELSE attempts END AS sample_size
  FROM counted
)
SELECT
  event_month::DATE AS event_month,
  partner_tadig,
  direction,
  kpi,
  'all' AS service,
  rat,
  numerator,
  denominator,
  excluded::DECIMAL(38, 6) AS excluded,
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