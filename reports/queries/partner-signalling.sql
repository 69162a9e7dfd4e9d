-- One partner's signalling KPIs for one month, against its targets.
SELECT
  direction,
  interface,
  procedure,
  attempts,
  successes,
  success_rate,
  target_success_rate,
  meets_target,
  latency_p50_ms,
  latency_p95_ms
FROM marts.fct_signalling_success_monthly
WHERE partner_tadig = $partner AND strftime(event_month, '%Y-%m') = $month
ORDER BY direction, interface, procedure
