MODEL (
  name marts.fct_usage_monthly,
  kind INCREMENTAL_BY_TIME_RANGE (
    time_column event_month
  ),
  owner roaming_analytics,
  grain (event_month, partner_tadig, direction, service, currency),
  description 'Roaming usage billed in TAP per partner, direction, service, currency and month: events, minutes, SMS, MB and charges, both directions (outbound = what the partner bills us for our subscribers in its network, inbound = what we bill the partner for its subscribers in ours), so the net position per partner is one query (sql/README.md). Money is exact: DECIMAL(38, 6) summed from each event''s integer and its file''s TapDecimalPlaces (0 to 6), in the TAP currency named in currency, never converted. Every call event of a commercial file counts as billed, copies sent twice included (see marts.fct_billing_quality_monthly). The service of an event is decided once, in staging.stg_tap_events.',
  column_descriptions (
    event_month = 'First day of the UTC month of the event start',
    partner_tadig = 'TADIG code of the roaming partner',
    direction = 'outbound or inbound',
    service = 'voice (MOC/MTC speech, VoLTE mobile sessions), sms (SMS MO/MT, IMS messaging), data (GPRS) or other (supplementary, service centre, VAS, content, location, CS data, fax)',
    currency = 'TAP currency of the charges (XDR = SDR, or the bilateral currency, e.g. EUR)',
    events = 'Call events',
    duration_seconds = 'Total duration of the events, seconds',
    minutes = 'Duration of the voice events, minutes (2 decimals); 0 for other services',
    sms = 'SMS events (the events of service sms)',
    data_volume_up_mb = 'Uploaded, MB (10^6 bytes), exact',
    data_volume_down_mb = 'Downloaded, MB (10^6 bytes), exact',
    charge = 'Invoiceable charge (TotalCharge basis), exact, in currency',
    scale = 'Largest TapDecimalPlaces of the files summed: the decimals of charge that can be non-zero',
    files = 'TAP files the events came from'
  ),
  audits (
    NOT_NULL(columns = (event_month, partner_tadig, direction, service, currency, charge)),
    UNIQUE_COMBINATION_OF_COLUMNS(columns = (event_month, partner_tadig, direction, service, currency)),
    ACCEPTED_VALUES("column" = direction, is_in = ('outbound', 'inbound')),
    ACCEPTED_VALUES("column" = service, is_in = ('voice', 'sms', 'data', 'other'))
  )
);

WITH events AS (
  SELECT
    file_id,
    event_month,
    partner_tadig,
    direction,
    service,
    currency,
    scale,
    duration_seconds,
    data_volume_up_mb,
    data_volume_down_mb,
    total_charge
  FROM intermediate.int_tap_events_classified
  WHERE
    NOT is_test AND event_month BETWEEN @start_ds AND @end_ds
), monthly AS (
  SELECT
    event_month,
    partner_tadig,
    direction,
    service,
    currency,
    COUNT(*) AS events,
    SUM(COALESCE(duration_seconds, 0)) AS duration_seconds,
    SUM(COALESCE(duration_seconds, 0)) FILTER(WHERE
      service = 'voice') AS voice_seconds,
    COUNT(*) FILTER(WHERE
      service = 'sms') AS sms,
    SUM(COALESCE(data_volume_up_mb, 0)) AS data_volume_up_mb,
    SUM(COALESCE(data_volume_down_mb, 0)) AS data_volume_down_mb,
    SUM(COALESCE(total_charge, 0)) AS charge,
    MAX(scale) AS scale,
    COUNT(DISTINCT file_id) AS files
  FROM events
  GROUP BY
    event_month,
    partner_tadig,
    direction,
    service,
    currency
)
SELECT
  event_month::DATE AS event_month,
  partner_tadig,
  direction,
  service,
  currency,
  events::BIGINT AS events,
  duration_seconds::BIGINT AS duration_seconds,
  ROUND(COALESCE(voice_seconds, 0)::DECIMAL(38, 2) / 60, 2)::DECIMAL(18, 2) AS minutes,
  sms::BIGINT AS sms,
  data_volume_up_mb::DECIMAL(38, 6) AS data_volume_up_mb,
  data_volume_down_mb::DECIMAL(38, 6) AS data_volume_down_mb,
  charge::DECIMAL(38, 6) AS charge,
  scale::INT AS scale,
  files::BIGINT AS files
FROM monthly