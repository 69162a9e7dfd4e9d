MODEL (
  name staging.stg_rap_files,
  kind @view_kind,
  owner roaming_analytics,
  grain file_id,
  description 'RAP files (return batches and acknowledgements), one row per loaded file: TADIGs upper-cased, the sequence number also as an integer, test data flagged.',
  column_descriptions (
    file_id = 'sha256 of the source file (raw.ingested_files.file_id)',
    sender = 'Sender TADIG: for a return batch the network returning records, for an acknowledgement the network acknowledging a return batch',
    recipient = 'Recipient TADIG',
    rap_file_sequence_number = 'RapFileSequenceNumber as sent',
    rap_file_sequence = 'RapFileSequenceNumber as an integer (NULL when not a number)',
    kind = 'rap-return-batch or rap-acknowledgement',
    is_return_batch = 'A return batch (carries returns), not an acknowledgement',
    module = 'RAP-1.05',
    tap_module = 'TAP release of the returned records',
    roaming_partner = 'RoamingPartner TADIG',
    created_utc = 'RapFileCreationTimeStamp (or AckFileCreationTimeStamp), UTC',
    available_utc = 'RapFileAvailableTimeStamp (or AckFileAvailableTimeStamp), UTC',
    specification_version_number = 'TAP SpecificationVersionNumber',
    release_version_number = 'TAP ReleaseVersionNumber',
    rap_specification_version_number = 'RapSpecificationVersionNumber',
    rap_release_version_number = 'RapReleaseVersionNumber',
    file_type_indicator = 'T for test data',
    is_test = 'Test data (file_type_indicator T)',
    scale = 'TapDecimalPlaces of the amounts',
    currency = 'TapCurrency, or XDR (SDR)'
  )
);

WITH source AS (
  SELECT
    sender,
    recipient,
    rap_file_sequence_number,
    kind,
    module,
    tap_module,
    roaming_partner,
    created_utc,
    available_utc,
    specification_version_number,
    release_version_number,
    rap_specification_version_number,
    rap_release_version_number,
    file_type_indicator,
    tap_decimal_places,
    tap_currency,
    file_id
  FROM raw.rap_files
)
SELECT
  file_id,
  UPPER(sender) AS sender,
  UPPER(recipient) AS recipient,
  rap_file_sequence_number,
  TRY_CAST(rap_file_sequence_number AS INT) AS rap_file_sequence,
  kind,
  kind = 'rap-return-batch' AS is_return_batch,
  module,
  tap_module,
  UPPER(roaming_partner) AS roaming_partner,
  created_utc,
  available_utc,
  specification_version_number,
  release_version_number,
  rap_specification_version_number,
  rap_release_version_number,
  file_type_indicator,
  COALESCE(file_type_indicator = 'T', FALSE) AS is_test,
  tap_decimal_places AS scale,
  tap_currency AS currency
FROM source