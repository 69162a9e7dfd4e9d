MODEL (
  name intermediate.int_billing_quality_aggregated,
  kind INCREMENTAL_BY_TIME_RANGE (
    time_column event_month
  ),
  owner roaming_analytics,
  grain (event_month, partner_tadig, direction),
  description 'Billing quality counts per partner, direction and month, from the TAP, RAP and NRTRDE intermediate models; test files left out. Event measures count in the event''s month, file measures (files, sequence numbers, audit) in the file''s month (intermediate.int_tap_files_classified), RAP returns in the month of what they return (intermediate.int_rap_returns_linked). Read by marts.fct_billing_quality_monthly and intermediate.int_kpi_billing_monthly. A table by month.',
  column_descriptions (
    event_month = 'First day of the month',
    partner_tadig = 'Partner TADIG',
    direction = 'outbound or inbound',
    tap_files = 'TAP files (batches and notifications)',
    tap_batch_files = 'TAP transfer batches',
    tap_notification_files = 'TAP notifications',
    tap_events = 'TAP call events',
    tap_charge = 'Invoiceable charge of the events, exact, in tap_currency (summed whatever the currency: see tap_currency)',
    tap_currency = 'The TAP currency of the events (XDR = SDR); mixed when the month has more than one',
    tap_late_threshold_hours = 'The tap_timeliness limit in force, hours (agreement, else catalogue)',
    tap_delay_avg_hours = 'Mean of file available - event end, hours',
    tap_delay_p50_hours = 'Median of the delay, hours',
    tap_delay_p95_hours = '95th percentile of the delay, hours',
    tap_late_events = 'Events made available later than the threshold',
    tap_late_files = 'Files (of the month) with at least one late event',
    tap_sequence_numbers_received = 'Distinct FileSequenceNumbers received',
    tap_sequence_numbers_missing = 'FileSequenceNumbers missing in the gaps before the month''s files',
    tap_sequence_gaps = 'Gaps: files received after one or more missing numbers',
    tap_duplicate_sequence_numbers = 'Files repeating a FileSequenceNumber already received',
    tap_duplicate_events = 'Call events sent twice (later copies, intermediate.int_tap_events_duplicated)',
    tap_audited_files = 'Transfer batches checked against their AuditControlInfo',
    tap_audit_consistent_files = 'Batches whose audit totals equal the sums of their records',
    tap_audit_mismatch_files = 'Batches whose audit totals differ from the sums of their records (or lack AuditControlInfo)',
    rap_stop_returns = 'RAP stop returns',
    rap_missing_returns = 'RAP missing returns',
    rap_missing_sequence_numbers = 'Sequence numbers the missing returns declare missing',
    rap_fatal_returns = 'RAP fatal returns',
    tap_files_returned_fatal = 'Distinct TAP files of the month returned with a fatal error',
    rap_fatal_return_value = 'Invoiceable charge of the TAP files returned fatal, exact',
    rap_severe_returns = 'RAP severe returns (call events returned)',
    rap_severe_return_value = 'Charge of the severe returns as the RAP states it, exact',
    nrtrde_records = 'NRTRDE records',
    nrtrde_within_threshold = 'NRTRDE records made available within the threshold of the event''s end',
    nrtrde_threshold_hours = 'The nrtrde_within_4h limit in force, hours (agreement, else catalogue)'
  ),
  audits (
    NOT_NULL(columns = (event_month, partner_tadig, direction)),
    UNIQUE_COMBINATION_OF_COLUMNS(columns = (event_month, partner_tadig, direction))
  )
);

