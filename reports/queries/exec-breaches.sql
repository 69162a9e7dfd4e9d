-- The month's breaches, longest-running first: since when each KPI has been breached without a
-- month in between that was not (a month without a row does not break the run).
WITH history AS (
  SELECT partner_tadig, direction, kpi, event_month, status
  FROM marts.fct_partner_kpi_monthly
  WHERE service = 'all' AND rat = 'all' AND strftime(event_month, '%Y-%m') <= $month
), last_not_breached AS (
  SELECT partner_tadig, direction, kpi, MAX(event_month) AS event_month
  FROM history
  WHERE status <> 'breached'
  GROUP BY partner_tadig, direction, kpi
), runs AS (
  SELECT history.partner_tadig, history.direction, history.kpi, MIN(history.event_month) AS since
  FROM history
  LEFT JOIN last_not_breached AS ok USING (partner_tadig, direction, kpi)
  WHERE history.status = 'breached' AND (ok.event_month IS NULL OR history.event_month > ok.event_month)
  GROUP BY history.partner_tadig, history.direction, history.kpi
)
SELECT
  breaches.partner_tadig,
  breaches.partner_name,
  breaches.direction,
  breaches.kpi,
  breaches.kpi_name,
  breaches.unit,
  breaches.value,
  breaches.target,
  breaches.margin,
  breaches.days_affected,
  breaches.days_measured,
  strftime(runs.since, '%Y-%m') AS since,
  date_diff('month', runs.since, breaches.event_month) + 1 AS months
FROM marts.fct_sla_breaches AS breaches
INNER JOIN runs USING (partner_tadig, direction, kpi)
WHERE strftime(breaches.event_month, '%Y-%m') = $month
ORDER BY months DESC, breaches.partner_name, breaches.direction DESC, breaches.kpi
