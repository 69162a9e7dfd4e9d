MODEL (
  name reference.partners,
  kind VIEW,
  owner roaming_analytics,
  grain partner_tadig,
  description 'Roaming partners, from the latest ingested partners.csv.',
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