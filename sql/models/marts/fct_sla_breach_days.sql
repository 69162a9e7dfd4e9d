MODEL (
  name marts.fct_sla_breach_days,
  kind INCREMENTAL_BY_TIME_RANGE (
    time_column event_month
  ),
  owner roaming_analytics,
  grain (event_month, partner_tadig, direction, kpi, event_day),
  description 'The daily values of every breached rate KPI (probe and active-test success rates; whole KPI: service and RAT all) per partner, direction and day of the month, against the month''s target: the daily chart of a breach and the days it affected.',
  column_descriptions (
    event_month = 'First day of the UTC month',
    partner_tadig = 'Partner',
    direction = 'outbound or inbound',
    kpi = 'KPI key',
    event_day = 'UTC day',
    unit = 'Unit of daily_value and target',
    attempts = 'Attempts counted that day (user and policy failures left out of technical rates)',
    failures = 'Failed attempts that day',
    daily_value = 'Successes / attempts of the day',
    target = 'The month''s agreed target',
    margin = 'Distance of the daily value to the target (negative: worse than the target)',
    missed_target = 'The daily value was worse than the target'
  ),
  audits (
    NOT_NULL(
      columns = (event_month, partner_tadig, direction, kpi, event_day, daily_value, target)
    ),
    UNIQUE_COMBINATION_OF_COLUMNS(columns = (event_month, partner_tadig, direction, kpi, event_day))
  )
);

WITH breaches AS (
  SELECT
    event_month,
    partner_tadig,
    direction,
    kpi,
    unit,
    target,
    higher_is_better
  FROM marts.fct_partner_kpi_monthly
  WHERE
    event_month BETWEEN @start_ds AND @end_ds
    AND status = 'breached'
    AND service = 'all'
    AND rat = 'all'
), attempts AS (
  SELECT
    event_month,
    partner_tadig,
    direction,
    kpi,
    event_day,
    is_success,
    attempts
  FROM intermediate.int_kpi_attempts_daily
  WHERE
    event_month BETWEEN @start_ds AND @end_ds
), daily AS (
  SELECT
    attempts.event_month,
    attempts.partner_tadig,
    attempts.direction,
    attempts.kpi,
    attempts.event_day,
    SUM(attempts.attempts) AS attempts,
    SUM(attempts.attempts) FILTER(WHERE
      NOT attempts.is_success) AS failures,
    COALESCE(SUM(attempts.attempts) FILTER(WHERE
      attempts.is_success), 0)::DECIMAL(38, 6) / SUM(attempts.attempts) AS daily_value
  FROM attempts
  INNER JOIN breaches
    ON breaches.kpi = attempts.kpi
    AND breaches.event_month = attempts.event_month
    AND breaches.partner_tadig = attempts.partner_tadig
    AND breaches.direction = attempts.direction
  GROUP BY
    attempts.event_month,
    attempts.partner_tadig,
    attempts.direction,
    attempts.kpi,
    attempts.event_day
)
SELECT
  daily.event_month::DATE AS event_month,
  daily.partner_tadig::TEXT AS partner_tadig,
  daily.direction::TEXT AS direction,
  daily.kpi::TEXT AS kpi,
  daily.event_day::DATE AS event_day,
  breaches.unit::TEXT AS unit,
  daily.attempts::BIGINT AS attempts,
  COALESCE(daily.failures, 0)::BIGINT AS failures,
  daily.daily_value::DECIMAL(38, 6) AS daily_value,
  breaches.target,
  @kpi_margin(daily.daily_value, breaches.target, breaches.higher_is_better) AS margin,
  @kpi_margin(daily.daily_value, breaches.target, breaches.higher_is_better) < 0 AS missed_target
FROM daily
INNER JOIN breaches
  ON breaches.kpi = daily.kpi
  AND breaches.event_month = daily.event_month
  AND breaches.partner_tadig = daily.partner_tadig
  AND breaches.direction = daily.direction