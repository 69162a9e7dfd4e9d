-- Our measurement of every KPI of one partner and month, as the KPI exchange file sends it: the
-- mart's numbers and the target we hold, with the measurement source named by its kind.
SELECT
  facts.kpi,
  kpi.ir42_parameter,
  facts.direction,
  facts.service,
  facts.rat,
  facts.unit,
  facts.numerator,
  facts.denominator,
  facts.excluded,
  facts.value,
  facts.p50,
  facts.p95,
  facts.sample_size,
  CASE
    WHEN kpi.source LIKE '%xDR%' THEN 'probe'
    WHEN kpi.source = 'active tests' THEN 'active-test'
    WHEN kpi.source = 'IPX measurements' THEN 'ipx'
    ELSE lower(kpi.source)
  END AS source,
  facts.target
FROM marts.fct_partner_kpi_monthly AS facts
INNER JOIN marts.dim_kpi AS kpi
  ON kpi.kpi = facts.kpi
WHERE facts.partner_tadig = $partner AND strftime(facts.event_month, '%Y-%m') = $month
ORDER BY facts.direction DESC, facts.kpi, facts.service, facts.rat
