-- The daily values of the partner's breached rate KPIs of the month, for the breach charts.
SELECT
  direction,
  kpi,
  strftime(event_day, '%Y-%m-%d') AS event_day,
  unit,
  attempts,
  failures,
  daily_value,
  target,
  missed_target
FROM marts.fct_sla_breach_days
WHERE partner_tadig = $partner AND strftime(event_month, '%Y-%m') = $month
ORDER BY direction DESC, kpi, event_day
