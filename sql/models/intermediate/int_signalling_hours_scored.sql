MODEL (
  name intermediate.int_signalling_hours_scored,
  kind INCREMENTAL_BY_TIME_RANGE (
    time_column event_month
  ),
  owner roaming_analytics,
  grain (event_hour, partner_tadig, direction, procedure),
  description 'Requests per partner, direction, procedure (those of the catalogue row signalling_storm_hours) and UTC hour, against the partner''s own baseline: mean and standard deviation of the same hour of day over the prior 28 days (hours without requests count as 0; fewer days when the data starts later). An hour is a burst when its requests reach threshold x (mean + 1) and exceed mean + threshold x sd, with at least 7 days of history (threshold from the catalogue). A table by month; a month is computed from its own requests and those of the month before.',
  column_descriptions (
    event_hour = 'The UTC hour',
    event_month = 'First day of the UTC month of the hour',
    partner_tadig = 'Partner (given or attributed)',
    direction = 'outbound (the partner network signalling to our HLR/HSS) or inbound',
    procedure = 'Signalling procedure',
    requests = 'Requests in the hour',
    devices = 'Distinct subscribers (IMSIs) in the hour',
    failures = 'Requests that did not succeed',
    failure_share = 'failures / requests',
    baseline_days = 'Days of history the baseline rests on (at most 28)',
    baseline_mean = 'Mean requests of the same hour of day over the baseline days',
    baseline_sd = 'Standard deviation of the same',
    threshold = 'Catalogue threshold of signalling_storm_hours (multiplier)',
    is_burst = 'The hour is flagged as a burst'
  )
);

WITH catalogue AS (
  SELECT
    procedure,
    threshold
  FROM reference.kpi_catalogue
  WHERE
    kpi = 'signalling_storm_hours'
), hours AS (
  /* The months built and the one before them: the baseline looks back 28 days. */
  SELECT
    xdr.event_hour,
    xdr.partner_tadig,
    xdr.direction,
    xdr.procedure,
    COUNT(*) AS requests,
    COUNT(DISTINCT xdr.imsi) AS devices,
    COUNT(*) FILTER(WHERE
      NOT xdr.is_success) AS failures
  FROM intermediate.int_xdr_attributed AS xdr
  INNER JOIN catalogue
    ON @in_procedures(catalogue.procedure, xdr.procedure)
  WHERE
    NOT xdr.partner_tadig IS NULL
    AND xdr.event_month BETWEEN @start_ds::DATE - INTERVAL '1' MONTH AND @end_ds
  GROUP BY
    xdr.event_hour,
    xdr.partner_tadig,
    xdr.direction,
    xdr.procedure
), first_seen AS (
  /* From all months: how much history an hour's baseline rests on. */
  SELECT
    xdr.partner_tadig,
    xdr.direction,
    xdr.procedure,
    MIN(xdr.event_hour) AS first_hour
  FROM intermediate.int_xdr_attributed AS xdr
  INNER JOIN catalogue
    ON @in_procedures(catalogue.procedure, xdr.procedure)
  WHERE
    NOT xdr.partner_tadig IS NULL AND xdr.event_month <= @end_ds
  GROUP BY
    xdr.partner_tadig,
    xdr.direction,
    xdr.procedure
), history AS (
  SELECT
    hours.event_hour,
    hours.partner_tadig,
    hours.direction,
    hours.procedure,
    SUM(prior.requests) AS prior_sum,
    SUM(prior.requests * prior.requests) AS prior_sum_squares
  FROM hours
  LEFT JOIN hours AS prior
    ON prior.partner_tadig = hours.partner_tadig
    AND prior.direction = hours.direction
    AND prior.procedure = hours.procedure
    AND prior.event_hour < hours.event_hour
    AND prior.event_hour >= hours.event_hour - INTERVAL '28' DAY
    AND EXTRACT(HOUR FROM prior.event_hour) = EXTRACT(HOUR FROM hours.event_hour)
  GROUP BY
    hours.event_hour,
    hours.partner_tadig,
    hours.direction,
    hours.procedure
), baselined AS (
  SELECT
    hours.event_hour,
    hours.partner_tadig,
    hours.direction,
    hours.procedure,
    hours.requests,
    hours.devices,
    hours.failures,
    LEAST(28, DATE_DIFF('DAY', first_seen.first_hour::DATE, hours.event_hour::DATE)) AS baseline_days,
    COALESCE(history.prior_sum, 0) AS prior_sum,
    COALESCE(history.prior_sum_squares, 0) AS prior_sum_squares
  FROM hours
  INNER JOIN first_seen
    ON first_seen.partner_tadig = hours.partner_tadig
    AND first_seen.direction = hours.direction
    AND first_seen.procedure = hours.procedure
  LEFT JOIN history
    ON history.event_hour = hours.event_hour
    AND history.partner_tadig = hours.partner_tadig
    AND history.direction = hours.direction
    AND history.procedure = hours.procedure
), scored AS (
  SELECT
    baselined.event_hour,
    baselined.partner_tadig,
    baselined.direction,
    baselined.procedure,
    baselined.requests,
    baselined.devices,
    baselined.failures,
    baselined.baseline_days,
    CASE
      WHEN baselined.baseline_days > 0
      THEN baselined.prior_sum / baselined.baseline_days
    END AS baseline_mean,
    CASE
      WHEN baselined.baseline_days > 0
      THEN SQRT(
        GREATEST(
          baselined.prior_sum_squares / baselined.baseline_days - POWER(baselined.prior_sum / baselined.baseline_days, 2),
          0
        )
      )
    END AS baseline_sd,
    catalogue.threshold
  FROM baselined
  CROSS JOIN catalogue
)
SELECT
  event_hour::TIMESTAMP AS event_hour,
  DATE_TRUNC('MONTH', event_hour)::DATE AS event_month,
  partner_tadig,
  direction,
  procedure,
  requests::BIGINT AS requests,
  devices::BIGINT AS devices,
  failures::BIGINT AS failures,
  ROUND(failures::DECIMAL(38, 6) / requests, 6)::DECIMAL(18, 6) AS failure_share,
  baseline_days::INT AS baseline_days,
  ROUND(baseline_mean, 4)::DOUBLE AS baseline_mean,
  ROUND(baseline_sd, 4)::DOUBLE AS baseline_sd,
  threshold::DECIMAL(12, 4) AS threshold,
  COALESCE(
    baseline_days >= 7
    AND requests >= threshold * (
      baseline_mean + 1
    )
    AND requests > baseline_mean + threshold * baseline_sd,
    FALSE
  ) AS is_burst
FROM scored
WHERE
  event_hour >= @start_ds::DATE AND event_hour < @end_ds::DATE + INTERVAL '1' DAY