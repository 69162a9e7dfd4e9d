MODEL (
  name marts.fct_signalling_anomalies,
  kind INCREMENTAL_BY_TIME_RANGE (
    time_column event_month
  ),
  owner roaming_analytics,
  grain (event_hour, partner_tadig, direction, procedure),
  description 'Signalling requests per partner, direction, procedure and UTC hour against the partner''s own baseline (same hour of day over the prior 28 days), with bursts flagged (SAI / UpdateLocation storms): devices involved and failure share. Only hours with requests are listed; the rule is in intermediate.int_signalling_hours_scored, its threshold in the catalogue.',
  column_descriptions (
    event_hour = 'The UTC hour',
    event_month = 'First day of the UTC month of the hour',
    partner_tadig = 'Partner (given or attributed)',
    partner_name = 'Partner name (the TADIG when the partner is not in reference.partners)',
    direction = 'outbound (the partner network signalling to our HLR/HSS) or inbound',
    procedure = 'Signalling procedure',
    requests = 'Requests in the hour',
    devices = 'Distinct subscribers in the hour',
    failures = 'Requests that did not succeed',
    failure_share = 'failures / requests',
    baseline_days = 'Days of history the baseline rests on (at most 28)',
    baseline_mean = 'Mean requests of the same hour of day over the baseline days',
    baseline_sd = 'Standard deviation of the same',
    is_burst = 'The hour is flagged as a burst'
  ),
  audits (
    NOT_NULL(columns = (event_hour, partner_tadig, direction, procedure, is_burst)),
    UNIQUE_COMBINATION_OF_COLUMNS(columns = (event_hour, partner_tadig, direction, procedure)),
    ACCEPTED_RANGE("column" = failure_share, min_v = 0, max_v = 1)
  )
);

WITH scored AS (
  SELECT
    event_hour,
    event_month,
    partner_tadig,
    direction,
    procedure,
    requests,
    devices,
    failures,
    failure_share,
    baseline_days,
    baseline_mean,
    baseline_sd,
    is_burst
  FROM intermediate.int_signalling_hours_scored
  WHERE
    event_month BETWEEN @start_ds AND @end_ds
), partners AS (
  SELECT
    partner_tadig,
    partner_name
  FROM reference.partners
)
SELECT
  scored.event_hour,
  scored.event_month,
  scored.partner_tadig::TEXT AS partner_tadig,
  COALESCE(partners.partner_name, scored.partner_tadig)::TEXT AS partner_name,
  scored.direction::TEXT AS direction,
  scored.procedure::TEXT AS procedure,
  scored.requests,
  scored.devices,
  scored.failures,
  scored.failure_share,
  scored.baseline_days,
  scored.baseline_mean,
  scored.baseline_sd,
  scored.is_burst
FROM scored
LEFT JOIN partners
  ON partners.partner_tadig = scored.partner_tadig