MODEL (
  name reference.sla_targets,
  kind SEED (
    path '$root/../data/reference/sla_targets.csv'
  ),
  owner roaming_analytics,
  grain (partner_tadig, procedure),
  description 'Agreed success-rate target per partner and procedure (data/reference/sla_targets.csv).',
  columns (
    partner_tadig TEXT,
    procedure TEXT,
    target_success_rate DECIMAL(5, 4)
  ),
  audits (
    UNIQUE_COMBINATION_OF_COLUMNS(columns = (partner_tadig, procedure)),
    ACCEPTED_RANGE("column" = target_success_rate, min_v = 0, max_v = 1)
  )
)