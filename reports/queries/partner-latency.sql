-- Latency KPIs (registration, data setup, SMS delivery, call setup) of the partner and month, with
-- their p50 and p95 against the agreed maximum.
SELECT
  direction,
  family,
  kpi,
  kpi_name,
  p50,
  p95,
  value,
  target,
  status,
  sample_size
FROM marts.fct_partner_kpi_monthly
WHERE partner_tadig = $partner AND strftime(event_month, '%Y-%m') = $month
  AND service = 'all' AND rat = 'all' AND unit = 'ms' AND family <> 'ipx'
ORDER BY direction DESC, family, kpi
