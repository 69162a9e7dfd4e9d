-- Every partner of the month × KPI family: the worst status of its whole KPIs (breached, then
-- met, then insufficient sample, then no target), with the counts behind it.
SELECT
  partner_tadig,
  any_value(partner_name) AS partner_name,
  family,
  CASE
    WHEN bool_or(status = 'breached') THEN 'breached'
    WHEN bool_or(status = 'met') THEN 'met'
    WHEN bool_or(status = 'insufficient-sample') THEN 'insufficient-sample'
    ELSE 'no-target'
  END AS status,
  COUNT(*) FILTER (WHERE status = 'breached') AS breached,
  COUNT(*) AS kpis
FROM marts.fct_partner_kpi_monthly
WHERE strftime(event_month, '%Y-%m') = $month AND service = 'all' AND rat = 'all'
GROUP BY partner_tadig, family
ORDER BY partner_name, partner_tadig, family
