MODEL (
  name reference.kpi_catalogue,
  kind SEED (
    path '$root/../data/reference/kpi_catalogue.csv'
  ),
  owner roaming_analytics,
  grain kpi,
  description 'The KPIs roam computes, with source, numerator and denominator (data/reference/kpi_catalogue.csv).',
  columns (
    kpi TEXT,
    family TEXT,
    name TEXT,
    source TEXT,
    procedure TEXT,
    numerator TEXT,
    denominator TEXT,
    unit TEXT,
    higher_is_better BOOLEAN
  ),
  audits (
    UNIQUE_VALUES(columns = (
      kpi
    )),
    NOT_NULL(columns = (kpi, family, name, source, higher_is_better))
  )
)