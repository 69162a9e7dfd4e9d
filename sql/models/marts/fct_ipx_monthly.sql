MODEL (
  name marts.fct_ipx_monthly,
  kind INCREMENTAL_BY_TIME_RANGE (
    time_column event_month
  ),
  owner roaming_analytics,
  grain (event_month, ipx_provider, partner_tadig, traffic_class),
  description 'IPX quality per provider, partner, traffic class and month (GRQ extended to IPX: ITU-T Y.1540 style availability, round-trip delay, jitter and loss), against the partner agreement for the IPX KPIs.',
  column_descriptions (
    event_month = 'First day of the UTC month',
    ipx_provider = 'IPX provider that measured',
    partner_tadig = 'TADIG code of the roaming partner',
    partner_name = 'Partner name (the TADIG when the partner is not in reference.partners)',
    traffic_class = 'Traffic class (conversational, streaming, interactive, background, signalling)',
    intervals = 'Measurement intervals',
    probes_sent = 'Test packets sent',
    probes_answered = 'Test packets answered',
    availability = 'probes_answered / probes_sent',
    availability_target = 'Agreed target of ipx_availability; NULL without an agreement',
    availability_status = 'met, breached, insufficient-sample or no-target',
    rtd_avg_ms = 'Mean of the intervals mean round-trip delay, ms',
    rtd_p95_ms = '95th percentile of the intervals RTD p95, ms',
    rtd_p95_target = 'Agreed maximum of ipx_rtd_p95, ms',
    rtd_p95_status = 'met, breached, insufficient-sample or no-target',
    jitter_ms = 'Mean jitter of the intervals, ms',
    jitter_target = 'Agreed maximum of ipx_jitter, ms',
    jitter_status = 'met, breached, insufficient-sample or no-target',
    packet_loss_pct = 'Packet loss weighted by probes sent, percent',
    packet_loss_target = 'Agreed maximum of ipx_packet_loss, percent',
    packet_loss_status = 'met, breached, insufficient-sample or no-target'
  ),
  audits (
    NOT_NULL(columns = (event_month, ipx_provider, partner_tadig, traffic_class)),
    UNIQUE_COMBINATION_OF_COLUMNS(columns = (event_month, ipx_provider, partner_tadig, traffic_class)),
    ACCEPTED_RANGE("column" = availability, min_v = 0, max_v = 1)
  )
);

