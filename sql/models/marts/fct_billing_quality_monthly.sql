MODEL (
  name marts.fct_billing_quality_monthly,
  kind INCREMENTAL_BY_TIME_RANGE (
    time_column event_month
  ),
  owner roaming_analytics,
  grain (event_month, partner_tadig, direction),
  description 'TAP, RAP and NRTRDE billing quality per partner, direction and month: what was delivered (files, events, charge), how late (against the agreed or catalogue threshold), how complete (FileSequenceNumber gaps, duplicates, events sent twice), how consistent (audit totals), what was returned in RAP and how fast NRTRDE arrived. Test files are left out. Event measures count in the event''s month; file measures in the file''s month (the month of its earliest call event); RAP returns in the month of what they return. outbound = our subscribers in the partner''s network (TAP/NRTRDE files the partner sends us, the RAP we send back); inbound = the partner''s subscribers in ours.',
  column_descriptions (
    event_month = 'First day of the UTC month',
    partner_tadig = 'TADIG code of the roaming partner',
    direction = 'outbound or inbound',
    tap_files = 'TAP files (batches and notifications)',
    tap_batch_files = 'TAP transfer batches',
    tap_notification_files = 'TAP notifications (no call events)',
    tap_events = 'TAP call events',
    tap_charge = 'Invoiceable charge of the events (TotalCharge basis: charge type 00, MessagingEvent Charge, CAMEL fees), exact, in tap_currency; NULL when the month mixes currencies (see marts.fct_usage_monthly per currency)',
    tap_currency = 'TAP currency of tap_charge (XDR = SDR), or mixed',
    tap_late_threshold_hours = 'The tap_timeliness limit in force, hours: the agreement''s, else the catalogue''s',
    tap_delay_avg_hours = 'Mean delay of the events (FileAvailableTimeStamp - event end), hours',
    tap_delay_p95_hours = '95th percentile of the delay, hours',
    tap_late_events = 'Events made available more than tap_late_threshold_hours after they ended',
    tap_late_event_share = 'tap_late_events / tap_events (the tap_timeliness KPI)',
    tap_late_files = 'Files with at least one late event',
    tap_sequence_numbers_received = 'Distinct FileSequenceNumbers received (commercial files)',
    tap_sequence_numbers_missing = 'FileSequenceNumbers never received, in the gaps before this month''s files',
    tap_sequence_gaps = 'Gaps: files received after one or more missing numbers',
    tap_duplicate_sequence_numbers = 'Files that repeat a FileSequenceNumber already received',
    tap_duplicate_events = 'Call events sent twice: later copies of an event (IMSI, start, event type) in another file within 80 days',
    tap_audited_files = 'Transfer batches checked against their AuditControlInfo',
    tap_audit_mismatch_files = 'Batches whose AuditControlInfo totals or count differ from the sums of their records',
    rap_stop_returns = 'RAP stop returns',
    rap_missing_returns = 'RAP missing returns',
    rap_missing_sequence_numbers = 'Sequence numbers declared missing in RAP',
    rap_fatal_returns = 'RAP fatal returns (whole TAP files rejected)',
    tap_files_returned_fatal = 'Distinct TAP files returned fatal',
    rap_fatal_return_value = 'Invoiceable charge of the TAP files returned fatal, exact, in tap_currency',
    rap_severe_returns = 'RAP severe returns (call events rejected)',
    rap_severe_return_value = 'Charge of the severe returns as the RAP states it, exact, in tap_currency',
    nrtrde_records = 'NRTRDE records',
    nrtrde_threshold_hours = 'The nrtrde_within_4h limit in force, hours: the agreement''s, else the catalogue''s',
    nrtrde_within_threshold = 'NRTRDE records made available within nrtrde_threshold_hours of the event''s end',
    nrtrde_within_share = 'nrtrde_within_threshold / nrtrde_records (the nrtrde_within_4h KPI); NULL without records'
  ),
  audits (
    NOT_NULL(columns = (event_month, partner_tadig, direction)),
    UNIQUE_COMBINATION_OF_COLUMNS(columns = (event_month, partner_tadig, direction)),
    ACCEPTED_VALUES("column" = direction, is_in = ('outbound', 'inbound')),
    ACCEPTED_RANGE("column" = tap_late_event_share, min_v = 0, max_v = 1),
    ACCEPTED_RANGE("column" = nrtrde_within_share, min_v = 0, max_v = 1)
  )
);

WITH quality AS (
  SELECT
    event_month,
    partner_tadig,
    direction,
    tap_files,
    tap_batch_files,
    tap_notification_files,
    tap_events,
    tap_charge,
    tap_currency,
    tap_late_threshold_hours,
    tap_delay_avg_hours,
    tap_delay_p95_hours,
    tap_late_events,
    tap_late_files,
    tap_sequence_numbers_received,
    tap_sequence_numbers_missing,
    tap_sequence_gaps,
    tap_duplicate_sequence_numbers,
    tap_duplicate_events,
    tap_audited_files,
    tap_audit_mismatch_files,
    rap_stop_returns,
    rap_missing_returns,
    rap_missing_sequence_numbers,
    rap_fatal_returns,
    tap_files_returned_fatal,
    rap_fatal_return_value,
    rap_severe_returns,
    rap_severe_return_value,
    nrtrde_records,
    nrtrde_threshold_hours,
    nrtrde_within_threshold
  FROM intermediate.int_billing_quality_aggregated
  WHERE
    event_month BETWEEN @start_ds AND @end_ds
)
SELECT
  event_month::DATE AS event_month,
  partner_tadig,
  direction,
  tap_files,
  tap_batch_files,
  tap_notification_files,
  tap_events,
  CASE WHEN tap_currency = 'mixed' THEN NULL ELSE tap_charge END::DECIMAL(38, 6) AS tap_charge,
  tap_currency,
  tap_late_threshold_hours,
  ROUND(tap_delay_avg_hours, 2)::DOUBLE AS tap_delay_avg_hours,
  ROUND(tap_delay_p95_hours, 2)::DOUBLE AS tap_delay_p95_hours,
  tap_late_events,
  CASE
    WHEN tap_events > 0
    THEN ROUND(tap_late_events::DECIMAL(38, 6) / tap_events, 6)
  END::DECIMAL(18, 6) AS tap_late_event_share,
  tap_late_files,
  tap_sequence_numbers_received,
  tap_sequence_numbers_missing,
  tap_sequence_gaps,
  tap_duplicate_sequence_numbers,
  tap_duplicate_events,
  tap_audited_files,
  tap_audit_mismatch_files,
  rap_stop_returns,
  rap_missing_returns,
  rap_missing_sequence_numbers,
  rap_fatal_returns,
  tap_files_returned_fatal,
  rap_fatal_return_value,
  rap_severe_returns,
  rap_severe_return_value,
  nrtrde_records,
  nrtrde_threshold_hours,
  nrtrde_within_threshold,
  CASE
    WHEN nrtrde_records > 0
    THEN ROUND(nrtrde_within_threshold::DECIMAL(38, 6) / nrtrde_records, 6)
  END::DECIMAL(18, 6) AS nrtrde_within_share
FROM quality