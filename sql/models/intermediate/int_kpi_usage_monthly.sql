MODEL (
  name intermediate.int_kpi_usage_monthly,
  kind @view_kind,
  owner roaming_analytics,
  grain (event_month, partner_tadig, direction, kpi, service, rat),
  description 'The usage and security KPIs of the catalogue in the KPI shape: silent_roamer_share (our subscribers registered in the partner network and never billed, of those registered; outbound) and signalling_storm_hours (burst hours of the partner signalling, of the hours it signalled).',
  column_descriptions (
    event_month = 'First day of the UTC month',
    partner_tadig = 'Partner',
    direction = 'outbound or inbound',
    kpi = 'silent_roamer_share or signalling_storm_hours',
    service = 'Always all',
    rat = 'Always all',
    numerator = 'Silent subscribers, or burst hours',
    denominator = 'Registered subscribers, or hours with requests',
    excluded = 'Always 0',
    value = 'silent_roamer_share: numerator / denominator; signalling_storm_hours: the number of burst hours',
    p50 = 'Always NULL',
    p95 = 'Always NULL',
    sample_size = 'Registered subscribers, or hours with requests'
  )
);

WITH roamers AS (
  SELECT
    event_month,
    partner_tadig,
    'outbound' AS direction,
    'silent_roamer_share' AS kpi,
    COUNT(*) FILTER(WHERE
      is_silent) AS numerator,
    COUNT(*) AS denominator
  FROM intermediate.int_roamers_registered
  GROUP BY
    event_month,
    partner_tadig
), hour_flags AS (
  SELECT
    event_month,
    partner_tadig,
    direction,
    event_hour,
    MAX(CASE WHEN is_burst THEN 1 ELSE 0 END) AS burst
  FROM intermediate.int_signalling_hours_scored
  GROUP BY
    event_month,
    partner_tadig,
    direction,
    event_hour
), storms AS (
  SELECT
    event_month,
    partner_tadig,
    direction,
    'signalling_storm_hours' AS kpi,
    SUM(burst) AS numerator,
    COUNT(*) AS denominator
  FROM hour_flags
  GROUP BY
    event_month,
    partner_tadig,
    direction
), unioned AS (
  SELECT
    event_month,
    partner_tadig,
    direction,
    kpi,
    numerator,
    denominator,
    ROUND(numerator::DECIMAL(38, 6) / denominator, 6) AS value
  FROM roamers
  UNION ALL
  SELECT
    event_month,
    partner_tadig,
    direction,
    kpi,
    numerator,
    denominator,
    numerator AS value
  FROM storms
)
SELECT
  event_month::DATE AS event_month,
  partner_tadig,
  direction,
  kpi,
  'all' AS service,
  'all' AS rat,
  numerator::DECIMAL(38, 6) AS numerator,
  denominator::DECIMAL(38, 6) AS denominator,
  0::DECIMAL(38, 6) AS excluded,
  value::DECIMAL(18, 6) AS value,
  NULL::DOUBLE AS p50,
  NULL::DOUBLE AS p95,
  denominator::BIGINT AS sample_size
FROM unioned