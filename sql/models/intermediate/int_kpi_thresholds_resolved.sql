MODEL (
  name intermediate.int_kpi_thresholds_resolved,
  kind @view_kind,
  owner roaming_analytics,
  grain (kpi, partner_tadig, direction, event_month),
  description 'The one place that decides the threshold a KPI counts against (a share within or beyond a limit: tap_timeliness, nrtrde_within_4h, data_setup_within_2s, …), per partner, direction and month with TAP, NRTRDE or probe data: the agreement''s threshold (reference.sla_agreements, valid in the month: valid_from <= month < valid_to; the latest valid_from wins) where the partner has one, else the catalogue''s. Every KPI with a threshold in the catalogue or in an agreement has a row.',
  column_descriptions (
    kpi = 'KPI key of the catalogue (a KPI with a threshold)',
    partner_tadig = 'Partner',
    direction = 'outbound or inbound',
    event_month = 'First day of the month',
    threshold = 'The limit, in the unit of the catalogue''s threshold for the KPI (hours for the billing KPIs, ms for latency shares)',
    catalogue_threshold = 'The catalogue''s limit; NULL when only agreements set one',
    is_agreed = 'The limit comes from an agreement, not the catalogue'
  ),
  audits (
    NOT_NULL(columns = (kpi, partner_tadig, direction, event_month, threshold)),
    UNIQUE_COMBINATION_OF_COLUMNS(columns = (kpi, partner_tadig, direction, event_month))
  )
);

WITH agreements AS (
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
), catalogue AS (
  SELECT
    kpi,
    threshold
  FROM reference.kpi_catalogue
  WHERE
    NOT threshold IS NULL OR kpi IN (
      SELECT
        kpi
      FROM agreements
    )
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
), probe_months AS (
  SELECT DISTINCT
    partner_tadig,
    direction,
    event_month
  FROM intermediate.int_xdr_attributed
  WHERE
    NOT partner_tadig IS NULL
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
  UNION
  SELECT
    partner_tadig,
    direction,
    event_month
  FROM probe_months
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
    AND @in_force(agreements, months.event_month)
)
SELECT
  kpi,
  partner_tadig,
  direction,
  event_month,
  COALESCE(agreed_threshold, catalogue_threshold)::DECIMAL(12, 4) AS threshold,
  catalogue_threshold::DECIMAL(12, 4) AS catalogue_threshold,
  NOT agreed_threshold IS NULL AS is_agreed
FROM candidates
WHERE
  rank_in_month = 1 AND NOT COALESCE(agreed_threshold, catalogue_threshold) IS NULL