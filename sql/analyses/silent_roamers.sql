-- Silent roamers per partner and month: registered subscribers with no billed TAP event, and
-- their share (counts only: the mart keys subscribers by a pseudonym, never the IMSI).
-- Run: roam sql --file sql/analyses/silent_roamers.sql
SELECT
  event_month,
  partner_tadig,
  partner_name,
  count(*) AS silent_roamers,
  max(registered_subscribers) AS registered_subscribers,
  round(count(*) / max(registered_subscribers), 4) AS silent_share
FROM marts.fct_silent_roamers_monthly
GROUP BY event_month, partner_tadig, partner_name
ORDER BY event_month, partner_tadig;
