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
    NOT_NULL(columns = (kpi, family, name, source, higher_is_better))
  )
);

SELECT
  kpi,
  family,
  name,
  source,
  procedure,
  numerator,
  denominator,
  unit,
  higher_is_better
FROM raw.reference_kpi_catalogue