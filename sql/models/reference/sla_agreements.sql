MODEL (
  name reference.sla_agreements,
  kind @view_kind,
  owner roaming_analytics,
  grain (partner_tadig, direction, kpi, valid_from),
  description 'Agreed KPI targets per partner and direction with their validity, from the latest ingested sla_agreements.csv.',
  column_descriptions (
    partner_tadig = 'Partner',
    direction = 'outbound or inbound',
    kpi = 'KPI key of the catalogue',
    target = 'Agreed target (ratios as fractions, 4 decimals)',
    valid_from = 'First day the target applies',
    valid_to = 'First day it no longer applies; NULL while it runs',
    threshold = 'The agreed limit of a share_within / share_late KPI, when it differs from the catalogue''s'
  ),
  audits (
    UNIQUE_COMBINATION_OF_COLUMNS(columns = (partner_tadig, direction, kpi, valid_from)),
    NOT_NULL(columns = (partner_tadig, direction, kpi, target, valid_from))
  )
);

SELECT
  partner_tadig,
  direction,
  kpi,
  target,
  valid_from,
  valid_to,
  threshold
FROM raw.reference_sla_agreements