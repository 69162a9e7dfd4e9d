MODEL (
  name marts.fct_partner_sources_monthly,
  kind INCREMENTAL_BY_TIME_RANGE (
    time_column event_month
  ),
  owner roaming_analytics,
  grain (event_month, partner_tadig, source, direction),
  description 'Data coverage: per partner, month and direction, which sources had data and how much: the files that held records of the month for the partner, and the records. source is the file kind of raw.ingested_files (tap, rap, nrtrde, probe-xdr, ipx-measurements, active-tests). Test TAP and RAP files are left out. A file holding several months or partners counts in each.',
  column_descriptions (
    event_month = 'First day of the UTC month',
    partner_tadig = 'Partner',
    source = 'tap, rap, nrtrde, probe-xdr, ipx-measurements or active-tests',
    direction = 'outbound, inbound, or both (IPX measurements: the path to the partner)',
    files = 'Files with records of the partner and month',
    records = 'Records: call events (TAP, NRTRDE), attributed signalling procedures (probe xDRs), measurement intervals (IPX), tests (active tests), RAP files (RAP)'
  ),
  audits (
    NOT_NULL(columns = (event_month, partner_tadig, source, direction, files, records)),
    UNIQUE_COMBINATION_OF_COLUMNS(columns = (event_month, partner_tadig, source, direction))
  )
);

WITH tap AS (
  SELECT
    event_month,
    partner_tadig,
    'tap' AS source,
    direction,
    COUNT(DISTINCT file_id) AS files,
    COUNT(*) AS records
  FROM intermediate.int_tap_events_timed
  WHERE
    event_month BETWEEN @start_ds AND @end_ds AND NOT is_test
  GROUP BY
    event_month,
    partner_tadig,
    direction
), rap AS (
  SELECT
    rap_month AS event_month,
    partner_tadig,
    'rap' AS source,
    direction,
    COUNT(DISTINCT file_id) AS files,
    COUNT(DISTINCT file_id) AS records
  FROM intermediate.int_rap_files_classified
  WHERE
    rap_month BETWEEN @start_ds AND @end_ds AND NOT is_test
  GROUP BY
    rap_month,
    partner_tadig,
    direction
), nrtrde AS (
  SELECT
    event_month,
    partner_tadig,
    'nrtrde' AS source,
    direction,
    COUNT(DISTINCT file_id) AS files,
    COUNT(*) AS records
  FROM intermediate.int_nrtrde_events_timed
  WHERE
    event_month BETWEEN @start_ds AND @end_ds
  GROUP BY
    event_month,
    partner_tadig,
    direction
), probes AS (
  SELECT
    event_month,
    partner_tadig,
    'probe-xdr' AS source,
    direction,
    COUNT(DISTINCT file_id) AS files,
    COUNT(*) AS records
  FROM intermediate.int_xdr_attributed
  WHERE
    event_month BETWEEN @start_ds AND @end_ds AND NOT partner_tadig IS NULL
  GROUP BY
    event_month,
    partner_tadig,
    direction
), ipx AS (
  SELECT
    event_month,
    partner_tadig,
    'ipx-measurements' AS source,
    'both' AS direction,
    COUNT(DISTINCT file_id) AS files,
    COUNT(*) AS records
  FROM staging.stg_ipx_measurements
  WHERE
    event_month BETWEEN @start_ds AND @end_ds
  GROUP BY
    event_month,
    partner_tadig
), tests AS (
  SELECT
    event_month,
    partner_tadig,
    'active-tests' AS source,
    direction,
    COUNT(DISTINCT file_id) AS files,
    COUNT(*) AS records
  FROM staging.stg_active_tests
  WHERE
    event_month BETWEEN @start_ds AND @end_ds
  GROUP BY
    event_month,
    partner_tadig,
    direction
), sources AS (
  SELECT
    *
  FROM tap
  UNION ALL
  SELECT
    *
  FROM rap
  UNION ALL
  SELECT
    *
  FROM nrtrde
  UNION ALL
  SELECT
    *
  FROM probes
  UNION ALL
  SELECT
    *
  FROM ipx
  UNION ALL
  SELECT
    *
  FROM tests
)
SELECT
  event_month::DATE AS event_month,
  partner_tadig::TEXT AS partner_tadig,
  source::TEXT AS source,
  direction::TEXT AS direction,
  files::BIGINT AS files,
  records::BIGINT AS records
FROM sources