-- Usage and charges of the partner and month per direction, service and currency (exact money).
SELECT
  direction,
  service,
  currency,
  events,
  minutes,
  sms,
  data_volume_up_mb + data_volume_down_mb AS data_volume_mb,
  charge,
  scale,
  files
FROM marts.fct_usage_monthly
WHERE partner_tadig = $partner AND strftime(event_month, '%Y-%m') = $month
ORDER BY direction DESC, service, currency
