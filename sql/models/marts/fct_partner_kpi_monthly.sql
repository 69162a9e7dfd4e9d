MODEL (
  name marts.fct_partner_kpi_monthly,
  kind INCREMENTAL_BY_TIME_RANGE (
    time_column event_month
  ),
  owner roaming_analytics,
  grain (event_month, partner_tadig, direction, kpi, service, rat),
  description 'Every KPI of the catalogue per month, partner, direction (and service / traffic class and RAT where the KPI has them, with all rows for the whole), against the partner agreement: status, margin, last month and a trend band from the prior six months.',
  column_descriptions (
    event_month = 'First day of the UTC month',
    partner_tadig = 'TADIG code of the roaming partner',
    partner_name = 'Partner name from reference.partners (the TADIG when the partner is not in it)',
    direction = 'outbound (our subscribers in the partner network) or inbound (its subscribers in ours)',
    kpi = 'KPI key in reference.kpi_catalogue',
    kpi_name = 'KPI name from the catalogue',
    family = 'KPI family from the catalogue',
    unit = 'Unit of value, target and margin (ratio, ms, MOS, percent, count)',
    service = 'Breakdown by service or IPX traffic class; all for the whole KPI',
    rat = 'Breakdown by radio access type; all for the whole KPI',
    numerator = 'What is counted (catalogue numerator); NULL for percentiles',
    denominator = 'Out of what (catalogue denominator); NULL for percentiles',
    excluded = 'User and policy failures taken out of a technical success rate (GRQ counts only the partner network failing); 0 elsewhere',
    value = 'The KPI value',
    p50 = 'Median, for latency KPIs',
    p95 = '95th percentile, for latency KPIs',
    sample_size = 'Observations the value rests on',
    min_sample = 'Catalogue minimum sample: below it the status is insufficient-sample',
    higher_is_better = 'A value must be at least (true) or at most (false) its target',
    target = 'Agreed target for the month from reference.sla_agreements; NULL without an agreement',
    status = 'met, breached, insufficient-sample or no-target',
    margin = 'Distance to the target in the KPI unit, positive when better than the target; NULL without a target',
    previous_value = 'The value of the month before; NULL when there was none',
    band_months = 'Prior months (of the six before) with a value',
    band_mean = 'Mean of the values of the prior six months; NULL with fewer than three',
    band_sd = 'Sample standard deviation of the same values',
    band_low = 'band_mean - 2 band_sd',
    band_high = 'band_mean + 2 band_sd',
    outside_band = 'The value lies outside the trend band; NULL without a band',
    trend = 'improving (outside the trend band on the better side), worsening (outside it on the worse side) or steady (inside it); NULL without a band'
  ),
  audits (
    NOT_NULL(
      columns = (event_month, partner_tadig, partner_name, direction, kpi, service, rat, status)
    ),
    UNIQUE_COMBINATION_OF_COLUMNS(columns = (event_month, partner_tadig, direction, kpi, service, rat)),
    ACCEPTED_VALUES("column" = status, is_in = ('met', 'breached', 'insufficient-sample', 'no-target')),
    ACCEPTED_VALUES("column" = direction, is_in = ('outbound', 'inbound')),
    no_missing_partner_months
  )
);

