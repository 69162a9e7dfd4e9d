-- The IoT segment (NB-IoT / LTE-M radios, IoT APNs) of the partner and month, per procedure.
SELECT
  direction,
  interface,
  procedure,
  devices,
  attempts,
  success_rate,
  technical_success_rate,
  latency_p50_ms,
  latency_p95_ms
FROM marts.fct_iot_monthly
WHERE partner_tadig = $partner AND strftime(event_month, '%Y-%m') = $month
ORDER BY direction DESC, interface, procedure
