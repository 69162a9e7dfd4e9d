-- Months that have KPIs, newest first.
SELECT DISTINCT strftime(event_month, '%Y-%m') AS month
FROM marts.fct_partner_kpi_monthly
ORDER BY month DESC
