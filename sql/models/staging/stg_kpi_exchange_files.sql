MODEL (
  name staging.stg_kpi_exchange_files,
  kind @view_kind,
  owner roaming_analytics,
  grain file_id,
  description 'Partners'' KPI exchange files (roam-kpi-exchange) in the warehouse: who sent which month, when, and how it was sealed. Every file here passed its schema, checksum, recipient and signature checks on import (docs/kpi-exchange.md).',
  column_descriptions (
    file_id = 'sha256 of the file, hex',
    file_name = 'Base name of the file',
    sender_tadig = 'The partner who measured',
    sender_name = 'Its name, as the file gives it',
    recipient_tadig = 'Our network',
    event_month = 'First day of the month measured',
    generated_at = 'When the partner wrote the file, UTC',
    generator = 'The tool and version that wrote it',
    sha256 = 'Checksum of the canonical content, as the file carries it',
    signed = 'The file is signed (verified against the partner''s key when one is on file)',
    entry_count = 'Entries in the file'
  ),
  audits (
    NOT_NULL(columns = (file_id, sender_tadig, recipient_tadig, event_month))
  )
);

WITH source AS (
  SELECT
    file_id,
    file,
    sender_tadig,
    sender_name,
    recipient_tadig,
    period,
    generated_at,
    generator_name,
    generator_version,
    sha256,
    signed,
    entry_count
  FROM raw.kpi_exchange_files
)
SELECT
  file_id::TEXT AS file_id,
  file::TEXT AS file_name,
  sender_tadig::TEXT AS sender_tadig,
  sender_name::TEXT AS sender_name,
  recipient_tadig::TEXT AS recipient_tadig,
  STRPTIME(period || '-01', '%Y-%m-%d')::DATE AS event_month,
  generated_at::TIMESTAMP AS generated_at,
  (
    generator_name || ' ' || generator_version
  )::TEXT AS generator,
  sha256::TEXT AS sha256,
  signed::BOOLEAN AS signed,
  entry_count::INT AS entry_count
FROM source