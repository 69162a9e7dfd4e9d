-- Billing quality over every partner, per direction: delivery, timeliness, completeness,
-- consistency, RAP returns and NRTRDE timeliness of the month.
SELECT
  direction,
  COUNT(DISTINCT partner_tadig) AS partners,
  SUM(tap_files) AS tap_files,
  SUM(tap_events) AS tap_events,
  SUM(tap_late_events) AS tap_late_events,
  SUM(tap_late_events) / NULLIF(SUM(tap_events), 0) AS tap_late_share,
  SUM(tap_sequence_gaps) AS tap_sequence_gaps,
  SUM(tap_sequence_numbers_missing) AS tap_sequence_numbers_missing,
  SUM(tap_duplicate_events) AS tap_duplicate_events,
  SUM(tap_audit_mismatch_files) AS tap_audit_mismatch_files,
  SUM(rap_fatal_returns) AS rap_fatal_returns,
  SUM(rap_severe_returns) AS rap_severe_returns,
  SUM(nrtrde_records) AS nrtrde_records,
  SUM(nrtrde_within_threshold) / NULLIF(SUM(nrtrde_records), 0) AS nrtrde_within_share,
  COUNT(DISTINCT partner_tadig) FILTER (
    WHERE tap_late_events > 0 OR tap_sequence_gaps > 0 OR tap_duplicate_events > 0
      OR tap_audit_mismatch_files > 0 OR rap_fatal_returns > 0 OR rap_severe_returns > 0
  ) AS partners_with_issues
FROM marts.fct_billing_quality_monthly
WHERE strftime(event_month, '%Y-%m') = $month
GROUP BY direction
ORDER BY direction DESC
