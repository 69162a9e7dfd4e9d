-- The partner's KPIs of the month on the IoT radios (NB-IoT, LTE-M), with the mart's status.
SELECT
  direction,
  family,
  kpi,
  kpi_name,
  unit,
  rat,
  value,
  target,
  status,
  sample_size
FROM marts.fct_partner_kpi_monthly
WHERE partner_tadig = $partner AND strftime(event_month, '%Y-%m') = $month
  AND service = 'all' AND rat IN ('NB-IoT', 'LTE-M')
ORDER BY direction DESC, family, kpi, rat DESC
