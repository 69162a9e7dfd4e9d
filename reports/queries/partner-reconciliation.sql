-- Their measurement and ours: every KPI of the partner's exchange file for the month against
-- ours, disagreements first (the mart's status_order), then by direction and KPI.
SELECT
  direction,
  kpi,
  kpi_name,
  unit,
  service,
  rat,
  our_value,
  their_value,
  difference,
  tolerance,
  tolerance_kind,
  our_target,
  their_target,
  their_source,
  their_file,
  status
FROM marts.fct_kpi_reconciliation
WHERE partner_tadig = $partner AND strftime(event_month, '%Y-%m') = $month
ORDER BY status_order, direction DESC, kpi, service, rat
