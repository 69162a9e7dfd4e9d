MODEL (
  name intermediate.int_tap_files_classified,
  kind @view_kind,
  owner roaming_analytics,
  grain file_id,
  description 'TAP files with their direction and partner, decided against reference.home_network: a file the partner sends us (recipient = our TADIG) bills our subscribers abroad, outbound; a file we send (sender = our TADIG) bills the partner''s subscribers in our network, inbound. Files between two other networks are left out. file_month is the month a file counts in: the UTC month of its earliest call event, for a notification the month of the last second before its transfer cut-off.',
  column_descriptions (
    file_id = 'sha256 of the source file',
    sender = 'Sender TADIG',
    recipient = 'Recipient TADIG',
    direction = 'outbound (the partner sends us: our subscribers abroad) or inbound (we send: the partner''s subscribers in our network)',
    partner_tadig = 'The other party: the sender of an outbound file, the recipient of an inbound one',
    file_sequence_number = 'FileSequenceNumber as sent',
    file_sequence = 'FileSequenceNumber as an integer',
    kind = 'tap-batch or tap-notification',
    is_batch = 'A transfer batch, not a notification',
    is_test = 'Test data: left out of every billing measure',
    module = 'TAP release',
    file_available_utc = 'FileAvailableTimeStamp, UTC',
    transfer_cut_off_utc = 'TransferCutOffTimeStamp, UTC',
    currency = 'TapCurrency, or XDR',
    scale = 'TapDecimalPlaces',
    event_count = 'Call events in the file',
    first_event_utc = 'Earliest event start, UTC',
    last_event_end_utc = 'Latest event end, UTC',
    charge = 'Sum of the events'' invoiceable charges, in currency, exact',
    file_month = 'First day of the month the file counts in (see the description)'
  ),
  audits (
    NOT_NULL(columns = (file_id, direction, partner_tadig, file_month)),
    UNIQUE_VALUES(columns = (
      file_id
    )),
    ACCEPTED_VALUES("column" = direction, is_in = ('outbound', 'inbound'))
  )
);

WITH files AS (
  SELECT
    file_id,
    sender,
    recipient,
    file_sequence_number,
    file_sequence,
    kind,
    is_batch,
    is_test,
    module,
    file_available_utc,
    transfer_cut_off_utc,
    currency,
    scale
  FROM staging.stg_tap_files
), home AS (
  SELECT
    UPPER(home_tadig) AS home_tadig
  FROM reference.home_network
), events AS (
  SELECT
    file_id,
    COUNT(*) AS event_count,
    MIN(start_utc) AS first_event_utc,
    MAX(end_utc) AS last_event_end_utc,
    SUM(total_charge) AS charge
  FROM staging.stg_tap_events
  GROUP BY
    file_id
), classified AS (
  SELECT
    files.file_id,
    files.sender,
    files.recipient,
    CASE
      WHEN files.recipient = home.home_tadig
      THEN 'outbound'
      WHEN files.sender = home.home_tadig
      THEN 'inbound'
    END AS direction,
    CASE
      WHEN files.recipient = home.home_tadig
      THEN files.sender
      ELSE files.recipient
    END AS partner_tadig,
    files.file_sequence_number,
    files.file_sequence,
    files.kind,
    files.is_batch,
    files.is_test,
    files.module,
    files.file_available_utc,
    files.transfer_cut_off_utc,
    files.currency,
    files.scale
  FROM files
  INNER JOIN home
    ON files.recipient = home.home_tadig OR files.sender = home.home_tadig
)
SELECT
  classified.file_id,
  classified.sender,
  classified.recipient,
  classified.direction,
  classified.partner_tadig,
  classified.file_sequence_number,
  classified.file_sequence,
  classified.kind,
  classified.is_batch,
  classified.is_test,
  classified.module,
  classified.file_available_utc,
  classified.transfer_cut_off_utc,
  classified.currency,
  classified.scale,
  COALESCE(events.event_count, 0)::BIGINT AS event_count,
  events.first_event_utc,
  events.last_event_end_utc,
  COALESCE(events.charge, 0)::DECIMAL(38, 6) AS charge,
  DATE_TRUNC(
    'MONTH',
    COALESCE(
      events.first_event_utc,
      classified.transfer_cut_off_utc - INTERVAL '1' SECOND,
      classified.file_available_utc
    )
  )::DATE AS file_month
FROM classified
LEFT JOIN events
  ON events.file_id = classified.file_id