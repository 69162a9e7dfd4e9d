MODEL (
  name intermediate.int_xdr_attributed,
  kind INCREMENTAL_BY_TIME_RANGE (
    time_column event_month
  ),
  owner roaming_analytics,
  grain (file_id, event_time, imsi, procedure),
  description 'Probe procedures with a partner: the TADIG the export gave, else attributed from reference.partners: inbound rows by the IMSI (longest imsi_prefixes match), outbound MAP and GTPv1 rows by the serving node Global Title (longest msc_gt_prefixes / sgsn_gt_prefixes match), outbound Diameter rows by the Origin-Realm (diameter_realm), outbound GTPv2 rows by the Serving Network PLMN (mcc_mnc); list entries are split on ; and trimmed. Rows nothing attributes keep a NULL partner and method none (counted in marts.fct_attribution_quality_monthly). A table by month: every probe mart reads it, so the attribution runs once per month.',
  column_descriptions (
    event_time = 'Request time, UTC',
    event_month = 'First day of the UTC month of the request',
    event_hour = 'The UTC hour of the request',
    partner_tadig = 'TADIG code of the partner, given or attributed; NULL when none matches',
    attribution_method = 'given (the export named the partner), imsi, gt, realm, plmn, or none',
    direction = 'outbound or inbound',
    interface = 'MAP, Diameter, GTPv1 or GTPv2',
    procedure = 'Signalling procedure',
    imsi = 'Subscriber IMSI',
    result_code = 'Result code as delivered',
    cause_name = 'Name of the result code; NULL when unclassified',
    failure_class = 'success, technical, user, policy or unclassified',
    is_success = 'The procedure succeeded',
    is_technical_failure = 'A technical failure (unclassified codes included)',
    latency_ms = 'Response time minus request time, ms',
    rat_type = 'Radio access type; NULL when not given',
    routing = 'Data sessions: home-routed, local-breakout or regional-breakout',
    apn = 'Data sessions: the APN',
    file_id = 'Source file'
  )
);

WITH procedures AS (
  SELECT
    event_time,
    event_month,
    event_hour,
    partner_tadig,
    direction,
    interface,
    procedure,
    imsi,
    result_code,
    cause_name,
    failure_class,
    is_success,
    is_technical_failure,
    latency_ms,
    rat_type,
    routing,
    apn,
    serving_node_gt,
    origin_realm,
    serving_plmn,
    file_id
  FROM intermediate.int_xdr_classified
  WHERE
    event_month BETWEEN @start_ds AND @end_ds
), partners AS (
  SELECT
    partner_tadig,
    imsi_prefixes,
    msc_gt_prefixes,
    sgsn_gt_prefixes,
    diameter_realm,
    mcc_mnc
  FROM reference.partners
), identifiers AS (
  SELECT
    partner_tadig,
    'imsi' AS method,
    @list_entries(imsi_prefixes) AS prefix
  FROM partners
  UNION ALL
  SELECT
    partner_tadig,
    'gt' AS method,
    @list_entries(msc_gt_prefixes) AS prefix
  FROM partners
  UNION ALL
  SELECT
    partner_tadig,
    'gt' AS method,
    @list_entries(sgsn_gt_prefixes) AS prefix
  FROM partners
  UNION ALL
  SELECT
    partner_tadig,
    'realm' AS method,
    @list_entries(LOWER(diameter_realm)) AS prefix
  FROM partners
  UNION ALL
  SELECT
    partner_tadig,
    'plmn' AS method,
    @list_entries(mcc_mnc) AS prefix
  FROM partners
), keyed AS (
  /* Which rule can name the partner of a row, and the identifier it reads (realm and PLMN match whole, IMSI and GT by the longest prefix). */
  SELECT
    procedures.*,
    CASE
      WHEN NOT partner_tadig IS NULL
      THEN 'given'
      WHEN direction = 'inbound'
      THEN 'imsi'
      WHEN interface IN ('MAP', 'GTPv1')
      THEN 'gt'
      WHEN interface = 'Diameter'
      THEN 'realm'
      WHEN interface = 'GTPv2'
      THEN 'plmn'
    END AS method,
    CASE
      WHEN NOT partner_tadig IS NULL
      THEN NULL
      WHEN direction = 'inbound'
      THEN imsi
      WHEN interface IN ('MAP', 'GTPv1')
      THEN serving_node_gt
      WHEN interface = 'Diameter'
      THEN origin_realm
      WHEN interface = 'GTPv2'
      THEN serving_plmn
    END AS identifier
  FROM procedures
), candidates AS (
  SELECT DISTINCT
    method,
    identifier
  FROM keyed
  WHERE
    method <> 'given' AND NOT identifier IS NULL
), matches AS (
  SELECT
    candidates.method,
    candidates.identifier,
    identifiers.partner_tadig,
    ROW_NUMBER() OVER (
      PARTITION BY candidates.method, candidates.identifier
      ORDER BY LENGTH(identifiers.prefix) DESC, identifiers.partner_tadig
    ) AS preference
  FROM candidates
  INNER JOIN identifiers
    ON identifiers.method = candidates.method
    AND identifiers.prefix <> ''
    AND (
      (
        candidates.method IN ('realm', 'plmn')
        AND candidates.identifier = identifiers.prefix
      )
      OR (
        NOT candidates.method IN ('realm', 'plmn')
        AND LEFT(candidates.identifier, LENGTH(identifiers.prefix)) = identifiers.prefix
      )
    )
), best AS (
  SELECT
    method,
    identifier,
    partner_tadig
  FROM matches
  WHERE
    preference = 1
)
SELECT
  keyed.event_time,
  keyed.event_month,
  keyed.event_hour,
  COALESCE(keyed.partner_tadig, best.partner_tadig) AS partner_tadig,
  CASE
    WHEN keyed.method = 'given'
    THEN 'given'
    WHEN NOT best.partner_tadig IS NULL
    THEN keyed.method
    ELSE 'none'
  END AS attribution_method,
  keyed.direction,
  keyed.interface,
  keyed.procedure,
  keyed.imsi,
  keyed.result_code,
  keyed.cause_name,
  keyed.failure_class,
  keyed.is_success,
  keyed.is_technical_failure,
  keyed.latency_ms,
  keyed.rat_type,
  keyed.routing,
  keyed.apn,
  keyed.file_id
FROM keyed
LEFT JOIN best
  ON best.method = keyed.method AND best.identifier = keyed.identifier