MODEL (
  name reference.partners,
  kind @view_kind,
  owner roaming_analytics,
  grain partner_tadig,
  description 'Roaming partners, from the latest ingested partners.csv.',
  column_descriptions (
    partner_tadig = 'TADIG code, the key',
    partner_name = 'Name shown in reports',
    country = 'Country',
    mcc_mnc = 'MCC-MNC codes, ;-separated',
    operator_group = 'Operator group',
    imsi_prefixes = 'IMSI prefixes, ;-separated',
    msc_gt_prefixes = 'MSC/VLR Global Title prefixes, ;-separated',
    sgsn_gt_prefixes = 'SGSN Global Title prefixes, ;-separated',
    diameter_realm = 'Diameter realm(s), ;-separated',
    ipx_provider = 'IPX provider',
    tap_currency = 'TAP currency: SDR or an ISO code'
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
  mcc_mnc,
  operator_group,
  imsi_prefixes,
  msc_gt_prefixes,
  sgsn_gt_prefixes,
  diameter_realm,
  ipx_provider,
  tap_currency
FROM raw.reference_partners