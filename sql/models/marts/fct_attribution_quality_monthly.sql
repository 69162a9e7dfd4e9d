MODEL (
  name marts.fct_attribution_quality_monthly,
  kind INCREMENTAL_BY_TIME_RANGE (
    time_column event_month
  ),
  owner roaming_analytics,
  grain (event_month, file_id, interface, direction),
  description 'Data quality of probe exports per source file, interface, direction and month: how the rows got their partner (given, by IMSI, GT, realm or serving PLMN) and how many no rule could attribute (left out of every KPI, never silently dropped), and result codes missing from the code table.',
  column_descriptions (
    event_month = 'First day of the UTC month',
    file_id = 'Source file (staging.stg_ingested_files.file_id)',
    file_name = 'Name of the source file',
    interface = 'MAP, Diameter, GTPv1 or GTPv2',
    direction = 'outbound or inbound',
    rows_total = 'Procedures in the file for the month, interface and direction',
    rows_given = 'Rows whose export named the partner',
    rows_by_imsi = 'Rows attributed by IMSI prefix',
    rows_by_gt = 'Rows attributed by serving-node GT prefix',
    rows_by_realm = 'Rows attributed by Diameter Origin-Realm',
    rows_by_plmn = 'Rows attributed by the GTPv2 Serving Network PLMN',
    rows_unattributed = 'Rows no rule could attribute: in no KPI',
    rows_unclassified = 'Rows whose result code is not in reference.cause_codes (counted as technical failures)',
    unattributed_share = 'rows_unattributed / rows_total'
  ),
  audits (
    NOT_NULL(columns = (event_month, file_id, interface, direction)),
    UNIQUE_COMBINATION_OF_COLUMNS(columns = (event_month, file_id, interface, direction)),
    ACCEPTED_RANGE("column" = unattributed_share, min_v = 0, max_v = 1)
  )
);

WITH procedures AS (
  SELECT
    event_month,
    file_id,
    interface,
    direction,
    attribution_method,
    failure_class
  FROM intermediate.int_xdr_attributed
  WHERE
    event_month BETWEEN @start_ds AND @end_ds
), files AS (
  SELECT
    file_id,
    file_name
  FROM staging.stg_ingested_files
), monthly AS (
  SELECT
    event_month,
    file_id,
    interface,
    direction,
    COUNT(*) AS rows_total,
    COUNT(*) FILTER(WHERE
      attribution_method = 'given') AS rows_given,
    COUNT(*) FILTER(WHERE
      attribution_method = 'imsi') AS rows_by_imsi,
    COUNT(*) FILTER(WHERE
      attribution_method = 'gt') AS rows_by_gt,
    COUNT(*) FILTER(WHERE
      attribution_method = 'realm') AS rows_by_realm,
    COUNT(*) FILTER(WHERE
      attribution_method = 'plmn') AS rows_by_plmn,
    COUNT(*) FILTER(WHERE
      attribution_method = 'none') AS rows_unattributed,
    COUNT(*) FILTER(WHERE
      failure_class = 'unclassified') AS rows_unclassified
  FROM procedures
  GROUP BY
    event_month,
    file_id,
    interface,
    direction
)
SELECT
  monthly.event_month::DATE AS event_month,
  monthly.file_id::TEXT AS file_id,
  files.file_name::TEXT AS file_name,
  monthly.interface::TEXT AS interface,
  monthly.direction::TEXT AS direction,
  monthly.rows_total::BIGINT AS rows_total,
  monthly.rows_given::BIGINT AS rows_given,
  monthly.rows_by_imsi::BIGINT AS rows_by_imsi,
  monthly.rows_by_gt::BIGINT AS rows_by_gt,
  monthly.rows_by_realm::BIGINT AS rows_by_realm,
  monthly.rows_by_plmn::BIGINT AS rows_by_plmn,
  monthly.rows_unattributed::BIGINT AS rows_unattributed,
  monthly.rows_unclassified::BIGINT AS rows_unclassified,
  ROUND(monthly.rows_unattributed::DECIMAL(38, 6) / monthly.rows_total, 6)::DECIMAL(18, 6) AS unattributed_share
FROM monthly
LEFT JOIN files
  ON files.file_id = monthly.file_id