-- Silent roamers of the partner: counts per month, last 12 months up to $month. Counts only:
-- no subscriber key leaves the warehouse.
SELECT
  strftime(event_month, '%Y-%m') AS month,
  MAX(registered_subscribers) AS registered_subscribers,
  MAX(silent_subscribers) AS silent_subscribers,
  MAX(silent_share) AS silent_share
FROM marts.fct_silent_roamers_monthly
WHERE partner_tadig = $partner
  AND strftime(event_month, '%Y-%m') <= $month
  AND event_month > strptime($month || '-01', '%Y-%m-%d')::DATE - INTERVAL '12' MONTH
GROUP BY event_month
ORDER BY month