WITH files AS (
  SELECT
    file_month AS event_month,
    partner_tadig,
    direction,
    COUNT(*) AS tap_files,
    COUNT(*) FILTER(WHERE
      is_batch) AS tap_batch_files,
    COUNT(*) FILTER(WHERE
      NOT is_batch) AS tap_notification_files
  FROM intermediate.int_tap_files_classified
  WHERE
    NOT is_test AND file_month BETWEEN @start_ds AND @end_ds
  GROUP BY
    file_month,
    partner_tadig,
    direction
), timed AS (
  SELECT
    file_id,
    event_month,
    partner_tadig,
    direction,
    delay_hours,
    threshold_hours,
    is_late,
    total_charge,
    currency
  FROM intermediate.int_tap_events_timed
  WHERE
    NOT is_test AND event_month BETWEEN @start_ds AND @end_ds
), events AS (
  SELECT
    event_month,
    partner_tadig,
    direction,
    COUNT(*) AS tap_events,
    SUM(total_charge) AS tap_charge,
    CASE WHEN MIN(currency) = MAX(currency) THEN MIN(currency) ELSE 'mixed' END AS tap_currency,
    MAX(threshold_hours) AS tap_late_threshold_hours,
    AVG(delay_hours) AS tap_delay_avg_hours,
    @quantile(delay_hours, 0.5) AS tap_delay_p50_hours,
    @quantile(delay_hours, 0.95) AS tap_delay_p95_hours,
    COUNT(*) FILTER(WHERE
      is_late) AS tap_late_events
  FROM timed
  GROUP BY
    event_month,
    partner_tadig,
    direction
), late_by_file AS (
  /* Files of the months built with a late event, in whatever month the event is. */
  SELECT DISTINCT
    file_id
  FROM intermediate.int_tap_events_timed
  WHERE
    is_late
    AND NOT is_test
    AND file_id IN (
      SELECT
        file_id
      FROM intermediate.int_tap_files_classified
      WHERE
        file_month BETWEEN @start_ds AND @end_ds
    )
), late_files AS (
  SELECT
    files.file_month AS event_month,
    files.partner_tadig,
    files.direction,
    COUNT(*) AS tap_late_files
  FROM intermediate.int_tap_files_classified AS files
  INNER JOIN late_by_file
    ON late_by_file.file_id = files.file_id
  WHERE
    files.file_month BETWEEN @start_ds AND @end_ds
  GROUP BY
    files.file_month,
    files.partner_tadig,
    files.direction
), sequences AS (
  SELECT
    file_month AS event_month,
    partner_tadig,
    direction,
    COUNT(DISTINCT file_sequence) AS tap_sequence_numbers_received,
    SUM(missing_before) AS tap_sequence_numbers_missing,
    COUNT(*) FILTER(WHERE
      missing_before > 0) AS tap_sequence_gaps,
    COUNT(*) FILTER(WHERE
      is_duplicate_sequence) AS tap_duplicate_sequence_numbers
  FROM intermediate.int_tap_sequences_checked
  WHERE
    file_month BETWEEN @start_ds AND @end_ds
  GROUP BY
    file_month,
    partner_tadig,
    direction
), duplicates AS (
  SELECT
    event_month,
    partner_tadig,
    direction,
    COUNT(*) AS tap_duplicate_events
  FROM intermediate.int_tap_events_duplicated
  WHERE
    event_month BETWEEN @start_ds AND @end_ds
  GROUP BY
    event_month,
    partner_tadig,
    direction
), audit AS (
  SELECT
    file_month AS event_month,
    partner_tadig,
    direction,
    COUNT(*) AS tap_audited_files,
    COUNT(*) FILTER(WHERE
      is_consistent) AS tap_audit_consistent_files,
    COUNT(*) FILTER(WHERE
      NOT is_consistent) AS tap_audit_mismatch_files
  FROM intermediate.int_tap_audit_reconciled
  WHERE
    NOT is_test AND file_month BETWEEN @start_ds AND @end_ds
  GROUP BY
    file_month,
    partner_tadig,
    direction
), returns AS (
  SELECT
    event_month,
    partner_tadig,
    direction,
    COUNT(*) FILTER(WHERE
      kind = 'stop') AS rap_stop_returns,
    COUNT(*) FILTER(WHERE
      kind = 'missing') AS rap_missing_returns,
    SUM(missing_sequence_count) FILTER(WHERE
      kind = 'missing') AS rap_missing_sequence_numbers,
    COUNT(*) FILTER(WHERE
      kind = 'fatal') AS rap_fatal_returns,
    COUNT(DISTINCT tap_file_id) FILTER(WHERE
      kind = 'fatal') AS tap_files_returned_fatal,
    SUM(returned_file_charge) FILTER(WHERE
      kind = 'fatal') AS rap_fatal_return_value,
    COUNT(*) FILTER(WHERE
      kind = 'severe') AS rap_severe_returns,
    SUM(returned_charge) FILTER(WHERE
      kind = 'severe') AS rap_severe_return_value
  FROM intermediate.int_rap_returns_linked
  WHERE
    NOT is_test AND event_month BETWEEN @start_ds AND @end_ds
  GROUP BY
    event_month,
    partner_tadig,
    direction
), nrtrde AS (
  SELECT
    event_month,
    partner_tadig,
    direction,
    COUNT(*) AS nrtrde_records,
    COUNT(*) FILTER(WHERE
      is_within) AS nrtrde_within_threshold,
    MAX(threshold_hours) AS nrtrde_threshold_hours
  FROM intermediate.int_nrtrde_events_timed
  WHERE
    event_month BETWEEN @start_ds AND @end_ds
  GROUP BY
    event_month,
    partner_tadig,
    direction
), keys AS (
  SELECT
    event_month,
    partner_tadig,
    direction
  FROM files
  UNION
  SELECT
    event_month,
    partner_tadig,
    direction
  FROM events
  UNION
  SELECT
    event_month,
    partner_tadig,
    direction
  FROM sequences
  UNION
  SELECT
    event_month,
    partner_tadig,
    direction
  FROM returns
  UNION
  SELECT
    event_month,
    partner_tadig,
    direction
  FROM nrtrde
)
SELECT
  keys.event_month,
  keys.partner_tadig,
  keys.direction,
  COALESCE(files.tap_files, 0)::BIGINT AS tap_files,
  COALESCE(files.tap_batch_files, 0)::BIGINT AS tap_batch_files,
  COALESCE(files.tap_notification_files, 0)::BIGINT AS tap_notification_files,
  COALESCE(events.tap_events, 0)::BIGINT AS tap_events,
  COALESCE(events.tap_charge, 0)::DECIMAL(38, 6) AS tap_charge,
  events.tap_currency,
  events.tap_late_threshold_hours,
  events.tap_delay_avg_hours::DOUBLE AS tap_delay_avg_hours,
  events.tap_delay_p50_hours::DOUBLE AS tap_delay_p50_hours,
  events.tap_delay_p95_hours::DOUBLE AS tap_delay_p95_hours,
  COALESCE(events.tap_late_events, 0)::BIGINT AS tap_late_events,
  COALESCE(late_files.tap_late_files, 0)::BIGINT AS tap_late_files,
  COALESCE(sequences.tap_sequence_numbers_received, 0)::BIGINT AS tap_sequence_numbers_received,
  COALESCE(sequences.tap_sequence_numbers_missing, 0)::BIGINT AS tap_sequence_numbers_missing,
  COALESCE(sequences.tap_sequence_gaps, 0)::BIGINT AS tap_sequence_gaps,
  COALESCE(sequences.tap_duplicate_sequence_numbers, 0)::BIGINT AS tap_duplicate_sequence_numbers,
  COALESCE(duplicates.tap_duplicate_events, 0)::BIGINT AS tap_duplicate_events,
  COALESCE(audit.tap_audited_files, 0)::BIGINT AS tap_audited_files,
  COALESCE(audit.tap_audit_consistent_files, 0)::BIGINT AS tap_audit_consistent_files,
  COALESCE(audit.tap_audit_mismatch_files, 0)::BIGINT AS tap_audit_mismatch_files,
  COALESCE(returns.rap_stop_returns, 0)::BIGINT AS rap_stop_returns,
  COALESCE(returns.rap_missing_returns, 0)::BIGINT AS rap_missing_returns,
  COALESCE(returns.rap_missing_sequence_numbers, 0)::BIGINT AS rap_missing_sequence_numbers,
  COALESCE(returns.rap_fatal_returns, 0)::BIGINT AS rap_fatal_returns,
  COALESCE(returns.tap_files_returned_fatal, 0)::BIGINT AS tap_files_returned_fatal,
  COALESCE(returns.rap_fatal_return_value, 0)::DECIMAL(38, 6) AS rap_fatal_return_value,
  COALESCE(returns.rap_severe_returns, 0)::BIGINT AS rap_severe_returns,
  COALESCE(returns.rap_severe_return_value, 0)::DECIMAL(38, 6) AS rap_severe_return_value,
  COALESCE(nrtrde.nrtrde_records, 0)::BIGINT AS nrtrde_records,
  COALESCE(nrtrde.nrtrde_within_threshold, 0)::BIGINT AS nrtrde_within_threshold,
  nrtrde.nrtrde_threshold_hours
