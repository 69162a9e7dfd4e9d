MODEL (
  name intermediate.int_kpi_measures_monthly,
  kind INCREMENTAL_BY_TIME_RANGE (
    time_column event_month
  ),
  owner roaming_analytics,
  grain (event_month, partner_tadig, direction, kpi, service, rat),
  description 'Every KPI value of every source family in one shape (int_kpi_<family>_monthly), before targets: the rows marts.fct_partner_kpi_monthly assesses. Rows without a partner are left out here (they are counted by the data-quality marts). A table by month, so that the trend band of the mart reads prior months without recomputing them.',
  column_descriptions (
    event_month = 'First day of the UTC month',
    partner_tadig = 'TADIG code of the roaming partner',
    direction = 'outbound (our subscribers in the partner network) or inbound (its subscribers in ours)',
    kpi = 'KPI key in reference.kpi_catalogue',
    service = 'Breakdown by service or traffic class; all for the whole KPI',
    rat = 'Breakdown by radio access type; all for the whole KPI',
    numerator = 'What is counted (see the catalogue); NULL for percentiles',
    denominator = 'Out of what; NULL for percentiles',
    excluded = 'User and policy failures taken out of a technical success rate; 0 elsewhere',
    value = 'The KPI value in the catalogue unit',
    p50 = 'Median, for latency KPIs',
    p95 = '95th percentile, for latency KPIs',
    sample_size = 'Observations the value rests on (compared with the catalogue min_sample)'
  )
);

/* The KPI models share one shape: the union lists their common columns, all of them. */
WITH unioned AS (
  @UNION(
    'all',
    intermediate.int_kpi_active_monthly,
    intermediate.int_kpi_ipx_monthly,
    intermediate.int_kpi_billing_monthly,
    intermediate.int_kpi_signalling_monthly,
    intermediate.int_kpi_usage_monthly
  )
)
SELECT
  event_month,
  partner_tadig,
  direction,
  kpi,
  service,
  rat,
  numerator,
  denominator,
  excluded,
  value,
  p50,
  p95,
  sample_size
FROM unioned
WHERE
  NOT partner_tadig IS NULL AND event_month BETWEEN @start_ds AND @end_ds