MODEL (
  name intermediate.int_tap_sequences_checked,
  kind @view_kind,
  owner roaming_analytics,
  grain file_id,
  description 'FileSequenceNumber checks per commercial TAP file (batches and notifications), per sender -> recipient in number order: the numbers missing between this file and the previous number received (a gap), and whether the number repeats the previous one (a duplicate). A gap counts in the month of the file after it, so a gap across a month boundary is not lost. Numbers are not expected to wrap (99999 -> 00000 would show as a repeat run).',
  column_descriptions (
    file_id = 'sha256 of the source file',
    sender = 'Sender TADIG',
    recipient = 'Recipient TADIG',
    direction = 'outbound or inbound',
    partner_tadig = 'Partner',
    file_month = 'Month the file counts in (intermediate.int_tap_files_classified)',
    file_sequence_number = 'FileSequenceNumber as sent',
    file_sequence = 'FileSequenceNumber as an integer',
    previous_sequence = 'The number received before it from the same sender for the same recipient; NULL for the first',
    missing_before = 'Numbers missing between previous_sequence and this one (0 without a gap)',
    is_duplicate_sequence = 'The same number was already received in another file'
  ),
  audits (
    NOT_NULL(columns = (file_id, file_sequence, missing_before)),
    UNIQUE_VALUES(columns = (
      file_id
    ))
  )
);

WITH files AS (
  SELECT
    file_id,
    sender,
    recipient,
    direction,
    partner_tadig,
    file_month,
    file_sequence_number,
    file_sequence,
    file_available_utc
  FROM intermediate.int_tap_files_classified
  WHERE
    NOT is_test AND NOT file_sequence IS NULL
), ordered AS (
  SELECT
    file_id,
    sender,
    recipient,
    direction,
    partner_tadig,
    file_month,
    file_sequence_number,
    file_sequence,
    LAG(file_sequence) OVER (
      PARTITION BY sender, recipient
      ORDER BY file_sequence, file_available_utc, file_id
    ) AS previous_sequence
  FROM files
)
SELECT
  file_id,
  sender,
  recipient,
  direction,
  partner_tadig,
  file_month,
  file_sequence_number,
  file_sequence,
  previous_sequence,
  CASE
    WHEN file_sequence - previous_sequence > 1
    THEN file_sequence - previous_sequence - 1
    ELSE 0
  END AS missing_before,
  COALESCE(file_sequence = previous_sequence, FALSE) AS is_duplicate_sequence
FROM ordered