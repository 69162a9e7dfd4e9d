-- Data setup by routing over every partner: sessions and setup success, and the partners
-- reached that way.
SELECT
  direction,
  routing,
  COUNT(DISTINCT partner_tadig) AS partners,
  SUM(sessions) AS sessions,
  SUM(successes) / NULLIF(SUM(sessions), 0) AS setup_success_rate,
  MEDIAN(setup_time_p50_ms) AS median_setup_time_p50_ms,
  MAX(setup_time_p95_ms) AS worst_setup_time_p95_ms
FROM marts.fct_routing_monthly
WHERE strftime(event_month, '%Y-%m') = $month
GROUP BY direction, routing
ORDER BY direction DESC, routing
