-- Which sources had data for the partner and month: KPIs measured per catalogue source.
SELECT
  kpi.source,
  COUNT(*) AS kpis,
  SUM(CASE WHEN facts.value IS NOT NULL THEN 1 ELSE 0 END) AS kpis_with_value,
  MAX(facts.sample_size) AS largest_sample
FROM marts.fct_partner_kpi_monthly AS facts
INNER JOIN marts.dim_kpi AS kpi
  ON kpi.kpi = facts.kpi
WHERE facts.partner_tadig = $partner AND strftime(facts.event_month, '%Y-%m') = $month
  AND facts.service = 'all' AND facts.rat = 'all'
GROUP BY kpi.source
ORDER BY kpi.source