FROM keys
LEFT JOIN files
  ON files.event_month = keys.event_month
  AND files.partner_tadig = keys.partner_tadig
  AND files.direction = keys.direction
LEFT JOIN events
  ON events.event_month = keys.event_month
  AND events.partner_tadig = keys.partner_tadig
  AND events.direction = keys.direction
LEFT JOIN late_files
  ON late_files.event_month = keys.event_month
  AND late_files.partner_tadig = keys.partner_tadig
  AND late_files.direction = keys.direction
LEFT JOIN sequences
  ON sequences.event_month = keys.event_month
  AND sequences.partner_tadig = keys.partner_tadig
  AND sequences.direction = keys.direction
LEFT JOIN duplicates
  ON duplicates.event_month = keys.event_month
  AND duplicates.partner_tadig = keys.partner_tadig
  AND duplicates.direction = keys.direction
LEFT JOIN audit
  ON audit.event_month = keys.event_month
  AND audit.partner_tadig = keys.partner_tadig
  AND audit.direction = keys.direction
LEFT JOIN returns
  ON returns.event_month = keys.event_month
  AND returns.partner_tadig = keys.partner_tadig
  AND returns.direction = keys.direction
LEFT JOIN nrtrde
  ON nrtrde.event_month = keys.event_month
  AND nrtrde.partner_tadig = keys.partner_tadig
  AND nrtrde.direction = keys.direction