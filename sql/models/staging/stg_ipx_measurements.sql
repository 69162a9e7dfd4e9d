MODEL (
  name staging.stg_ipx_measurements,
  kind @view_kind,
  owner roaming_analytics,
  grain (file_id, interval_start, ipx_provider, partner_tadig, traffic_class),
  description 'IPX measurements per provider, partner, traffic class and interval; names and units only.',
  column_descriptions (
    interval_start = 'Start of the measurement interval, UTC',
    event_month = 'First day of the UTC month of the interval',
    interval_minutes = 'Length of the interval, minutes',
    ipx_provider = 'IPX provider that measured',
    partner_tadig = 'TADIG code of the roaming partner reached through the provider',
    traffic_class = 'Traffic class (conversational, streaming, interactive, background, signalling)',
    probes_sent = 'Test packets sent in the interval',
    probes_answered = 'Test packets answered in the interval',
    rtd_avg_ms = 'Mean round-trip delay of the interval, ms',
    rtd_p95_ms = '95th percentile round-trip delay of the interval, ms',
    jitter_ms = 'Delay variation of the interval, ms',
    packet_loss_pct = 'Packets lost in the interval, percent',
    file_id = 'Source file (raw.ingested_files.file_id)'
  )
);

WITH source AS (
  SELECT
    interval_start,
    interval_minutes,
    ipx_provider,
    partner_tadig,
    traffic_class,
    probes_sent,
    probes_answered,
    rtd_avg_ms,
    rtd_p95_ms,
    jitter_ms,
    packet_loss_pct,
    file_id
  FROM raw.ipx_measurements
)
SELECT
  interval_start,
  DATE_TRUNC('MONTH', interval_start)::DATE AS event_month,
  interval_minutes,
  ipx_provider,
  UPPER(partner_tadig) AS partner_tadig,
  LOWER(traffic_class) AS traffic_class,
  probes_sent,
  probes_answered,
  rtd_avg_ms,
  rtd_p95_ms,
  jitter_ms,
  packet_loss_pct,
  file_id
FROM source