-- The month at a glance: partners reported and their whole KPIs by status.
SELECT
  COUNT(DISTINCT partner_tadig) AS partners,
  COUNT(*) AS kpis,
  COUNT(*) FILTER (WHERE status = 'met') AS met,
  COUNT(*) FILTER (WHERE status = 'breached') AS breached,
  COUNT(*) FILTER (WHERE status = 'insufficient-sample') AS insufficient,
  COUNT(*) FILTER (WHERE status = 'no-target') AS no_target,
  COUNT(DISTINCT partner_tadig) FILTER (WHERE status = 'breached') AS partners_breached
FROM marts.fct_partner_kpi_monthly
WHERE strftime(event_month, '%Y-%m') = $month AND service = 'all' AND rat = 'all'
