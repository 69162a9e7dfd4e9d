MODEL (
  name staging.stg_nrtrde_files,
  kind @view_kind,
  owner roaming_analytics,
  grain file_id,
  description 'NRTRDE files, one row per loaded file: TADIGs upper-cased, the sequence number also as an integer.',
  column_descriptions (
    file_id = 'sha256 of the source file (raw.ingested_files.file_id)',
    sender = 'Sender TADIG',
    recipient = 'Recipient TADIG',
    sequence_number = 'SequenceNumber as sent',
    file_sequence = 'SequenceNumber as an integer (NULL when not a number)',
    specification_version_number = 'SpecificationVersionNumber',
    release_version_number = 'ReleaseVersionNumber',
    file_available_utc = 'FileAvailableTimeStamp, UTC',
    call_events_count = 'CallEventsCount as sent'
  )
);

WITH source AS (
  SELECT
    sender,
    recipient,
    sequence_number,
    specification_version_number,
    release_version_number,
    file_available_utc,
    call_events_count,
    file_id
  FROM raw.nrtrde_files
)
SELECT
  file_id,
  UPPER(sender) AS sender,
  UPPER(recipient) AS recipient,
  sequence_number,
  TRY_CAST(sequence_number AS BIGINT) AS file_sequence,
  specification_version_number,
  release_version_number,
  file_available_utc,
  call_events_count
FROM source