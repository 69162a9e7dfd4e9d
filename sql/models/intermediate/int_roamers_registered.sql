MODEL (
  name intermediate.int_roamers_registered,
  kind INCREMENTAL_BY_TIME_RANGE (
    time_column event_month
  ),
  owner roaming_analytics,
  grain (event_month, partner_tadig, imsi),
  description 'Our subscribers registered in a partner network per month (a successful registration procedure of the catalogue row silent_roamer_share, outbound), and whether the partner billed them any event that month in the TAP files it sent us. A table by month.',
  column_descriptions (
    event_month = 'First day of the UTC month',
    partner_tadig = 'Partner whose network they registered in (given or attributed)',
    imsi = 'Subscriber IMSI (this model is not for partners; the mart shows a keyed hash)',
    registrations = 'Successful registration procedures in the month',
    first_registered_at = 'First successful registration of the month, UTC',
    last_registered_at = 'Last successful registration of the month, UTC',
    billed_events = 'Call events of the subscriber in TAP files from the partner, that month',
    is_silent = 'Registered and never billed that month'
  )
);

WITH catalogue AS (
  SELECT
    procedure
  FROM reference.kpi_catalogue
  WHERE
    kpi = 'silent_roamer_share'
), registrations AS (
  SELECT
    xdr.event_month,
    xdr.partner_tadig,
    xdr.imsi,
    COUNT(*) AS registrations,
    MIN(xdr.event_time) AS first_registered_at,
    MAX(xdr.event_time) AS last_registered_at
  FROM intermediate.int_xdr_attributed AS xdr
  INNER JOIN catalogue
    ON @in_procedures(catalogue.procedure, xdr.procedure)
  WHERE
    xdr.direction = 'outbound'
    AND xdr.is_success
    AND NOT xdr.partner_tadig IS NULL
    AND xdr.event_month BETWEEN @start_ds AND @end_ds
  GROUP BY
    xdr.event_month,
    xdr.partner_tadig,
    xdr.imsi
), billed AS (
  SELECT
    event_month,
    partner_tadig,
    imsi,
    COUNT(*) AS billed_events
  FROM intermediate.int_tap_events_classified
  WHERE
    direction = 'outbound'
    AND NOT is_test
    AND event_month BETWEEN @start_ds AND @end_ds
  GROUP BY
    event_month,
    partner_tadig,
    imsi
)
SELECT
  registrations.event_month::DATE AS event_month,
  registrations.partner_tadig,
  registrations.imsi,
  registrations.registrations::BIGINT AS registrations,
  registrations.first_registered_at,
  registrations.last_registered_at,
  COALESCE(billed.billed_events, 0)::BIGINT AS billed_events,
  billed.billed_events IS NULL AS is_silent
FROM registrations
LEFT JOIN billed
  ON billed.event_month = registrations.event_month
  AND billed.partner_tadig = registrations.partner_tadig
  AND billed.imsi = registrations.imsi