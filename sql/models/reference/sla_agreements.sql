MODEL (
  name reference.sla_agreements,
  kind SEED (
    path '$root/../data/reference/sla_agreements.csv'
  ),
  owner roaming_analytics,
  grain (partner_tadig, direction, kpi, valid_from),
  description 'Agreed KPI targets per partner and direction, with their validity (data/reference/sla_agreements.csv).',
  columns (
    partner_tadig TEXT,
    direction TEXT,
    kpi TEXT,
    target DECIMAL(9, 4),
    valid_from DATE,
    valid_to DATE
  ),
  audits (
    UNIQUE_COMBINATION_OF_COLUMNS(columns = (partner_tadig, direction, kpi, valid_from)),
    NOT_NULL(columns = (partner_tadig, direction, kpi, target, valid_from))
  )
)