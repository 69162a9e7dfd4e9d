MODEL (
  name reference.home_network,
  kind @view_kind,
  owner roaming_analytics,
  grain home_tadig,
  description 'Our own network, from the latest ingested home_network.csv.',
  column_descriptions (
    home_tadig = 'Our TADIG code',
    home_name = 'Our network name',
    country = 'Country',
    mcc_mnc = 'Our MCC-MNC'
  ),
  audits (UNIQUE_VALUES(columns = (
      home_tadig
    )), NOT_NULL(columns = (
      home_tadig
  )))
);

SELECT
  home_tadig,
  home_name,
  country,
  mcc_mnc
FROM raw.reference_home_network