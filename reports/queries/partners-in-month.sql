-- Partners with KPIs in the month ($month = 'YYYY-MM').
SELECT DISTINCT partner_tadig, partner_name
FROM marts.fct_partner_kpi_monthly
WHERE strftime(event_month, '%Y-%m') = $month
ORDER BY partner_tadig
