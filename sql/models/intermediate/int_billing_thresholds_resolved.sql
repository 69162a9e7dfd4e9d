MODEL (
  name intermediate.int_billing_thresholds_resolved,
  kind VIEW,
  owner roaming_analytics,
  grain (kpi, partner_tadig, direction, event_month),
  description 'The threshold (hours) each billing share KPI counts against, per partner, direction and month with TAP or NRTRDE events: the agreement''s threshold (reference.sla_agreements, valid in the month: valid_from <= month < valid_to; the latest valid_from wins) where the partner has one, else the catalogue''s.',
  column_descriptions (
    kpi = 'KPI key of the catalogue (a billing KPI with a threshold: tap_timeliness, nrtrde_within_4h)',
    partner_tadig = 'Partner',
    direction = 'outbound or inbound',
    event_month = 'First day of the month',
    threshold_hours = 'The limit, hours',
    catalogue_threshold_hours = 'The catalogue''s limit, hours',
    is_agreed = 'The limit comes from an agreement, not the catalogue'
  ),
  audits (
    NOT_NULL(columns = (kpi, partner_tadig, direction, event_month, threshold_hours)),
    UNIQUE_COMBINATION_OF_COLUMNS(columns = (kpi, partner_tadig, direction, event_month))
  )
);

WITH catalogue AS (
  SELECT
    kpi,
    threshold
  FROM reference.kpi_catalogue
  WHERE
    family = 'billing' AND NOT threshold IS NULL
), agreements AS (
  SELECT
    UPPER(partner_tadig) AS partner_tadig,
    LOWER(direction) AS direction,
    kpi,
    threshold,
    valid_from,
    valid_to
  FROM reference.sla_agreements
  WHERE
    NOT threshold IS NULL
), tap_months AS (
  SELECT DISTINCT
    partner_tadig,
    direction,
    event_month
  FROM intermediate.int_tap_events_classified
), nrtrde_months AS (
  SELECT DISTINCT
    files.partner_tadig,
    files.direction,
    events.event_month
  FROM staging.stg_nrtrde_events AS events
  INNER JOIN intermediate.int_nrtrde_files_classified AS files
    ON files.file_id = events.file_id
), months AS (
  SELECT
    partner_tadig,
    direction,
    event_month
  FROM tap_months
  UNION
  SELECT
    partner_tadig,
    direction,
    event_month
  FROM nrtrde_months
), candidates AS (
  SELECT
    catalogue.kpi,
    months.partner_tadig,
    months.direction,
    months.event_month,
    catalogue.threshold AS catalogue_threshold,
    agreements.threshold AS agreed_threshold,
    ROW_NUMBER() OVER (
      PARTITION BY catalogue.kpi, months.partner_tadig, months.direction, months.event_month
      ORDER BY agreements.valid_from DESC
    ) AS rank_in_month
  FROM months
  CROSS JOIN catalogue
  LEFT JOIN agreements
    ON agreements.kpi = catalogue.kpi
    AND agreements.partner_tadig = months.partner_tadig
    AND agreements.direction = months.direction
    AND months.event_month >= agreements.valid_from
    AND (
      agreements.valid_to IS NULL OR months.event_month < agreements.valid_to
    )
)
SELECT
  kpi,
  partner_tadig,
  direction,
  event_month,
  COALESCE(agreed_threshold, catalogue_threshold)::DECIMAL(12, 4) AS threshold_hours,
  catalogue_threshold::DECIMAL(12, 4) AS catalogue_threshold_hours,
  NOT agreed_threshold IS NULL AS is_agreed
FROM candidates
WHERE
  rank_in_month = 1