MODEL (
  name marts.fct_kpi_reconciliation,
  kind INCREMENTAL_BY_TIME_RANGE (
    time_column event_month
  ),
  owner roaming_analytics,
  grain (event_month, partner_tadig, direction, kpi, service, rat),
  description 'The partner''s measurement of each KPI against ours, for every month in which the partner sent us a KPI exchange file: directions in our terms (their outbound is our inbound), the difference, the catalogue''s tolerance and a status. Status: only-theirs (they measured a KPI we have no row of), only-ours (we have a row they sent nothing for), disagree (the values differ by more than the tolerance, or one side has no value), target-differs (the values agree but the target they hold is not ours), agree.',
  column_descriptions (
    event_month = 'First day of the UTC month',
    partner_tadig = 'The partner',
    partner_name = 'Partner name from reference.partners (the TADIG when the partner is not in it)',
    direction = 'Our direction: outbound (our subscribers in the partner network) or inbound (its subscribers in ours)',
    their_direction = 'The direction as the partner wrote it, from its side (the mirror of direction)',
    kpi = 'KPI key in reference.kpi_catalogue',
    kpi_name = 'KPI name from the catalogue (the key when the catalogue lacks it)',
    ir42_parameter = 'The IR.42 parameter the KPI implements, from the catalogue',
    unit = 'Unit of the values, the difference and the targets (the catalogue''s; the partner''s for a KPI not in it)',
    service = 'Breakdown by service or IPX traffic class; all for the whole KPI',
    rat = 'Breakdown by radio access type; all for the whole KPI',
    our_value = 'Our value (marts.fct_partner_kpi_monthly)',
    their_value = 'Their value, from their file',
    difference = 'their_value - our_value, in the unit of the KPI',
    tolerance = 'The catalogue''s tolerance of the KPI (0 when it has none)',
    tolerance_kind = 'absolute (in the unit) or relative (a fraction of our value)',
    allowed_difference = 'The largest difference that still agrees, in the unit: the tolerance, or the tolerance times our value''s magnitude when relative',
    our_target = 'The target we hold for the month (reference.sla_agreements)',
    their_target = 'The target the partner holds, from its file',
    our_sample_size = 'Observations our value rests on',
    their_sample_size = 'Observations their value rests on',
    their_source = 'How they measured: probe, active-test, tap, rap, nrtrde or ipx',
    their_file = 'The partner''s file the row comes from (the latest it sent for the month)',
    status = 'agree, disagree, only-ours, only-theirs or target-differs',
    status_order = 'Order of concern for reports: disagree 1, only-theirs 2, only-ours 3, target-differs 4, agree 5'
  ),
  audits (
    NOT_NULL(
      columns = (event_month, partner_tadig, partner_name, direction, kpi, service, rat, status)
    ),
    UNIQUE_COMBINATION_OF_COLUMNS(columns = (event_month, partner_tadig, direction, kpi, service, rat)),
    ACCEPTED_VALUES(
      "column" = status,
      is_in = ('agree', 'disagree', 'only-ours', 'only-theirs', 'target-differs')
    ),
    ACCEPTED_VALUES("column" = direction, is_in = ('outbound', 'inbound'))
  )
);

