-- Usage and charges per region (ITU-T E.212 zone), direction and currency, against the month before.
WITH usage AS (
  SELECT
    COALESCE(partner.region, 'unknown') AS region,
    facts.direction,
    facts.currency,
    strftime(facts.event_month, '%Y-%m') AS month,
    COUNT(DISTINCT facts.partner_tadig) AS partners,
    SUM(facts.events) AS events,
    SUM(facts.charge) AS charge,
    MAX(facts.scale) AS scale
  FROM marts.fct_usage_monthly AS facts
  LEFT JOIN marts.dim_partner AS partner USING (partner_tadig)
  GROUP BY ALL
), this_month AS (
  SELECT * FROM usage WHERE month = $month
), last_month AS (
  SELECT * FROM usage
  WHERE month = strftime(strptime($month || '-01', '%Y-%m-%d') - INTERVAL 1 MONTH, '%Y-%m')
)
SELECT
  this_month.region,
  this_month.direction,
  this_month.currency,
  this_month.partners,
  this_month.events,
  this_month.charge,
  this_month.scale,
  last_month.charge AS previous_charge,
  CASE WHEN last_month.charge > 0
    THEN ROUND((this_month.charge - last_month.charge) / last_month.charge, 4) END AS change
FROM this_month
LEFT JOIN last_month USING (region, direction, currency)
ORDER BY this_month.direction DESC, this_month.region, this_month.currency
