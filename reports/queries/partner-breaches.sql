-- The partner's breached KPIs of the month with their evidence.
SELECT
  direction,
  family,
  kpi,
  kpi_name,
  unit,
  value,
  target,
  margin,
  numerator,
  denominator,
  excluded,
  sample_size,
  previous_value,
  failures,
  top_causes,
  days_affected,
  days_measured,
  strftime(first_day_affected, '%Y-%m-%d') AS first_day_affected,
  strftime(last_day_affected, '%Y-%m-%d') AS last_day_affected
FROM marts.fct_sla_breaches
WHERE partner_tadig = $partner AND strftime(event_month, '%Y-%m') = $month
ORDER BY direction DESC, family, kpi
