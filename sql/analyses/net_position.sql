-- Net position per partner and currency for a month: what we bill the partner for its
-- subscribers in our network, less what it bills us for ours in its network (exact DECIMALs, in
-- the TAP currency, never converted).
-- Run: roam sql --file sql/analyses/net_position.sql --param month=2026-10
SELECT
  partner_tadig,
  currency,
  SUM(charge) FILTER (WHERE direction = 'inbound') AS we_bill,
  SUM(charge) FILTER (WHERE direction = 'outbound') AS we_are_billed,
  SUM(CASE WHEN direction = 'inbound' THEN charge ELSE -charge END) AS net_position
FROM marts.fct_usage_monthly
WHERE strftime(event_month, '%Y-%m') = $month
GROUP BY partner_tadig, currency
ORDER BY partner_tadig, currency;
