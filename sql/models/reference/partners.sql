MODEL (
  name reference.partners,
  kind SEED (
    path '$root/../data/reference/partners.csv'
  ),
  owner roaming_analytics,
  grain partner_tadig,
  description 'Roaming partners maintained by the roaming team (data/reference/partners.csv).',
  columns (
    partner_tadig TEXT,
    partner_name TEXT,
    country TEXT,
    mcc_mnc TEXT,
    operator_group TEXT,
    imsi_prefixes TEXT,
    msc_gt_prefixes TEXT,
    sgsn_gt_prefixes TEXT,
    diameter_realm TEXT,
    ipx_provider TEXT,
    tap_currency TEXT
  ),
  audits (
    UNIQUE_VALUES(columns = (
      partner_tadig
    )),
    NOT_NULL(columns = (partner_tadig, partner_name))
  )
)