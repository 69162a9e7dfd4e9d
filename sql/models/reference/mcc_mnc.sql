MODEL (
  name reference.mcc_mnc,
  kind @view_kind,
  owner roaming_analytics,
  grain mcc_mnc,
  description 'MCC-MNC codes, from the latest ingested mcc_mnc.csv.',
  column_descriptions (
    mcc = 'Mobile country code',
    mnc = 'Mobile network code, 2 or 3 digits',
    mcc_mnc = 'mcc || mnc: the IMSI prefix',
    country_name = 'Country',
    country_code = 'ISO country code',
    brand = 'Brand',
    operator = 'Operator',
    status = 'Operational status'
  ),
  audits (
    NOT_NULL(columns = (
      mcc_mnc
    ))
  )
);

SELECT
  mcc,
  mnc,
  mcc_mnc,
  country_name,
  country_code,
  brand,
  operator,
  status
FROM raw.reference_mcc_mnc