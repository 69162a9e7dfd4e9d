-- Which partners' KPI got worse between two months? (e.g. SMS MT success since an IPX change)
-- Run: roam sql --file sql/analyses/kpi_change.sql --param kpi=sms_mt_success --param before=2026-08 --param after=2026-10
-- The whole KPI (service and RAT all) per partner and direction, worst change first; worse says
-- whether it moved the wrong way for this KPI (dim_kpi.higher_is_better).
WITH kpi AS (
  SELECT kpi, name, unit, higher_is_better FROM marts.dim_kpi WHERE kpi = $kpi
),
months AS (
  SELECT
    partner_tadig,
    partner_name,
    direction,
    any_value(value) FILTER (WHERE strftime(event_month, '%Y-%m') = $before) AS value_before,
    any_value(value) FILTER (WHERE strftime(event_month, '%Y-%m') = $after) AS value_after,
    any_value(sample_size) FILTER (WHERE strftime(event_month, '%Y-%m') = $after) AS sample_after,
    any_value(status) FILTER (WHERE strftime(event_month, '%Y-%m') = $after) AS status_after
  FROM marts.fct_partner_kpi_monthly
  WHERE kpi = $kpi AND service = 'all' AND rat = 'all'
    AND strftime(event_month, '%Y-%m') IN ($before, $after)
  GROUP BY partner_tadig, partner_name, direction
)
SELECT
  m.partner_tadig,
  m.partner_name,
  m.direction,
  k.name AS kpi_name,
  k.unit,
  m.value_before,
  m.value_after,
  m.value_after - m.value_before AS change,
  (m.value_after - m.value_before) * CASE WHEN k.higher_is_better THEN 1 ELSE -1 END < 0 AS worse,
  m.sample_after,
  m.status_after
FROM months AS m
CROSS JOIN kpi AS k
WHERE m.value_before IS NOT NULL AND m.value_after IS NOT NULL
ORDER BY (m.value_after - m.value_before) * CASE WHEN k.higher_is_better THEN 1 ELSE -1 END,
  m.partner_tadig, m.direction;
