-- TAP, RAP and NRTRDE billing quality of the partner and month, per direction.
SELECT
  direction,
  tap_files,
  tap_events,
  tap_charge,
  tap_currency,
  tap_late_threshold_hours,
  tap_delay_p95_hours,
  tap_late_events,
  tap_late_event_share,
  tap_sequence_numbers_received,
  tap_sequence_numbers_missing,
  tap_sequence_gaps,
  tap_duplicate_sequence_numbers,
  tap_duplicate_events,
  tap_audited_files,
  tap_audit_mismatch_files,
  rap_missing_returns,
  rap_fatal_returns,
  rap_fatal_return_value,
  rap_severe_returns,
  rap_severe_return_value,
  nrtrde_records,
  nrtrde_threshold_hours,
  nrtrde_within_share
FROM marts.fct_billing_quality_monthly
WHERE partner_tadig = $partner AND strftime(event_month, '%Y-%m') = $month
ORDER BY direction DESC
