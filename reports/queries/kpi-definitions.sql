-- The KPI catalogue as the appendix cites it.
SELECT kpi, family, name, source, numerator, denominator, unit, higher_is_better, min_sample, threshold
FROM marts.dim_kpi
ORDER BY family, kpi
