-- Signalling bursts of the partner in the month: hour, procedure, requests against the baseline.
SELECT
  strftime(event_hour, '%Y-%m-%d %H:00') AS hour,
  direction,
  procedure,
  requests,
  devices,
  failure_share,
  baseline_mean,
  baseline_days
FROM marts.fct_signalling_anomalies
WHERE partner_tadig = $partner AND strftime(event_month, '%Y-%m') = $month AND is_burst
ORDER BY hour, direction, procedure
