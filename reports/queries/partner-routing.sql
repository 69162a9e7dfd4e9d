-- Data session setups of the partner and month per routing (home-routed, breakout).
SELECT
  direction,
  routing,
  sessions,
  setup_success_rate,
  setup_time_p50_ms,
  setup_time_p95_ms
FROM marts.fct_routing_monthly
WHERE partner_tadig = $partner AND strftime(event_month, '%Y-%m') = $month
ORDER BY direction DESC, routing
