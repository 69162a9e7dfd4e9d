MODEL (
  name reference.home_network,
  kind SEED (
    path '$root/../data/reference/home_network.csv'
  ),
  owner roaming_analytics,
  grain home_tadig,
  description 'Our own network (data/reference/home_network.csv), one row.',
  columns (
    home_tadig TEXT,
    home_name TEXT,
    country TEXT,
    mcc_mnc TEXT
  ),
  audits (NOT_NULL(columns = (
      home_tadig
    )), UNIQUE_VALUES(columns = (
      home_tadig
  )))
)