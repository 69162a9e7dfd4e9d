MODEL (
  name reference.sla_agreements,
  kind VIEW,
  owner roaming_analytics,
  grain (partner_tadig, direction, kpi, valid_from),
  description 'Agreed KPI targets per partner and direction with their validity, from the latest ingested sla_agreements.csv.',
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