WITH measures AS (
  SELECT
    event_month,
    partner_tadig,
    direction,
    kpi,
    service,
    rat,
    numerator,
    denominator,
    excluded,
    value,
    p50,
    p95,
    sample_size
  FROM intermediate.int_kpi_measures_monthly
  WHERE
    event_month BETWEEN @start_ds::DATE - INTERVAL @trend_months MONTH AND @end_ds
), catalogue AS (
  SELECT
    kpi,
    name,
    family,
    unit,
    higher_is_better,
    min_sample
  FROM reference.kpi_catalogue
), agreements AS (
  SELECT
    partner_tadig,
    direction,
    kpi,
    target,
    valid_from,
    valid_to
  FROM reference.sla_agreements
), partners AS (
  SELECT
    partner_tadig,
    partner_name
  FROM reference.partners
), current_months AS (
  SELECT
    event_month,
    partner_tadig,
    direction,
    kpi,
    service,
    rat,
    numerator,
    denominator,
    excluded,
    value,
    p50,
    p95,
    sample_size
  FROM measures
  WHERE
    event_month BETWEEN @start_ds AND @end_ds
), bands AS (
  SELECT
    current_months.event_month,
    current_months.partner_tadig,
    current_months.direction,
    current_months.kpi,
    current_months.service,
    current_months.rat,
    COUNT(prior.value) AS band_months,
    AVG(prior.value)::DECIMAL(24, 12) AS band_mean,
    STDDEV_SAMP(prior.value)::DECIMAL(24, 12) AS band_sd,
    MAX(
      CASE
        WHEN prior.event_month = current_months.event_month - INTERVAL '1' MONTH
        THEN prior.value
      END
    ) AS previous_value
  FROM current_months
  INNER JOIN measures AS prior
    ON prior.partner_tadig = current_months.partner_tadig
    AND prior.direction = current_months.direction
    AND prior.kpi = current_months.kpi
    AND prior.service = current_months.service
    AND prior.rat = current_months.rat
    AND prior.event_month < current_months.event_month
    AND prior.event_month >= current_months.event_month - INTERVAL @trend_months MONTH
  GROUP BY
    current_months.event_month,
    current_months.partner_tadig,
    current_months.direction,
    current_months.kpi,
    current_months.service,
    current_months.rat
), assessed AS (
  SELECT
    current_months.event_month,
    current_months.partner_tadig,
    COALESCE(partners.partner_name, current_months.partner_tadig) AS partner_name,
    current_months.direction,
    current_months.kpi,
    catalogue.name AS kpi_name,
    catalogue.family,
    catalogue.unit,
    current_months.service,
    current_months.rat,
    current_months.numerator,
    current_months.denominator,
    current_months.excluded,
    current_months.value,
    current_months.p50,
    current_months.p95,
    current_months.sample_size,
    catalogue.min_sample,
    catalogue.higher_is_better,
    agreements.target,
    COALESCE(bands.band_months, 0) AS band_months,
    CASE WHEN bands.band_months >= 3 THEN bands.band_mean END AS band_mean,
    CASE WHEN bands.band_months >= 3 THEN COALESCE(bands.band_sd, 0) END AS band_sd,
    bands.previous_value
  FROM current_months
  INNER JOIN catalogue
    ON catalogue.kpi = current_months.kpi
  LEFT JOIN partners
    ON partners.partner_tadig = current_months.partner_tadig
  LEFT JOIN agreements
    ON agreements.partner_tadig = current_months.partner_tadig
    AND agreements.direction = current_months.direction
    AND agreements.kpi = current_months.kpi
    AND @in_force(agreements, current_months.event_month)
  LEFT JOIN bands
    ON bands.event_month = current_months.event_month
    AND bands.partner_tadig = current_months.partner_tadig
    AND bands.direction = current_months.direction
    AND bands.kpi = current_months.kpi
    AND bands.service = current_months.service
    AND bands.rat = current_months.rat
)
SELECT
  event_month::DATE AS event_month,
  partner_tadig::TEXT AS partner_tadig,
  partner_name::TEXT AS partner_name,
  direction::TEXT AS direction,
  kpi::TEXT AS kpi,
  kpi_name::TEXT AS kpi_name,
  family::TEXT AS family,
  unit::TEXT AS unit,
  service::TEXT AS service,
  rat::TEXT AS rat,
  numerator::DECIMAL(38, 6) AS numerator,
  denominator::DECIMAL(38, 6) AS denominator,
  excluded::DECIMAL(38, 6) AS excluded,
  value::DECIMAL(18, 6) AS value,
  p50::DOUBLE AS p50,
  p95::DOUBLE AS p95,
  sample_size::BIGINT AS sample_size,
  min_sample::INT AS min_sample,
  higher_is_better::BOOLEAN AS higher_is_better,
  target::DECIMAL(12, 4) AS target,
  @kpi_status(value, target, higher_is_better, sample_size, min_sample)::TEXT AS status,
  (
    CASE WHEN NOT target IS NULL THEN @kpi_margin(value, target, higher_is_better) END
  )::DECIMAL(18, 6) AS margin,
  previous_value::DECIMAL(18, 6) AS previous_value,
  band_months::INT AS band_months,
  ROUND(band_mean, 6)::DECIMAL(18, 6) AS band_mean,
  ROUND(band_sd, 6)::DECIMAL(18, 6) AS band_sd,
  ROUND(band_mean - 2 * band_sd, 6)::DECIMAL(18, 6) AS band_low,
  ROUND(band_mean + 2 * band_sd, 6)::DECIMAL(18, 6) AS band_high,
  (
    value < band_mean - 2 * band_sd OR value > band_mean + 2 * band_sd
  )::BOOLEAN AS outside_band,
  (
    CASE
      WHEN value IS NULL OR band_mean IS NULL
      THEN NULL
      WHEN value > band_mean + 2 * band_sd
      THEN CASE WHEN higher_is_better THEN 'improving' ELSE 'worsening' END
      WHEN value < band_mean - 2 * band_sd
      THEN CASE WHEN higher_is_better THEN 'worsening' ELSE 'improving' END
      ELSE 'steady'
    END
  )::TEXT AS trend
FROM assessed