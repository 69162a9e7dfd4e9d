MODEL (
  name intermediate.int_tap_events_classified,
  kind @view_kind,
  owner roaming_analytics,
  grain (file_id, record_index),
  description 'TAP call events with the direction, partner and delivery facts of their file (intermediate.int_tap_files_classified).',
  column_descriptions (
    file_id = 'sha256 of the source file',
    record_index = '0-based position of the record in the file',
    sender = 'Sender TADIG',
    recipient = 'Recipient TADIG',
    direction = 'outbound or inbound, from the file',
    partner_tadig = 'The other party, from the file',
    file_sequence = 'FileSequenceNumber of the file, as an integer',
    file_available_utc = 'FileAvailableTimeStamp of the file, UTC',
    is_test = 'The file is test data',
    record_kind = 'CallEventDetail alternative',
    event_type = 'Event type (staging.stg_tap_events)',
    service = 'voice, sms, data or other (mapped in staging.stg_tap_events)',
    imsi = 'IMSI',
    start_local = 'Start, local time',
    start_utc = 'Start, UTC',
    end_utc = 'End, UTC',
    event_month = 'First day of the UTC month of the start',
    duration_seconds = 'TotalCallEventDuration, seconds',
    data_volume_down_mb = 'Downloaded, MB (10^6 bytes)',
    data_volume_up_mb = 'Uploaded, MB (10^6 bytes)',
    total_charge = 'Invoiceable charge in currency, exact',
    total_charge_integer = 'The same as the integer sent',
    currency = 'TapCurrency, or XDR',
    scale = 'TapDecimalPlaces'
  ),
  audits (
    NOT_NULL(columns = (file_id, record_index, direction, partner_tadig)),
    UNIQUE_COMBINATION_OF_COLUMNS(columns = (file_id, record_index))
  )
);

WITH events AS (
  SELECT
    file_id,
    record_index,
    sender,
    recipient,
    record_kind,
    event_type,
    service,
    imsi,
    start_local,
    start_utc,
    end_utc,
    event_month,
    duration_seconds,
    data_volume_down_mb,
    data_volume_up_mb,
    total_charge,
    total_charge_integer,
    currency,
    scale
  FROM staging.stg_tap_events
), files AS (
  SELECT
    file_id,
    direction,
    partner_tadig,
    file_sequence,
    file_available_utc,
    is_test
  FROM intermediate.int_tap_files_classified
)
SELECT
  events.file_id,
  events.record_index,
  events.sender,
  events.recipient,
  files.direction,
  files.partner_tadig,
  files.file_sequence,
  files.file_available_utc,
  files.is_test,
  events.record_kind,
  events.event_type,
  events.service,
  events.imsi,
  events.start_local,
  events.start_utc,
  events.end_utc,
  events.event_month,
  events.duration_seconds,
  events.data_volume_down_mb,
  events.data_volume_up_mb,
  events.total_charge,
  events.total_charge_integer,
  events.currency,
  events.scale
FROM events
INNER JOIN files
  ON files.file_id = events.file_id