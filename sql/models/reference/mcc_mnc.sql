MODEL (
  name reference.mcc_mnc,
  kind VIEW,
  owner roaming_analytics,
  grain mcc_mnc,
  description 'MCC-MNC codes, from the latest ingested mcc_mnc.csv.',
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