WITH ours AS (
  SELECT
    event_month,
    partner_tadig,
    direction,
    kpi,
    service,
    rat,
    value,
    target,
    sample_size
  FROM marts.fct_partner_kpi_monthly
  WHERE
    event_month BETWEEN @start_ds AND @end_ds
), theirs AS (
  SELECT
    event_month,
    partner_tadig,
    direction,
    their_direction,
    kpi,
    service,
    rat,
    unit,
    value,
    target,
    sample_size,
    measurement_source,
    file_name
  FROM intermediate.int_kpi_exchange_mirrored
  WHERE
    event_month BETWEEN @start_ds AND @end_ds
), files AS (
  SELECT
    sender_tadig,
    event_month
  FROM staging.stg_kpi_exchange_files
  WHERE
    event_month BETWEEN @start_ds AND @end_ds
), catalogue AS (
  SELECT
    kpi,
    name,
    unit,
    ir42_parameter,
    tolerance,
    tolerance_kind
  FROM reference.kpi_catalogue
), partners AS (
  SELECT
    partner_tadig,
    partner_name
  FROM reference.partners
), exchanged AS (
  /* The partner-months a file came for: only those are reconciled. */
  SELECT DISTINCT
    sender_tadig AS partner_tadig,
    event_month
  FROM files
), ours_exchanged AS (
  SELECT
    ours.*
  FROM ours
  INNER JOIN exchanged
    ON exchanged.partner_tadig = ours.partner_tadig
    AND exchanged.event_month = ours.event_month
), paired AS (
  SELECT
    COALESCE(ours_exchanged.event_month, theirs.event_month) AS event_month,
    COALESCE(ours_exchanged.partner_tadig, theirs.partner_tadig) AS partner_tadig,
    COALESCE(ours_exchanged.direction, theirs.direction) AS direction,
    COALESCE(ours_exchanged.kpi, theirs.kpi) AS kpi,
    COALESCE(ours_exchanged.service, theirs.service) AS service,
    COALESCE(ours_exchanged.rat, theirs.rat) AS rat,
    NOT ours_exchanged.kpi IS NULL AS has_ours,
    NOT theirs.kpi IS NULL AS has_theirs,
    ours_exchanged.value AS our_value,
    theirs.value AS their_value,
    ours_exchanged.target AS our_target,
    theirs.target AS their_target,
    ours_exchanged.sample_size AS our_sample_size,
    theirs.sample_size AS their_sample_size,
    theirs.unit AS their_unit,
    theirs.measurement_source AS their_source,
    theirs.file_name AS their_file
  FROM ours_exchanged
  FULL OUTER JOIN theirs
    ON theirs.event_month = ours_exchanged.event_month
    AND theirs.partner_tadig = ours_exchanged.partner_tadig
    AND theirs.direction = ours_exchanged.direction
    AND theirs.kpi = ours_exchanged.kpi
    AND theirs.service = ours_exchanged.service
    AND theirs.rat = ours_exchanged.rat
), compared AS (
  SELECT
    paired.*,
    COALESCE(partners.partner_name, paired.partner_tadig) AS partner_name,
    COALESCE(catalogue.name, paired.kpi) AS kpi_name,
    catalogue.ir42_parameter,
    COALESCE(catalogue.unit, paired.their_unit) AS unit,
    COALESCE(catalogue.tolerance, 0) AS tolerance,
    COALESCE(catalogue.tolerance_kind, 'absolute') AS tolerance_kind,
    paired.their_value - paired.our_value AS difference,
    CASE
      WHEN catalogue.tolerance_kind = 'relative'
      THEN COALESCE(catalogue.tolerance, 0) * ABS(paired.our_value)
      ELSE COALESCE(catalogue.tolerance, 0)
    END AS allowed_difference
  FROM paired
  LEFT JOIN catalogue
    ON catalogue.kpi = paired.kpi
  LEFT JOIN partners
    ON partners.partner_tadig = paired.partner_tadig
), assessed AS (
  SELECT
    compared.*,
    CASE
      WHEN NOT has_ours
      THEN 'only-theirs'
      WHEN NOT has_theirs
      THEN 'only-ours'
      WHEN our_value IS NULL AND their_value IS NULL
      THEN CASE
        WHEN our_target IS DISTINCT FROM their_target
        THEN 'target-differs'
        ELSE 'agree'
      END
      WHEN our_value IS NULL OR their_value IS NULL OR ABS(difference) > allowed_difference
      THEN 'disagree'
      WHEN our_target IS DISTINCT FROM their_target
      THEN 'target-differs'
      ELSE 'agree'
    END AS status
  FROM compared
)
SELECT
  event_month::DATE AS event_month,
  partner_tadig::TEXT AS partner_tadig,
  partner_name::TEXT AS partner_name,
  direction::TEXT AS direction,
  (
    CASE direction WHEN 'outbound' THEN 'inbound' ELSE 'outbound' END
  )::TEXT AS their_direction,
  kpi::TEXT AS kpi,
  kpi_name::TEXT AS kpi_name,
  ir42_parameter::TEXT AS ir42_parameter,
  unit::TEXT AS unit,
  service::TEXT AS service,
  rat::TEXT AS rat,
  our_value::DECIMAL(18, 6) AS our_value,
  their_value::DECIMAL(18, 6) AS their_value,
  difference::DECIMAL(18, 6) AS difference,
  tolerance::DECIMAL(12, 4) AS tolerance,
  tolerance_kind::TEXT AS tolerance_kind,
  allowed_difference::DECIMAL(18, 6) AS allowed_difference,
  our_target::DECIMAL(12, 4) AS our_target,
  their_target::DECIMAL(12, 4) AS their_target,
  our_sample_size::BIGINT AS our_sample_size,
  their_sample_size::BIGINT AS their_sample_size,
  their_source::TEXT AS their_source,
  their_file::TEXT AS their_file,
  status::TEXT AS status,
  (
    CASE status
      WHEN 'disagree'
      THEN 1
      WHEN 'only-theirs'
      THEN 2
      WHEN 'only-ours'
      THEN 3
      WHEN 'target-differs'
      THEN 4
      ELSE 5
    END
  )::INT AS status_order
FROM assessed