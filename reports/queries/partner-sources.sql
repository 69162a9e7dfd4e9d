-- Files and records each source held for the partner and month (data coverage).
SELECT source, direction, files, records
FROM marts.fct_partner_sources_monthly
WHERE partner_tadig = $partner AND strftime(event_month, '%Y-%m') = $month
ORDER BY source, direction DESC
