AUDIT (
  name no_missing_partner_months
);

WITH built AS (
  SELECT DISTINCT
    event_month
  FROM @this_model
), present AS (
  SELECT DISTINCT
    partner_tadig,
    event_month
  FROM @this_model
), expected AS (
  SELECT DISTINCT
    agreements.partner_tadig,
    built.event_month
  FROM reference.sla_agreements AS agreements
  INNER JOIN built
    ON built.event_month >= agreements.valid_from
    AND (
      agreements.valid_to IS NULL OR built.event_month < agreements.valid_to
    )
)
SELECT
  expected.partner_tadig,
  expected.event_month
FROM expected
LEFT JOIN present
  ON present.partner_tadig = expected.partner_tadig
  AND present.event_month = expected.event_month
WHERE
  present.partner_tadig IS NULL