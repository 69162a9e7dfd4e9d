-- The month's signalling bursts per partner, direction and procedure: hours flagged and the
-- largest hour against its baseline.
SELECT
  partner_tadig,
  any_value(partner_name) AS partner_name,
  direction,
  procedure,
  COUNT(*) AS hours,
  MAX(requests) AS peak_requests,
  arg_max(baseline_mean, requests) AS peak_baseline,
  strftime(MIN(event_hour), '%Y-%m-%d %H:00') AS first_hour
FROM marts.fct_signalling_anomalies
WHERE strftime(event_month, '%Y-%m') = $month AND is_burst
GROUP BY partner_tadig, direction, procedure
ORDER BY hours DESC, peak_requests DESC, partner_name
