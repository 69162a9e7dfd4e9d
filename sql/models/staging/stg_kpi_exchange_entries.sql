MODEL (
  name staging.stg_kpi_exchange_entries,
  kind @view_kind,
  owner roaming_analytics,
  grain (file_id, entry_index),
  description 'The entries of partners'' KPI exchange files: each KPI as the partner measured it, directions from the partner''s side, decimals cast from the exact text the file holds.',
  column_descriptions (
    file_id = 'The file (staging.stg_kpi_exchange_files)',
    entry_index = 'Position among the file''s entries',
    kpi = 'KPI key of the catalogue',
    ir42_parameter = 'IR.42 parameter, as the partner names it',
    direction = 'From the partner''s side: outbound = its subscribers in our network',
    service = 'Service or traffic class; all for the whole KPI',
    rat = 'Radio access type; all for the whole KPI',
    unit = 'Unit of the value, as the partner gives it',
    numerator = 'Numerator',
    denominator = 'Denominator',
    excluded = 'Attempts excluded from a technical success rate',
    value = 'The value',
    p50 = 'Median, for latencies',
    p95 = '95th percentile, for latencies',
    sample_size = 'Observations the value rests on',
    measurement_source = 'probe, active-test, tap, rap, nrtrde or ipx',
    target = 'The agreed target as the partner holds it'
  ),
  audits (
    NOT_NULL(columns = (file_id, entry_index, kpi, direction, service, rat)),
    UNIQUE_COMBINATION_OF_COLUMNS(columns = (file_id, entry_index))
  )
);

WITH source AS (
  SELECT
    file_id,
    entry_index,
    kpi,
    ir42_parameter,
    direction,
    service,
    rat,
    unit,
    numerator,
    denominator,
    excluded,
    value,
    p50,
    p95,
    sample_size,
    source,
    target
  FROM raw.kpi_exchange_entries
)
SELECT
  file_id::TEXT AS file_id,
  entry_index::INT AS entry_index,
  kpi::TEXT AS kpi,
  ir42_parameter::TEXT AS ir42_parameter,
  direction::TEXT AS direction,
  service::TEXT AS service,
  rat::TEXT AS rat,
  unit::TEXT AS unit,
  numerator::DECIMAL(38, 6) AS numerator,
  denominator::DECIMAL(38, 6) AS denominator,
  excluded::DECIMAL(38, 6) AS excluded,
  value::DECIMAL(18, 6) AS value,
  p50::DECIMAL(18, 6) AS p50,
  p95::DECIMAL(18, 6) AS p95,
  sample_size::BIGINT AS sample_size,
  source::TEXT AS measurement_source,
  target::DECIMAL(12, 4) AS target
FROM source