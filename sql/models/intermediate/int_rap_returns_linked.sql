MODEL (
  name intermediate.int_rap_returns_linked,
  kind @view_kind,
  owner roaming_analytics,
  grain (file_id, return_index),
  description 'RAP returns linked to what they return. A fatal or severe return names its TAP file by FileSequenceNumber: the TAP file sent by the RAP''s recipient to the RAP''s sender with that number (test with test). A severe return''s call event is the first record of that file with the returned IMSI, local start and event type. A missing return is placed after the last TAP file received before its first missing number. event_month, the month a return counts in, is the returned event''s month, else the returned file''s, else that of the file before the gap, else the RAP file''s creation month (month_source says which).',
  column_descriptions (
    file_id = 'sha256 of the RAP file',
    return_index = '0-based position of the return in the RAP file',
    rap_file_sequence_number = 'RapFileSequenceNumber',
    kind = 'stop, missing, fatal or severe',
    direction = 'Direction of the returned TAP traffic (intermediate.int_rap_files_classified)',
    partner_tadig = 'Partner',
    is_test = 'The RAP file is test data',
    event_month = 'First day of the month the return counts in',
    month_source = 'returned event, returned file, file before the gap or RAP file',
    tap_file_id = 'The returned TAP file (fatal, severe), when loaded',
    tap_file_sequence_number = 'FileSequenceNumber of the returned TAP file, as sent in the return',
    tap_record_index = 'The returned call event (severe), when found',
    returned_file_charge = 'Fatal: the invoiceable charge of the whole returned TAP file, in its currency, exact',
    start_missing_sequence = 'Missing: first missing sequence number',
    end_missing_sequence = 'Missing: last missing sequence number',
    missing_sequence_count = 'Missing: how many sequence numbers',
    fatal_group = 'Fatal: the failing group',
    returned_charge = 'Severe: the returned invoiceable charge as the RAP states it, in currency, exact',
    returned_charge_integer = 'Severe: the same as the integer sent',
    scale = 'TapDecimalPlaces of the RAP amounts',
    currency = 'TapCurrency of the RAP amounts, or XDR'
  ),
  audits (
    NOT_NULL(columns = (file_id, return_index, kind, direction, partner_tadig, event_month)),
    UNIQUE_COMBINATION_OF_COLUMNS(columns = (file_id, return_index)),
    ACCEPTED_VALUES("column" = kind, is_in = ('stop', 'missing', 'fatal', 'severe'))
  )
);

WITH returns AS (
  SELECT
    file_id,
    return_index,
    sender,
    recipient,
    rap_file_sequence_number,
    kind,
    file_sequence_number,
    file_sequence,
    start_missing_sequence,
    end_missing_sequence,
    missing_sequence_count,
    fatal_group,
    returned_event_type,
    returned_imsi,
    returned_start_local,
    returned_charge,
    returned_charge_integer,
    scale,
    currency
  FROM staging.stg_rap_returns
), rap_files AS (
  SELECT
    file_id,
    direction,
    partner_tadig,
    is_test,
    rap_month
  FROM intermediate.int_rap_files_classified
), tap_files AS (
  SELECT
    file_id,
    sender,
    recipient,
    file_sequence,
    is_test,
    file_month,
    charge
  FROM intermediate.int_tap_files_classified
), tap_events AS (
  SELECT
    file_id,
    record_index,
    imsi,
    start_local,
    event_type,
    event_month
  FROM intermediate.int_tap_events_classified
), linked_files AS (
  SELECT
    returns.file_id,
    returns.return_index,
    returns.sender,
    returns.recipient,
    returns.rap_file_sequence_number,
    returns.kind,
    rap_files.direction,
    rap_files.partner_tadig,
    rap_files.is_test,
    rap_files.rap_month,
    returns.file_sequence_number,
    returns.start_missing_sequence,
    returns.end_missing_sequence,
    returns.missing_sequence_count,
    returns.fatal_group,
    returns.returned_event_type,
    returns.returned_imsi,
    returns.returned_start_local,
    returns.returned_charge,
    returns.returned_charge_integer,
    returns.scale,
    returns.currency,
    tap_files.file_id AS tap_file_id,
    tap_files.file_month AS tap_file_month,
    tap_files.charge AS tap_file_charge
  FROM returns
  INNER JOIN rap_files
    ON rap_files.file_id = returns.file_id
  LEFT JOIN tap_files
    ON returns.kind IN ('fatal', 'severe')
    AND tap_files.sender = returns.recipient
    AND tap_files.recipient = returns.sender
    AND tap_files.file_sequence = returns.file_sequence
    AND tap_files.is_test = rap_files.is_test
), event_links AS (
  SELECT
    linked_files.file_id,
    linked_files.return_index,
    tap_events.record_index,
    tap_events.event_month,
    ROW_NUMBER() OVER (
      PARTITION BY linked_files.file_id, linked_files.return_index
      ORDER BY tap_events.record_index
    ) AS match_rank
  FROM linked_files
  INNER JOIN tap_events
    ON tap_events.file_id = linked_files.tap_file_id
    AND tap_events.imsi = linked_files.returned_imsi
    AND tap_events.start_local = linked_files.returned_start_local
    AND tap_events.event_type = linked_files.returned_event_type
  WHERE
    linked_files.kind = 'severe'
), gap_links AS (
  SELECT
    linked_files.file_id,
    linked_files.return_index,
    tap_files.file_month,
    ROW_NUMBER() OVER (
      PARTITION BY linked_files.file_id, linked_files.return_index
      ORDER BY tap_files.file_sequence DESC
    ) AS match_rank
  FROM linked_files
  INNER JOIN tap_files
    ON tap_files.sender = linked_files.recipient
    AND tap_files.recipient = linked_files.sender
    AND tap_files.is_test = linked_files.is_test
    AND tap_files.file_sequence < linked_files.start_missing_sequence
  WHERE
    linked_files.kind = 'missing'
)
SELECT
  linked_files.file_id,
  linked_files.return_index,
  linked_files.rap_file_sequence_number,
  linked_files.kind,
  linked_files.direction,
  linked_files.partner_tadig,
  linked_files.is_test,
  COALESCE(
    event_links.event_month,
    linked_files.tap_file_month,
    gap_links.file_month,
    linked_files.rap_month
  ) AS event_month,
  CASE
    WHEN NOT event_links.event_month IS NULL
    THEN 'returned event'
    WHEN NOT linked_files.tap_file_month IS NULL
    THEN 'returned file'
    WHEN NOT gap_links.file_month IS NULL
    THEN 'file before the gap'
    ELSE 'RAP file'
  END AS month_source,
  linked_files.tap_file_id,
  linked_files.file_sequence_number AS tap_file_sequence_number,
  event_links.record_index AS tap_record_index,
  CASE WHEN linked_files.kind = 'fatal' THEN linked_files.tap_file_charge END AS returned_file_charge,
  linked_files.start_missing_sequence,
  linked_files.end_missing_sequence,
  linked_files.missing_sequence_count,
  linked_files.fatal_group,
  linked_files.returned_charge,
  linked_files.returned_charge_integer,
  linked_files.scale,
  linked_files.currency
FROM linked_files
LEFT JOIN event_links
  ON event_links.file_id = linked_files.file_id
  AND event_links.return_index = linked_files.return_index
  AND event_links.match_rank = 1
LEFT JOIN gap_links
  ON gap_links.file_id = linked_files.file_id
  AND gap_links.return_index = linked_files.return_index
  AND gap_links.match_rank = 1