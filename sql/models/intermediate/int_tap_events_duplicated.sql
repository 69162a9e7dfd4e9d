MODEL (
  name intermediate.int_tap_events_duplicated,
  kind INCREMENTAL_BY_TIME_RANGE (
    time_column event_month
  ),
  owner roaming_analytics,
  grain (file_id, record_index),
  description 'TAP call events sent twice: one row per later copy of an event (same sender and recipient, IMSI, UTC start and event type) found in a different file made available at most 80 days after the file of an earlier copy; the earliest such copy is the original. Copies inside one file and test files are not counted. A table by month (a copy and its original share their start, so their month).',
  column_descriptions (
    file_id = 'File of the duplicate (later) copy',
    record_index = 'Record of the duplicate copy',
    direction = 'outbound or inbound',
    partner_tadig = 'Partner',
    event_month = 'First day of the UTC month of the start',
    imsi = 'IMSI',
    start_utc = 'Start, UTC',
    event_type = 'Event type',
    file_available_utc = 'FileAvailableTimeStamp of the duplicate''s file',
    total_charge = 'Invoiceable charge of the duplicate copy, in currency, exact',
    currency = 'TapCurrency, or XDR',
    original_file_id = 'File of the original (earliest copy within the window)',
    original_record_index = 'Record of the original',
    original_file_available_utc = 'FileAvailableTimeStamp of the original''s file',
    days_after_original = 'Days between the two files'' FileAvailableTimeStamps'
  ),
  audits (
    NOT_NULL(columns = (file_id, record_index, original_file_id)),
    UNIQUE_COMBINATION_OF_COLUMNS(columns = (file_id, record_index))
  )
);

WITH events AS (
  SELECT
    file_id,
    record_index,
    sender,
    recipient,
    direction,
    partner_tadig,
    file_sequence,
    file_available_utc,
    event_month,
    imsi,
    start_utc,
    event_type,
    total_charge,
    currency
  FROM intermediate.int_tap_events_classified
  WHERE
    NOT is_test
    AND NOT imsi IS NULL
    AND NOT start_utc IS NULL
    AND event_month BETWEEN @start_ds AND @end_ds
), pairs AS (
  /* Copies share their UTC start, so both are in the month built. */
  SELECT
    later.file_id,
    later.record_index,
    later.direction,
    later.partner_tadig,
    later.event_month,
    later.imsi,
    later.start_utc,
    later.event_type,
    later.file_available_utc,
    later.total_charge,
    later.currency,
    earlier.file_id AS original_file_id,
    earlier.record_index AS original_record_index,
    earlier.file_available_utc AS original_file_available_utc,
    ROW_NUMBER() OVER (
      PARTITION BY later.file_id, later.record_index
      ORDER BY earlier.file_available_utc, earlier.file_sequence, earlier.record_index
    ) AS copy_rank
  FROM events AS later
  INNER JOIN events AS earlier
    ON earlier.sender = later.sender
    AND earlier.recipient = later.recipient
    AND earlier.imsi = later.imsi
    AND earlier.start_utc = later.start_utc
    AND earlier.event_type = later.event_type
    AND earlier.file_id <> later.file_id
    AND (
      earlier.file_available_utc < later.file_available_utc
      OR (
        earlier.file_available_utc = later.file_available_utc
        AND earlier.file_sequence < later.file_sequence
      )
    )
    AND later.file_available_utc <= earlier.file_available_utc + INTERVAL '80' DAY
)
SELECT
  file_id,
  record_index,
  direction,
  partner_tadig,
  event_month,
  imsi,
  start_utc,
  event_type,
  file_available_utc,
  total_charge,
  currency,
  original_file_id,
  original_record_index,
  original_file_available_utc,
  DATE_DIFF('SECOND', original_file_available_utc, file_available_utc) / 86400.0 AS days_after_original
FROM pairs
WHERE
  copy_rank = 1