-- IoT (NB-IoT / LTE-M) per partner over its procedures: devices, attempts and success.
SELECT
  partner_tadig,
  any_value(partner_name) AS partner_name,
  direction,
  MAX(devices) AS devices,
  SUM(attempts) AS attempts,
  SUM(successes) / NULLIF(SUM(attempts), 0) AS success_rate
FROM marts.fct_iot_monthly
WHERE strftime(event_month, '%Y-%m') = $month
GROUP BY partner_tadig, direction
ORDER BY success_rate, partner_name, partner_tadig, direction DESC
