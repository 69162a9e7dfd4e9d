MODEL (
  name intermediate.int_kpi_billing_monthly,
  kind @view_kind,
  owner roaming_analytics,
  grain (event_month, partner_tadig, direction, kpi, service, rat),
  description 'The billing KPIs of reference.kpi_catalogue in the shape every int_kpi_<family>_monthly model shares, one row per month, partner, direction and KPI (service all, rat all), from intermediate.int_billing_quality_aggregated: tap_timeliness (late events / events), tap_sequence_completeness (numbers received / received + missing), rap_fatal_return_rate (TAP files returned fatal / TAP files), rap_severe_return_rate (severe returns / events), rap_severe_return_value_rate (severe return value / TAP charge; not computed when the month mixes currencies), tap_audit_consistency (consistent batches / batches), nrtrde_within_4h (records within the threshold / records). A KPI has a row where its denominator is above zero. No targets or status here.',
  column_descriptions (
    event_month = 'First day of the month',
    partner_tadig = 'Partner TADIG',
    direction = 'outbound or inbound',
    kpi = 'KPI key of reference.kpi_catalogue',
    service = 'all (no billing KPI is per service)',
    rat = 'all (no billing KPI is per RAT)',
    numerator = 'What is counted (see the catalogue''s numerator)',
    denominator = 'Out of what (see the catalogue''s denominator)',
    excluded = 'Always 0: billing KPIs take nothing out of the denominator',
    value = 'numerator / denominator, 6 decimals',
    p50 = 'NULL: no billing KPI is a latency',
    p95 = 'NULL: no billing KPI is a latency',
    sample_size = 'What the catalogue''s min_sample is compared with: the denominator, in events for the value rate'
  ),
  audits (
    NOT_NULL(
      columns = (
        event_month,
        partner_tadig,
        direction,
        kpi,
        service,
        rat,
        numerator,
        denominator,
        value,
        sample_size
      )
    ),
    UNIQUE_COMBINATION_OF_COLUMNS(columns = (event_month, partner_tadig, direction, kpi, service, rat)),
    ACCEPTED_RANGE("column" = value, min_v = 0, max_v = 1),
    ACCEPTED_VALUES(
      "column" = kpi,
      is_in = (
        'tap_timeliness',
        'tap_sequence_completeness',
        'rap_fatal_return_rate',
        'rap_severe_return_rate',
        'rap_severe_return_value_rate',
        'tap_audit_consistency',
        'nrtrde_within_4h'
      )
    )
  )
);

WITH quality AS (
  SELECT
    event_month,
    partner_tadig,
    direction,
    tap_files,
    tap_events,
    tap_charge,
    tap_currency,
    tap_late_events,
    tap_sequence_numbers_received,
    tap_sequence_numbers_missing,
    tap_audited_files,
    tap_audit_consistent_files,
    tap_files_returned_fatal,
    rap_severe_returns,
    rap_severe_return_value,
    nrtrde_records,
    nrtrde_within_threshold
  FROM intermediate.int_billing_quality_aggregated
), measures AS (
  SELECT
    event_month,
    partner_tadig,
    direction,
    'tap_timeliness' AS kpi,
    tap_late_events::DECIMAL(38, 6) AS numerator,
    tap_events::DECIMAL(38, 6) AS denominator,
    tap_events AS sample_size
  FROM quality
  WHERE
    tap_events > 0
  UNION ALL
  SELECT
    event_month,
    partner_tadig,
    direction,
    'tap_sequence_completeness' AS kpi,
    tap_sequence_numbers_received::DECIMAL(38, 6) AS numerator,
    CAST(tap_sequence_numbers_received + tap_sequence_numbers_missing AS DECIMAL(38, 6)) AS denominator,
    tap_sequence_numbers_received + tap_sequence_numbers_missing AS sample_size
  FROM quality
  WHERE
    tap_sequence_numbers_received > 0
  UNION ALL
  SELECT
    event_month,
    partner_tadig,
    direction,
    'rap_fatal_return_rate' AS kpi,
    tap_files_returned_fatal::DECIMAL(38, 6) AS numerator,
    tap_files::DECIMAL(38, 6) AS denominator,
    tap_files AS sample_size
  FROM quality
  WHERE
    tap_files > 0
  UNION ALL
  SELECT
    event_month,
    partner_tadig,
    direction,
    'rap_severe_return_rate' AS kpi,
    rap_severe_returns::DECIMAL(38, 6) AS numerator,
    tap_events::DECIMAL(38, 6) AS denominator,
    tap_events AS sample_size
  FROM quality
  WHERE
    tap_events > 0
  UNION ALL
  SELECT
    event_month,
    partner_tadig,
    direction,
    'rap_severe_return_value_rate' AS kpi,
    rap_severe_return_value::DECIMAL(38, 6) AS numerator,
    tap_charge::DECIMAL(38, 6) AS denominator,
    tap_events AS sample_size
  FROM quality
  WHERE
    tap_charge > 0 AND tap_currency <> 'mixed'
  UNION ALL
  SELECT
    event_month,
    partner_tadig,
    direction,
    'tap_audit_consistency' AS kpi,
    tap_audit_consistent_files::DECIMAL(38, 6) AS numerator,
    tap_audited_files::DECIMAL(38, 6) AS denominator,
    tap_audited_files AS sample_size
  FROM quality
  WHERE
    tap_audited_files > 0
  UNION ALL
  SELECT
    event_month,
    partner_tadig,
    direction,
    'nrtrde_within_4h' AS kpi,
    nrtrde_within_threshold::DECIMAL(38, 6) AS numerator,
    nrtrde_records::DECIMAL(38, 6) AS denominator,
    nrtrde_records AS sample_size
  FROM quality
  WHERE
    nrtrde_records > 0
)
SELECT
  event_month::DATE AS event_month,
  partner_tadig::TEXT AS partner_tadig,
  direction::TEXT AS direction,
  kpi::TEXT AS kpi,
  'all'::TEXT AS service,
  'all'::TEXT AS rat,
  numerator::DECIMAL(38, 6) AS numerator,
  denominator::DECIMAL(38, 6) AS denominator,
  0::DECIMAL(38, 6) AS excluded,
  ROUND(numerator / denominator, 6)::DECIMAL(18, 6) AS value,
  NULL::DOUBLE AS p50,
  NULL::DOUBLE AS p95,
  sample_size::BIGINT AS sample_size
FROM measures