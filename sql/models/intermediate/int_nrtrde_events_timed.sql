MODEL (
  name intermediate.int_nrtrde_events_timed,
  kind @view_kind,
  owner roaming_analytics,
  grain (file_id, record_index),
  description 'NRTRDE delivery per record: delay = the file''s FileAvailableTimeStamp - the event''s end; within when the delay is at most the nrtrde_within_4h threshold (hours) in force for the partner, direction and month (intermediate.int_kpi_thresholds_resolved).',
  column_descriptions (
    file_id = 'sha256 of the source file',
    record_index = '0-based position in the file',
    direction = 'outbound or inbound, from the file',
    partner_tadig = 'Partner, from the file',
    event_type = 'moc, mtc or gprs',
    imsi = 'IMSI',
    start_utc = 'Start, UTC',
    end_utc = 'End, UTC',
    event_month = 'First day of the UTC month of the start',
    file_available_utc = 'FileAvailableTimeStamp of the file, UTC',
    delay_seconds = 'file_available_utc - end_utc, seconds',
    delay_hours = 'The same in hours',
    threshold_hours = 'The nrtrde_within_4h limit in force, hours',
    is_agreed_threshold = 'The limit comes from an agreement',
    is_within = 'delay_seconds <= threshold_hours * 3600'
  ),
  audits (
    NOT_NULL(
      columns = (file_id, record_index, direction, partner_tadig, event_month, threshold_hours)
    ),
    UNIQUE_COMBINATION_OF_COLUMNS(columns = (file_id, record_index))
  )
);

WITH events AS (
  SELECT
    file_id,
    record_index,
    event_type,
    imsi,
    start_utc,
    end_utc,
    event_month
  FROM staging.stg_nrtrde_events
), files AS (
  SELECT
    file_id,
    direction,
    partner_tadig,
    file_available_utc
  FROM intermediate.int_nrtrde_files_classified
), thresholds AS (
  SELECT
    partner_tadig,
    direction,
    event_month,
    threshold AS threshold_hours,
    is_agreed
  FROM intermediate.int_kpi_thresholds_resolved
  WHERE
    kpi = 'nrtrde_within_4h'
), timed AS (
  SELECT
    events.file_id,
    events.record_index,
    files.direction,
    files.partner_tadig,
    events.event_type,
    events.imsi,
    events.start_utc,
    events.end_utc,
    events.event_month,
    files.file_available_utc,
    DATE_DIFF('SECOND', events.end_utc, files.file_available_utc) AS delay_seconds,
    thresholds.threshold_hours,
    thresholds.is_agreed AS is_agreed_threshold
  FROM events
  INNER JOIN files
    ON files.file_id = events.file_id
  LEFT JOIN thresholds
    ON thresholds.partner_tadig = files.partner_tadig
    AND thresholds.direction = files.direction
    AND thresholds.event_month = events.event_month
)
SELECT
  file_id,
  record_index,
  direction,
  partner_tadig,
  event_type,
  imsi,
  start_utc,
  end_utc,
  event_month,
  file_available_utc,
  delay_seconds,
  delay_seconds / 3600.0 AS delay_hours,
  threshold_hours,
  is_agreed_threshold,
  delay_seconds <= threshold_hours * 3600 AS is_within
FROM timed