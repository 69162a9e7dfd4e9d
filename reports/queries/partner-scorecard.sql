-- Every KPI of the partner and month as a whole (service and RAT all), with the mart's target,
-- status and margin, and how the value moved against last month.
SELECT
  direction,
  family,
  kpi,
  kpi_name,
  unit,
  value,
  target,
  status,
  margin,
  sample_size,
  min_sample,
  previous_value,
  CASE
    WHEN previous_value IS NULL OR value IS NULL THEN NULL
    WHEN value > previous_value THEN 'up'
    WHEN value < previous_value THEN 'down'
    ELSE 'same'
  END AS movement,
  CASE
    WHEN previous_value IS NULL OR value IS NULL OR value = previous_value THEN NULL
    ELSE (value > previous_value) = higher_is_better
  END AS improved
FROM marts.fct_partner_kpi_monthly
WHERE partner_tadig = $partner AND strftime(event_month, '%Y-%m') = $month
  AND service = 'all' AND rat = 'all'
ORDER BY direction DESC, family, kpi
