-- IPX providers compared per traffic class: availability over all their probes, the worst
-- partner path's RTD p95, jitter and loss, and how many partner paths met or breached.
SELECT
  ipx_provider,
  traffic_class,
  COUNT(DISTINCT partner_tadig) AS partners,
  SUM(intervals) AS intervals,
  SUM(probes_answered) / NULLIF(SUM(probes_sent), 0) AS availability,
  MAX(rtd_p95_ms) AS worst_rtd_p95_ms,
  MAX(jitter_ms) AS worst_jitter_ms,
  MAX(packet_loss_pct) AS worst_packet_loss_pct,
  COUNT(*) FILTER (
    WHERE 'breached' IN (availability_status, rtd_p95_status, jitter_status, packet_loss_status)
  ) AS paths_breached,
  COUNT(*) AS paths
FROM marts.fct_ipx_monthly
WHERE strftime(event_month, '%Y-%m') = $month
GROUP BY ipx_provider, traffic_class
ORDER BY ipx_provider, traffic_class
