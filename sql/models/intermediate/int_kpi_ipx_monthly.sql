MODEL (
  name intermediate.int_kpi_ipx_monthly,
  kind @view_kind,
  owner roaming_analytics,
  grain (event_month, partner_tadig, direction, kpi, service, rat),
  description 'IPX KPIs of the catalogue (source IPX measurements) per partner, traffic class and month, over every provider that measured the partner. IPX measurements have no direction: they are reported as outbound, the path from our network to the partner that the agreement covers.',
  column_descriptions (
    event_month = 'First day of the UTC month',
    partner_tadig = 'TADIG code of the roaming partner',
    direction = 'Always outbound (see the description)',
    kpi = 'KPI key in reference.kpi_catalogue',
    service = 'Traffic class, or all for every class together',
    rat = 'Always all',
    numerator = 'ipx_availability: probes answered; ipx_packet_loss: lost percent x probes sent; ipx_jitter: sum of interval jitter; ipx_rtd_p95: NULL',
    denominator = 'ipx_availability and ipx_packet_loss: probes sent; ipx_jitter: intervals; ipx_rtd_p95: NULL',
    excluded = 'Always 0',
    value = 'The KPI value: numerator / denominator, or for ipx_rtd_p95 the 95th percentile of the intervals RTD p95 (ms)',
    p50 = 'ipx_rtd_p95 only: median of the intervals mean RTD, ms',
    p95 = 'ipx_rtd_p95 only: 95th percentile of the intervals RTD p95, ms',
    sample_size = 'Probes sent (availability, loss) or intervals (RTD, jitter)'
  )
);

WITH measurements AS (
  SELECT
    event_month,
    partner_tadig,
    traffic_class,
    probes_sent,
    probes_answered,
    rtd_avg_ms,
    rtd_p95_ms,
    jitter_ms,
    packet_loss_pct
  FROM staging.stg_ipx_measurements
), catalogue AS (
  SELECT
    kpi
  FROM reference.kpi_catalogue
  WHERE
    source = 'IPX measurements'
), classes AS (
  SELECT
    event_month,
    partner_tadig,
    traffic_class AS service,
    probes_sent,
    probes_answered,
    rtd_avg_ms,
    rtd_p95_ms,
    jitter_ms,
    packet_loss_pct
  FROM measurements
  UNION ALL
  SELECT
    event_month,
    partner_tadig,
    'all' AS service,
    probes_sent,
    probes_answered,
    rtd_avg_ms,
    rtd_p95_ms,
    jitter_ms,
    packet_loss_pct
  FROM measurements
), monthly AS (
  SELECT
    event_month,
    partner_tadig,
    service,
    COUNT(*) AS intervals,
    SUM(probes_sent) AS probes_sent,
    SUM(probes_answered) AS probes_answered,
    SUM(packet_loss_pct * probes_sent) AS loss_weighted,
    SUM(jitter_ms) AS jitter_sum,
    @quantile(rtd_avg_ms, 0.5) AS rtd_p50,
    @quantile(rtd_p95_ms, 0.95) AS rtd_p95
  FROM classes
  GROUP BY
    event_month,
    partner_tadig,
    service
), shaped AS (
  SELECT
    monthly.event_month,
    monthly.partner_tadig,
    catalogue.kpi,
    monthly.service,
    CASE catalogue.kpi
      WHEN 'ipx_availability'
      THEN monthly.probes_answered
      WHEN 'ipx_packet_loss'
      THEN monthly.loss_weighted
      WHEN 'ipx_jitter'
      THEN monthly.jitter_sum
    END::DECIMAL(38, 6) AS numerator,
    CASE catalogue.kpi
      WHEN 'ipx_availability'
      THEN monthly.probes_sent
      WHEN 'ipx_packet_loss'
      THEN monthly.probes_sent
      WHEN 'ipx_jitter'
      THEN monthly.intervals
    END::DECIMAL(38, 6) AS denominator,
    CASE WHEN catalogue.kpi = 'ipx_rtd_p95' THEN monthly.rtd_p50 END AS p50,
    CASE WHEN catalogue.kpi = 'ipx_rtd_p95' THEN monthly.rtd_p95 END AS p95,
    CASE
      WHEN catalogue.kpi IN ('ipx_availability', 'ipx_packet_loss')
      THEN monthly.probes_sent
      ELSE monthly.intervals
    END AS sample_size
  FROM monthly
  CROSS JOIN catalogue
)
SELECT
  event_month::DATE AS event_month,
  partner_tadig,
  'outbound' AS direction,
  kpi,
  service,
  'all' AS rat,
  numerator,
  denominator,
  0::DECIMAL(38, 6) AS excluded,
  CASE
    WHEN kpi = 'ipx_rtd_p95'
    THEN ROUND(p95, 6)
    WHEN denominator > 0
    THEN ROUND(numerator / denominator, 6)
  END::DECIMAL(18, 6) AS value,
  ROUND(p50, 1)::DOUBLE AS p50,
  ROUND(p95, 1)::DOUBLE AS p95,
  sample_size::BIGINT AS sample_size
FROM shaped