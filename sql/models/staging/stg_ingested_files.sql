MODEL (
  name staging.stg_ingested_files,
  kind @view_kind,
  owner roaming_analytics,
  grain file_id,
  description 'The file versions in the warehouse (the ingest registry), current versions only: identity, name, kind and what they hold. Replaced versions, whose rows are gone, are left out.',
  column_descriptions (
    file_id = 'sha256 of the content, hex',
    file_name = 'Base name of the file',
    logical_key = 'The logical file this is a version of (see raw.ingested_files)',
    kind = 'tap, rap, nrtrde, probe-xdr, ipx-measurements, active-tests or reference-*',
    file_format = 'ber, csv, parquet or jsonl',
    sender = 'Sender TADIG (BER files)',
    recipient = 'Recipient TADIG (BER files)',
    row_count = 'Rows landed in raw tables, all tables',
    ingested_at = 'When ingest finished with the file, UTC'
  )
);

WITH source AS (
  SELECT
    file_id,
    file_name,
    logical_key,
    kind,
    format,
    sender,
    recipient,
    row_count,
    ingested_at,
    status
  FROM raw.ingested_files
)
SELECT
  file_id::TEXT AS file_id,
  file_name::TEXT AS file_name,
  logical_key::TEXT AS logical_key,
  kind::TEXT AS kind,
  format::TEXT AS file_format,
  sender::TEXT AS sender,
  recipient::TEXT AS recipient,
  row_count::BIGINT AS row_count,
  ingested_at::TIMESTAMP AS ingested_at
FROM source
WHERE
  status = 'loaded'