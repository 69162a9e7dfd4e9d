MODEL (
  name intermediate.int_tap_events_timed,
  kind INCREMENTAL_BY_TIME_RANGE (
    time_column event_month
  ),
  owner roaming_analytics,
  grain (file_id, record_index),
  description 'TAP timeliness per call event: delay = the file''s FileAvailableTimeStamp - the event''s end; late when the delay exceeds the tap_timeliness threshold (hours) in force for the partner, direction and month (intermediate.int_kpi_thresholds_resolved: the agreement''s, else the catalogue''s). A table by month.',
  column_descriptions (
    file_id = 'sha256 of the source file',
    record_index = '0-based position of the record in the file',
    direction = 'outbound or inbound',
    partner_tadig = 'Partner',
    is_test = 'The file is test data',
    event_month = 'First day of the UTC month of the start',
    end_utc = 'Event end, UTC',
    file_available_utc = 'FileAvailableTimeStamp of the file, UTC',
    delay_seconds = 'file_available_utc - end_utc, seconds',
    delay_hours = 'The same in hours',
    threshold_hours = 'The tap_timeliness limit in force, hours',
    is_agreed_threshold = 'The limit comes from an agreement',
    is_late = 'delay_seconds > threshold_hours * 3600',
    total_charge = 'Invoiceable charge in currency, exact',
    currency = 'TapCurrency, or XDR'
  ),
  audits (
    NOT_NULL(columns = (file_id, record_index, threshold_hours)),
    UNIQUE_COMBINATION_OF_COLUMNS(columns = (file_id, record_index))
  )
);

WITH events AS (
  SELECT
    file_id,
    record_index,
    direction,
    partner_tadig,
    is_test,
    event_month,
    end_utc,
    file_available_utc,
    total_charge,
    currency
  FROM intermediate.int_tap_events_classified
  WHERE
    event_month BETWEEN @start_ds AND @end_ds
), thresholds AS (
  SELECT
    partner_tadig,
    direction,
    event_month,
    threshold AS threshold_hours,
    is_agreed
  FROM intermediate.int_kpi_thresholds_resolved
  WHERE
    kpi = 'tap_timeliness'
), timed AS (
  SELECT
    events.file_id,
    events.record_index,
    events.direction,
    events.partner_tadig,
    events.is_test,
    events.event_month,
    events.end_utc,
    events.file_available_utc,
    DATE_DIFF('SECOND', events.end_utc, events.file_available_utc) AS delay_seconds,
    thresholds.threshold_hours,
    thresholds.is_agreed AS is_agreed_threshold,
    events.total_charge,
    events.currency
  FROM events
  LEFT JOIN thresholds
    ON thresholds.partner_tadig = events.partner_tadig
    AND thresholds.direction = events.direction
    AND thresholds.event_month = events.event_month
)
SELECT
  file_id,
  record_index,
  direction,
  partner_tadig,
  is_test,
  event_month,
  end_utc,
  file_available_utc,
  delay_seconds,
  delay_seconds / 3600.0 AS delay_hours,
  threshold_hours,
  is_agreed_threshold,
  delay_seconds > threshold_hours * 3600 AS is_late,
  total_charge,
  currency
FROM timed