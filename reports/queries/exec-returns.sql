-- RAP returns of the month by direction and currency: the value returned, exact.
SELECT
  direction,
  tap_currency AS currency,
  SUM(rap_fatal_returns) AS fatal_returns,
  SUM(rap_fatal_return_value) AS fatal_value,
  SUM(rap_severe_returns) AS severe_returns,
  SUM(rap_severe_return_value) AS severe_value
FROM marts.fct_billing_quality_monthly
WHERE strftime(event_month, '%Y-%m') = $month
  AND (rap_fatal_returns > 0 OR rap_severe_returns > 0)
GROUP BY direction, tap_currency
ORDER BY direction DESC, currency
