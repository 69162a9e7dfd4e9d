MODEL (
  name marts.fct_sla_breaches,
  kind INCREMENTAL_BY_TIME_RANGE (
    time_column event_month
  ),
  owner roaming_analytics,
  grain (event_month, partner_tadig, direction, kpi),
  description 'One row per breached KPI (whole KPI: service and RAT all) per partner, direction and month, with the evidence a review meeting needs: the numbers, the top failure causes by name and share (probe KPIs: from reference.cause_codes; active tests: the test system''s causes), and the days on which the daily value missed the target (rates of probe and active-test KPIs; the daily values are in marts.fct_sla_breach_days).',
  column_descriptions (
    event_month = 'First day of the UTC month',
    partner_tadig = 'Partner',
    partner_name = 'Partner name',
    direction = 'outbound or inbound',
    kpi = 'KPI key',
    kpi_name = 'KPI name from the catalogue',
    family = 'KPI family',
    unit = 'Unit of value and target',
    value = 'The KPI value of the month',
    target = 'Agreed target',
    margin = 'Distance to the target (negative: worse than the target)',
    numerator = 'What was counted',
    denominator = 'Out of what',
    excluded = 'User and policy failures taken out (technical rates)',
    sample_size = 'Observations the value rests on',
    previous_value = 'The value of the month before',
    failures = 'Failed attempts behind the value (rates of probe and active-test KPIs)',
    top_causes = 'Up to three failure causes with their share of the failures, largest first (e.g. systemFailure 60%; TCAP abort 25%)',
    days_affected = 'Days of the month whose daily value missed the target',
    days_measured = 'Days of the month with attempts',
    first_day_affected = 'First day whose daily value missed the target',
    last_day_affected = 'Last day whose daily value missed the target'
  ),
  audits (
    NOT_NULL(columns = (event_month, partner_tadig, direction, kpi, value, target)),
    UNIQUE_COMBINATION_OF_COLUMNS(columns = (event_month, partner_tadig, direction, kpi))
  )
);

WITH breaches AS (
  SELECT
    event_month,
    partner_tadig,
    partner_name,
    direction,
    kpi,
    kpi_name,
    family,
    unit,
    value,
    target,
    margin,
    numerator,
    denominator,
    excluded,
    sample_size,
    previous_value
  FROM marts.fct_partner_kpi_monthly
  WHERE
    event_month BETWEEN @start_ds AND @end_ds
    AND status = 'breached'
    AND service = 'all'
    AND rat = 'all'
), failed AS (
  SELECT
    attempts.kpi,
    attempts.event_month,
    attempts.partner_tadig,
    attempts.direction,
    attempts.cause,
    attempts.attempts
  FROM intermediate.int_kpi_attempts_daily AS attempts
  INNER JOIN breaches
    ON breaches.kpi = attempts.kpi
    AND breaches.event_month = attempts.event_month
    AND breaches.partner_tadig = attempts.partner_tadig
    AND breaches.direction = attempts.direction
  WHERE
    attempts.event_month BETWEEN @start_ds AND @end_ds AND NOT attempts.is_success
), causes AS (
  SELECT
    kpi,
    event_month,
    partner_tadig,
    direction,
    cause,
    SUM(attempts) AS failures,
    ROW_NUMBER() OVER (
      PARTITION BY kpi, event_month, partner_tadig, direction
      ORDER BY SUM(attempts) DESC, cause
    ) AS rank_of_cause,
    SUM(SUM(attempts)) OVER (PARTITION BY kpi, event_month, partner_tadig, direction) AS all_failures
  FROM failed
  GROUP BY
    kpi,
    event_month,
    partner_tadig,
    direction,
    cause
), top_causes AS (
  SELECT
    kpi,
    event_month,
    partner_tadig,
    direction,
    MAX(all_failures) AS failures,
    LISTAGG(
      cause || ' ' || ROUND(100.0 * failures / all_failures)::BIGINT || '%', '; '
      ORDER BY
        rank_of_cause
    ) AS top_causes
  FROM causes
  WHERE
    rank_of_cause <= 3
  GROUP BY
    kpi,
    event_month,
    partner_tadig,
    direction
), days AS (
  SELECT
    kpi,
    event_month,
    partner_tadig,
    direction,
    COUNT(*) AS days_measured,
    COUNT(*) FILTER(WHERE
      missed_target) AS days_affected,
    MIN(event_day) FILTER(WHERE
      missed_target) AS first_day_affected,
    MAX(event_day) FILTER(WHERE
      missed_target) AS last_day_affected
  FROM marts.fct_sla_breach_days
  WHERE
    event_month BETWEEN @start_ds AND @end_ds
  GROUP BY
    kpi,
    event_month,
    partner_tadig,
    direction
)
SELECT
  breaches.event_month::DATE AS event_month,
  breaches.partner_tadig::TEXT AS partner_tadig,
  breaches.partner_name::TEXT AS partner_name,
  breaches.direction::TEXT AS direction,
  breaches.kpi::TEXT AS kpi,
  breaches.kpi_name::TEXT AS kpi_name,
  breaches.family::TEXT AS family,
  breaches.unit::TEXT AS unit,
  breaches.value,
  breaches.target,
  breaches.margin,
  breaches.numerator,
  breaches.denominator,
  breaches.excluded,
  breaches.sample_size,
  breaches.previous_value,
  top_causes.failures::BIGINT AS failures,
  top_causes.top_causes::TEXT AS top_causes,
  days.days_affected::BIGINT AS days_affected,
  days.days_measured::BIGINT AS days_measured,
  days.first_day_affected::DATE AS first_day_affected,
  days.last_day_affected::DATE AS last_day_affected
FROM breaches
LEFT JOIN top_causes
  ON top_causes.kpi = breaches.kpi
  AND top_causes.event_month = breaches.event_month
  AND top_causes.partner_tadig = breaches.partner_tadig
  AND top_causes.direction = breaches.direction
LEFT JOIN days
  ON days.kpi = breaches.kpi
  AND days.event_month = breaches.event_month
  AND days.partner_tadig = breaches.partner_tadig
  AND days.direction = breaches.direction