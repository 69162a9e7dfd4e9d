MODEL (
  name marts.dim_partner,
  kind @view_kind,
  owner roaming_analytics,
  grain partner_tadig,
  description 'Roaming partners as reports and analysts name them, with the identifiers used to attribute probe rows to them. region is the ITU-T E.212 geographic zone of the first MCC (its first digit).',
  column_descriptions (
    partner_tadig = 'TADIG code, the key',
    partner_name = 'Name shown in reports',
    country = 'Country of the partner network',
    region = 'Geographic zone of the first MCC (ITU-T E.212): Europe, North America and the Caribbean, Asia and the Middle East, Oceania, Africa, South and Central America, or International',
    mcc_mnc = 'MCC-MNC codes, ;-separated',
    operator_group = 'Operator group the partner belongs to',
    imsi_prefixes = 'IMSI prefixes of its subscribers, ;-separated',
    msc_gt_prefixes = 'MSC/VLR Global Title prefixes, ;-separated',
    sgsn_gt_prefixes = 'SGSN Global Title prefixes, ;-separated',
    diameter_realm = 'Diameter realm(s), ;-separated',
    ipx_provider = 'IPX provider the partner is reached through',
    tap_currency = 'Currency of its TAP files (SDR or an ISO code)'
  ),
  audits (
    UNIQUE_VALUES(columns = (
      partner_tadig
    )),
    NOT_NULL(columns = (partner_tadig, partner_name))
  )
);

SELECT
  partner_tadig,
  partner_name,
  country,
  CASE LEFT(mcc_mnc, 1)
    WHEN '2'
    THEN 'Europe'
    WHEN '3'
    THEN 'North America and the Caribbean'
    WHEN '4'
    THEN 'Asia and the Middle East'
    WHEN '5'
    THEN 'Oceania'
    WHEN '6'
    THEN 'Africa'
    WHEN '7'
    THEN 'South and Central America'
    WHEN '9'
    THEN 'International'
  END AS region,
  mcc_mnc,
  operator_group,
  imsi_prefixes,
  msc_gt_prefixes,
  sgsn_gt_prefixes,
  diameter_realm,
  ipx_provider,
  tap_currency
FROM reference.partners