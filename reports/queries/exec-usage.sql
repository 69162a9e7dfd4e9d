-- Usage and charges per partner and direction (all services, exact money in the partner's
-- currency) against the month before.
WITH usage AS (
  SELECT
    partner_tadig,
    direction,
    currency,
    strftime(event_month, '%Y-%m') AS month,
    SUM(events) AS events,
    SUM(data_volume_up_mb + data_volume_down_mb) AS data_volume_mb,
    SUM(charge) AS charge,
    MAX(scale) AS scale
  FROM marts.fct_usage_monthly
  GROUP BY partner_tadig, direction, currency, event_month
), this_month AS (
  SELECT * FROM usage WHERE month = $month
), last_month AS (
  SELECT * FROM usage
  WHERE month = strftime(strptime($month || '-01', '%Y-%m-%d') - INTERVAL 1 MONTH, '%Y-%m')
)
SELECT
  partner.partner_name,
  this_month.partner_tadig,
  partner.region,
  this_month.direction,
  this_month.currency,
  this_month.events,
  this_month.data_volume_mb,
  this_month.charge,
  this_month.scale,
  last_month.charge AS previous_charge,
  CASE WHEN last_month.charge > 0
    THEN ROUND((this_month.charge - last_month.charge) / last_month.charge, 4) END AS change
FROM this_month
LEFT JOIN last_month USING (partner_tadig, direction, currency)
LEFT JOIN marts.dim_partner AS partner USING (partner_tadig)
ORDER BY this_month.direction DESC, partner.partner_name, this_month.partner_tadig, this_month.currency
