-- The last 12 months (up to $month) of every KPI the partner has a target for in $month, as a whole.
WITH agreed AS (
  SELECT direction, kpi
  FROM marts.fct_partner_kpi_monthly
  WHERE partner_tadig = $partner AND strftime(event_month, '%Y-%m') = $month
    AND service = 'all' AND rat = 'all' AND target IS NOT NULL
)
SELECT
  history.direction,
  history.kpi,
  history.kpi_name,
  history.family,
  history.unit,
  strftime(history.event_month, '%Y-%m') AS month,
  history.value,
  history.target,
  history.band_low,
  history.band_high,
  history.status
FROM marts.fct_partner_kpi_monthly AS history
INNER JOIN agreed
  ON agreed.direction = history.direction AND agreed.kpi = history.kpi
WHERE history.partner_tadig = $partner
  AND history.service = 'all' AND history.rat = 'all'
  AND strftime(history.event_month, '%Y-%m') <= $month
  AND history.event_month > strptime($month || '-01', '%Y-%m-%d')::DATE - INTERVAL '12' MONTH
ORDER BY history.direction DESC, history.family, history.kpi, month