WITH measurements AS (
  SELECT
    event_month,
    ipx_provider,
    partner_tadig,
    traffic_class,
    probes_sent,
    probes_answered,
    rtd_avg_ms,
    rtd_p95_ms,
    jitter_ms,
    packet_loss_pct
  FROM staging.stg_ipx_measurements
  WHERE
    event_month BETWEEN @start_ds AND @end_ds
), catalogue AS (
  SELECT
    kpi,
    higher_is_better,
    min_sample
  FROM reference.kpi_catalogue
), agreements AS (
  SELECT
    partner_tadig,
    kpi,
    target,
    valid_from,
    valid_to
  FROM reference.sla_agreements
  WHERE
    direction = 'outbound'
), partners AS (
  SELECT
    partner_tadig,
    partner_name
  FROM reference.partners
), monthly AS (
  SELECT
    event_month,
    ipx_provider,
    partner_tadig,
    traffic_class,
    COUNT(*) AS intervals,
    SUM(probes_sent) AS probes_sent,
    SUM(probes_answered) AS probes_answered,
    AVG(rtd_avg_ms) AS rtd_avg_ms,
    @quantile(rtd_p95_ms, 0.95) AS rtd_p95_ms,
    AVG(jitter_ms) AS jitter_ms,
    SUM(packet_loss_pct * probes_sent) / NULLIF(SUM(probes_sent), 0) AS packet_loss_pct
  FROM measurements
  GROUP BY
    event_month,
    ipx_provider,
    partner_tadig,
    traffic_class
), targeted AS (
  /* One row per month, provider, partner and class, with each IPX KPI's target and catalogue rule. */
  SELECT
    monthly.event_month,
    monthly.ipx_provider,
    monthly.partner_tadig,
    monthly.traffic_class,
    monthly.intervals,
    monthly.probes_sent,
    monthly.probes_answered,
    ROUND(monthly.probes_answered::DECIMAL(38, 6) / NULLIF(monthly.probes_sent, 0), 6) AS availability,
    monthly.rtd_avg_ms,
    monthly.rtd_p95_ms,
    monthly.jitter_ms,
    monthly.packet_loss_pct,
    MAX(CASE WHEN catalogue.kpi = 'ipx_availability' THEN agreements.target END) AS availability_target,
    MAX(CASE WHEN catalogue.kpi = 'ipx_rtd_p95' THEN agreements.target END) AS rtd_p95_target,
    MAX(CASE WHEN catalogue.kpi = 'ipx_jitter' THEN agreements.target END) AS jitter_target,
    MAX(CASE WHEN catalogue.kpi = 'ipx_packet_loss' THEN agreements.target END) AS packet_loss_target,
    BOOL_AND(catalogue.higher_is_better::BOOLEAN) FILTER(WHERE
      catalogue.kpi = 'ipx_availability') AS availability_higher,
    BOOL_AND(catalogue.higher_is_better::BOOLEAN) FILTER(WHERE
      catalogue.kpi = 'ipx_rtd_p95') AS rtd_higher,
    BOOL_AND(catalogue.higher_is_better::BOOLEAN) FILTER(WHERE
      catalogue.kpi = 'ipx_jitter') AS jitter_higher,
    BOOL_AND(catalogue.higher_is_better::BOOLEAN) FILTER(WHERE
      catalogue.kpi = 'ipx_packet_loss') AS loss_higher,
    MAX(CASE WHEN catalogue.kpi = 'ipx_availability' THEN catalogue.min_sample END) AS availability_min,
    MAX(CASE WHEN catalogue.kpi = 'ipx_rtd_p95' THEN catalogue.min_sample END) AS rtd_min,
    MAX(CASE WHEN catalogue.kpi = 'ipx_jitter' THEN catalogue.min_sample END) AS jitter_min,
    MAX(CASE WHEN catalogue.kpi = 'ipx_packet_loss' THEN catalogue.min_sample END) AS loss_min
  FROM monthly
  INNER JOIN catalogue
    ON catalogue.kpi IN ('ipx_availability', 'ipx_rtd_p95', 'ipx_jitter', 'ipx_packet_loss')
  LEFT JOIN agreements
    ON agreements.partner_tadig = monthly.partner_tadig
    AND agreements.kpi = catalogue.kpi
    AND @in_force(agreements, monthly.event_month)
  GROUP BY
    monthly.event_month,
    monthly.ipx_provider,
    monthly.partner_tadig,
    monthly.traffic_class,
    monthly.intervals,
    monthly.probes_sent,
    monthly.probes_answered,
    monthly.rtd_avg_ms,
    monthly.rtd_p95_ms,
    monthly.jitter_ms,
    monthly.packet_loss_pct
)
SELECT
  targeted.event_month::DATE AS event_month,
  targeted.ipx_provider::TEXT AS ipx_provider,
  targeted.partner_tadig::TEXT AS partner_tadig,
  COALESCE(partners.partner_name, targeted.partner_tadig)::TEXT AS partner_name,
  targeted.traffic_class::TEXT AS traffic_class,
  targeted.intervals::BIGINT AS intervals,
  targeted.probes_sent::BIGINT AS probes_sent,
  targeted.probes_answered::BIGINT AS probes_answered,
  targeted.availability::DECIMAL(18, 6) AS availability,
  targeted.availability_target::DECIMAL(12, 4) AS availability_target,
  @kpi_status(
    targeted.availability,
    targeted.availability_target,
    targeted.availability_higher,
    targeted.probes_sent,
    targeted.availability_min
  )::TEXT AS availability_status,
  ROUND(targeted.rtd_avg_ms, 2)::DOUBLE AS rtd_avg_ms,
  ROUND(targeted.rtd_p95_ms, 2)::DOUBLE AS rtd_p95_ms,
  targeted.rtd_p95_target::DECIMAL(12, 4) AS rtd_p95_target,
  @kpi_status(
    targeted.rtd_p95_ms,
    targeted.rtd_p95_target,
    targeted.rtd_higher,
    targeted.intervals,
    targeted.rtd_min
  )::TEXT AS rtd_p95_status,
  ROUND(targeted.jitter_ms, 3)::DOUBLE AS jitter_ms,
  targeted.jitter_target::DECIMAL(12, 4) AS jitter_target,
  @kpi_status(
    targeted.jitter_ms,
    targeted.jitter_target,
    targeted.jitter_higher,
    targeted.intervals,
    targeted.jitter_min
  )::TEXT AS jitter_status,
  ROUND(targeted.packet_loss_pct, 4)::DOUBLE AS packet_loss_pct,
  targeted.packet_loss_target::DECIMAL(12, 4) AS packet_loss_target,
  @kpi_status(
    targeted.packet_loss_pct,
    targeted.packet_loss_target,
    targeted.loss_higher,
    targeted.probes_sent,
    targeted.loss_min
  )::TEXT AS packet_loss_status
FROM targeted
LEFT JOIN partners
  ON partners.partner_tadig = targeted.partner_tadig