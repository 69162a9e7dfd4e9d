-- The SLA breaches of a month, with the evidence a review meeting asks for.
-- Run: roam sql --file sql/analyses/breaches.sql --param month=2026-10
SELECT
  partner_tadig,
  partner_name,
  direction,
  kpi_name,
  unit,
  value,
  target,
  margin,
  previous_value,
  sample_size,
  top_causes,
  days_affected,
  days_measured
FROM marts.fct_sla_breaches
WHERE strftime(event_month, '%Y-%m') = $month
ORDER BY partner_tadig, direction, margin;
