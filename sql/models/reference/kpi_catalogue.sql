MODEL (
  name reference.kpi_catalogue,
  kind VIEW,
  owner roaming_analytics,
  grain kpi,
  description 'The KPI catalogue, from the latest ingested kpi_catalogue.csv.',
  audits (
    UNIQUE_VALUES(columns = (
      kpi
    )),
    NOT_NULL(
      columns = (kpi, family, name, source, measure, unit, higher_is_better, min_sample)
    ),
    ACCEPTED_VALUES(
      "column" = family,
      is_in = (
        'registration',
        'authentication',
        'data',
        'voice',
        'sms',
        'ipx',
        'billing',
        'usage',
        'security'
      )
    ),
    ACCEPTED_VALUES(
      "column" = measure,
      is_in = (
        'success_rate',
        'technical_success_rate',
        'latency_p95',
        'share_within',
        'share_late',
        'share',
        'mean',
        'ratio',
        'count'
      )
    )
  )
);

SELECT
  kpi,
  family,
  name,
  source,
  measure,
  procedure,
  service,
  numerator,
  denominator,
  unit,
  higher_is_better,
  min_sample,
  threshold
FROM raw.reference_kpi_catalogue