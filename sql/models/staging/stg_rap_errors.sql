MODEL (
  name staging.stg_rap_errors,
  kind @view_kind,
  owner roaming_analytics,
  grain (file_id, return_index, error_index),
  description 'Error details of RAP returns, one row per error (TD.52 error code and the path of the faulty item).',
  column_descriptions (
    file_id = 'sha256 of the source file (raw.ingested_files.file_id)',
    return_index = 'Return the error belongs to',
    error_index = 'Position of the error in the return',
    sender = 'Sender TADIG (the network returning records)',
    recipient = 'Recipient TADIG (the network that sent the TAP file)',
    rap_file_sequence_number = 'RapFileSequenceNumber',
    kind = 'fatal or severe',
    error_code = 'TD.52 error code',
    item_path = 'Path of the faulty item',
    item_offset = 'ItemOffset'
  )
);

WITH source AS (
  SELECT
    sender,
    recipient,
    rap_file_sequence_number,
    return_index,
    error_index,
    kind,
    error_code,
    item_path,
    item_offset,
    file_id
  FROM raw.rap_errors
)
SELECT
  file_id,
  return_index,
  error_index,
  UPPER(sender) AS sender,
  UPPER(recipient) AS recipient,
  rap_file_sequence_number,
  LOWER(kind) AS kind,
  error_code,
  item_path,
  item_offset
FROM source