MODEL (
  name staging.stg_tap_files,
  kind @view_kind,
  owner roaming_analytics,
  grain file_id,
  description 'TAP files (transfer batches and notifications), one row per loaded file: TADIGs upper-cased, the sequence number also as an integer, test data flagged.',
  column_descriptions (
    file_id = 'sha256 of the source file (raw.ingested_files.file_id)',
    sender = 'Sender TADIG',
    recipient = 'Recipient TADIG',
    file_sequence_number = 'FileSequenceNumber as sent, 5 digits',
    file_sequence = 'FileSequenceNumber as an integer (NULL when not a number)',
    kind = 'tap-batch or tap-notification',
    is_batch = 'A transfer batch (carries call events and AuditControlInfo), not a notification',
    module = 'TAP-3.10, TAP-3.11 or TAP-3.12',
    specification_version_number = 'SpecificationVersionNumber',
    release_version_number = 'ReleaseVersionNumber',
    file_type_indicator = 'T for test data, NULL for chargeable',
    is_test = 'Test data (file_type_indicator T): not billing',
    rap_file_sequence_number = 'RAP file this batch answers, if any',
    file_creation_utc = 'FileCreationTimeStamp, UTC',
    transfer_cut_off_utc = 'TransferCutOffTimeStamp, UTC',
    file_available_utc = 'FileAvailableTimeStamp, UTC',
    file_available_utc_offset = 'UTC offset of FileAvailableTimeStamp, +HHMM',
    currency = 'TapCurrency, or XDR (SDR) when the file has none',
    local_currency = 'LocalCurrency',
    scale = 'TapDecimalPlaces: amounts are integer / 10^scale; NULL for a notification'
  )
);

WITH source AS (
  SELECT
    sender,
    recipient,
    file_sequence_number,
    kind,
    module,
    specification_version_number,
    release_version_number,
    file_type_indicator,
    rap_file_sequence_number,
    file_creation_utc,
    transfer_cut_off_utc,
    file_available_utc,
    file_available_utc_offset,
    tap_currency,
    local_currency,
    tap_decimal_places,
    file_id
  FROM raw.tap_files
)
SELECT
  file_id,
  UPPER(sender) AS sender,
  UPPER(recipient) AS recipient,
  file_sequence_number,
  TRY_CAST(file_sequence_number AS INT) AS file_sequence,
  kind,
  kind = 'tap-batch' AS is_batch,
  module,
  specification_version_number,
  release_version_number,
  file_type_indicator,
  COALESCE(file_type_indicator = 'T', FALSE) AS is_test,
  rap_file_sequence_number,
  file_creation_utc,
  transfer_cut_off_utc,
  file_available_utc,
  file_available_utc_offset,
  tap_currency AS currency,
  local_currency,
  tap_decimal_places AS scale
FROM source