MODEL (
  name intermediate.int_kpi_exchange_mirrored,
  kind @view_kind,
  owner roaming_analytics,
  grain (event_month, partner_tadig, direction, kpi, service, rat),
  description 'Partners'' measurements from their KPI exchange files, in our terms: directions mirrored (their outbound, their subscribers in our network, is our inbound), one file per partner and month (the latest written).',
  column_descriptions (
    event_month = 'First day of the month measured',
    partner_tadig = 'The partner who measured (the file''s sender)',
    direction = 'Our direction: outbound (our subscribers in the partner network) or inbound',
    their_direction = 'The direction as the partner wrote it, from its side',
    kpi = 'KPI key of the catalogue',
    service = 'Service or traffic class; all for the whole KPI',
    rat = 'Radio access type; all for the whole KPI',
    unit = 'Unit of the value, as the partner gives it',
    ir42_parameter = 'IR.42 parameter, as the partner names it',
    value = 'Their value',
    target = 'The agreed target as the partner holds it',
    sample_size = 'Observations their value rests on',
    measurement_source = 'How they measured: probe, active-test, tap, rap, nrtrde or ipx',
    file_name = 'The file it comes from',
    generated_at = 'When the partner wrote that file, UTC'
  )
);

WITH files AS (
  SELECT
    file_id,
    file_name,
    sender_tadig,
    event_month,
    generated_at
  FROM staging.stg_kpi_exchange_files
), entries AS (
  SELECT
    file_id,
    entry_index,
    kpi,
    ir42_parameter,
    direction,
    service,
    rat,
    unit,
    value,
    target,
    sample_size,
    measurement_source
  FROM staging.stg_kpi_exchange_entries
), latest_files AS (
  SELECT
    file_id,
    file_name,
    sender_tadig,
    event_month,
    generated_at
  FROM files
  QUALIFY
    ROW_NUMBER() OVER (PARTITION BY sender_tadig, event_month ORDER BY generated_at DESC, file_id DESC) = 1
)
SELECT
  latest_files.event_month::DATE AS event_month,
  latest_files.sender_tadig::TEXT AS partner_tadig,
  (
    CASE entries.direction WHEN 'outbound' THEN 'inbound' ELSE 'outbound' END
  )::TEXT AS direction,
  entries.direction::TEXT AS their_direction,
  entries.kpi::TEXT AS kpi,
  entries.service::TEXT AS service,
  entries.rat::TEXT AS rat,
  entries.unit::TEXT AS unit,
  entries.ir42_parameter::TEXT AS ir42_parameter,
  entries.value::DECIMAL(18, 6) AS value,
  entries.target::DECIMAL(12, 4) AS target,
  entries.sample_size::BIGINT AS sample_size,
  entries.measurement_source::TEXT AS measurement_source,
  latest_files.file_name::TEXT AS file_name,
  latest_files.generated_at::TIMESTAMP AS generated_at
FROM latest_files
INNER JOIN entries
  ON entries.file_id = latest_files.file_id