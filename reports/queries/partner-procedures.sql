-- Signalling procedures of the partner and month: attempts, success and latency per procedure.
SELECT
  direction,
  interface,
  procedure,
  attempts,
  success_rate,
  latency_p50_ms,
  latency_p95_ms
FROM marts.fct_signalling_success_monthly
WHERE partner_tadig = $partner AND strftime(event_month, '%Y-%m') = $month
ORDER BY direction DESC, interface, procedure
