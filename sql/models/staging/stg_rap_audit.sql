MODEL (
  name staging.stg_rap_audit,
  kind @view_kind,
  owner roaming_analytics,
  grain file_id,
  description 'RapAuditControlInfo as sent, one row per RAP file: totals as exact DECIMAL beside their integers and scale.',
  column_descriptions (
    file_id = 'sha256 of the source file (raw.ingested_files.file_id)',
    total_severe_return_value = 'TotalSevereReturnValue in currency, exact',
    total_severe_return_value_integer = 'TotalSevereReturnValue as the integer sent',
    total_severe_return_tax = 'TotalSevereReturnTax in currency, exact',
    total_severe_return_tax_integer = 'TotalSevereReturnTax as the integer sent',
    return_details_count = 'ReturnDetailsCount',
    scale = 'TapDecimalPlaces',
    currency = 'TapCurrency, or XDR (SDR)'
  )
);

WITH source AS (
  SELECT
    total_severe_return_value,
    total_severe_return_tax,
    return_details_count,
    scale,
    currency,
    file_id
  FROM raw.rap_audit
)
SELECT
  source.file_id,
  CAST(source.total_severe_return_value::DECIMAL(38, 0) * CAST(POWER(10, -source.scale) AS DECIMAL(7, 6)) AS DECIMAL(38, 6)) AS total_severe_return_value,
  source.total_severe_return_value AS total_severe_return_value_integer,
  CAST(source.total_severe_return_tax::DECIMAL(38, 0) * CAST(POWER(10, -source.scale) AS DECIMAL(7, 6)) AS DECIMAL(38, 6)) AS total_severe_return_tax,
  source.total_severe_return_tax AS total_severe_return_tax_integer,
  source.return_details_count,
  source.scale,
  source.currency
FROM source