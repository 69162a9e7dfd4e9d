-- IPX quality through the partner's IPX provider(s), per traffic class.
SELECT
  ipx_provider,
  traffic_class,
  intervals,
  probes_sent,
  availability,
  availability_target,
  availability_status,
  rtd_avg_ms,
  rtd_p95_ms,
  rtd_p95_target,
  rtd_p95_status,
  jitter_ms,
  jitter_target,
  jitter_status,
  packet_loss_pct,
  packet_loss_target,
  packet_loss_status
FROM marts.fct_ipx_monthly
WHERE partner_tadig = $partner AND strftime(event_month, '%Y-%m') = $month
ORDER BY ipx_provider, traffic_class
