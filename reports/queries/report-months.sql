-- Months that have signalling KPIs, newest first.
SELECT DISTINCT strftime(event_month, '%Y-%m') AS month
FROM marts.fct_signalling_success_monthly
ORDER BY month DESC
