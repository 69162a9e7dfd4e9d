MODEL (
  name marts.fct_silent_roamers_monthly,
  kind INCREMENTAL_BY_TIME_RANGE (
    time_column event_month
  ),
  owner roaming_analytics,
  grain (event_month, partner_tadig, subscriber_key),
  description 'Silent roamers: our subscribers registered in a partner network in a month with no billed event in that partner''s TAP files that month. One row per silent subscriber, keyed by a pseudonymous key (sha256 of the deployment key and the IMSI, never the IMSI), with the partner-month counts beside it.',
  column_descriptions (
    event_month = 'First day of the UTC month',
    partner_tadig = 'Partner whose network they registered in',
    partner_name = 'Partner name (the TADIG when the partner is not in reference.partners)',
    subscriber_key = 'Pseudonymous subscriber key: sha256 of the subscriber_key variable and the IMSI (the same subscriber has the same key across months)',
    registrations = 'Successful registrations of the subscriber in the month',
    first_registered_at = 'First successful registration of the month, UTC',
    last_registered_at = 'Last successful registration of the month, UTC',
    registered_subscribers = 'Subscribers registered in the partner network that month',
    silent_subscribers = 'Of them, never billed that month',
    silent_share = 'silent_subscribers / registered_subscribers'
  ),
  audits (
    NOT_NULL(columns = (event_month, partner_tadig, subscriber_key)),
    UNIQUE_COMBINATION_OF_COLUMNS(columns = (event_month, partner_tadig, subscriber_key)),
    ACCEPTED_RANGE("column" = silent_share, min_v = 0, max_v = 1)
  )
);

WITH registered AS (
  SELECT
    event_month,
    partner_tadig,
    imsi,
    registrations,
    first_registered_at,
    last_registered_at,
    is_silent
  FROM intermediate.int_roamers_registered
  WHERE
    event_month BETWEEN @start_ds AND @end_ds
), partners AS (
  SELECT
    partner_tadig,
    partner_name
  FROM reference.partners
), counts AS (
  SELECT
    event_month,
    partner_tadig,
    COUNT(*) AS registered_subscribers,
    COUNT(*) FILTER(WHERE
      is_silent) AS silent_subscribers
  FROM registered
  GROUP BY
    event_month,
    partner_tadig
)
SELECT
  registered.event_month::DATE AS event_month,
  registered.partner_tadig::TEXT AS partner_tadig,
  COALESCE(partners.partner_name, registered.partner_tadig)::TEXT AS partner_name,
  SHA256(@subscriber_key || registered.imsi)::TEXT AS subscriber_key,
  registered.registrations::BIGINT AS registrations,
  registered.first_registered_at::TIMESTAMP AS first_registered_at,
  registered.last_registered_at::TIMESTAMP AS last_registered_at,
  counts.registered_subscribers::BIGINT AS registered_subscribers,
  counts.silent_subscribers::BIGINT AS silent_subscribers,
  ROUND(counts.silent_subscribers::DECIMAL(38, 6) / counts.registered_subscribers, 6)::DECIMAL(18, 6) AS silent_share
FROM registered
INNER JOIN counts
  ON counts.event_month = registered.event_month
  AND counts.partner_tadig = registered.partner_tadig
LEFT JOIN partners
  ON partners.partner_tadig = registered.partner_tadig
WHERE
  registered.is_silent