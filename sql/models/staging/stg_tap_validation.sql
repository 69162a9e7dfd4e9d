MODEL (
  name staging.stg_tap_validation,
  kind @view_kind,
  owner roaming_analytics,
  grain (file_id, record_index, item_path, rule),
  description 'TAP validation findings of loaded files, one row per finding, as the validator wrote them (rules in pipelines/sources/tap/rules.ts and its rules-*.ts: TAP-*).',
  column_descriptions (
    file_id = 'sha256 of the source file (raw.ingested_files.file_id)',
    record_index = 'Record the finding is about; NULL for the file',
    item_path = 'Item the finding is about',
    rule = 'Rule id',
    severity = 'fatal, severe or warning',
    is_fatal = 'Severity fatal: the whole file is rejected',
    message = 'What is wrong'
  )
);

WITH source AS (
  SELECT
    record_index,
    item_path,
    rule,
    severity,
    message,
    file_id
  FROM raw.tap_validation
)
SELECT
  file_id,
  record_index,
  item_path,
  rule,
  LOWER(severity) AS severity,
  LOWER(severity) = 'fatal' AS is_fatal,
  message
FROM source