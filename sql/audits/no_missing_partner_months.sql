AUDIT (
  name no_missing_partner_months,
  blocking FALSE
);

/* A partner with an agreement in force has KPI rows in every month that each feed has reached: a
   partner-month without any data, while every source of the catalogue (probe exports, active
   tests, IPX, TAP, RAP, NRTRDE) has delivered that month or a later one for others, is a gap in
   the feeds (an export or file missing), never a silent hole in a report. The latest months,
   which some source has not reached yet, are not checked. Not blocking: the build warns and
   names the partners and months. An audit reads only its model and the model parents. */
WITH feeds AS (
  SELECT
    catalogue.source,
    MAX(measures.event_month) AS latest
  FROM intermediate.int_kpi_measures_monthly AS measures
  INNER JOIN reference.kpi_catalogue AS catalogue
    ON catalogue.kpi = measures.kpi
  GROUP BY
    catalogue.source
), reached AS (
  SELECT
    MIN(latest) AS latest
  FROM feeds
  WHERE
    NOT latest IS NULL
), built AS (
  SELECT DISTINCT
    this.event_month
  FROM @this_model AS this
  CROSS JOIN reached
  WHERE
    this.event_month <= reached.latest
), present AS (
  SELECT DISTINCT
    partner_tadig,
    event_month
  FROM @this_model
), expected AS (
  SELECT DISTINCT
    agreements.partner_tadig,
    built.event_month
  FROM reference.sla_agreements AS agreements
  INNER JOIN built
    ON @in_force(agreements, built.event_month)
)
SELECT
  expected.partner_tadig,
  expected.event_month
FROM expected
LEFT JOIN present
  ON present.partner_tadig = expected.partner_tadig
  AND present.event_month = expected.event_month
WHERE
  present.partner_tadig IS NULL