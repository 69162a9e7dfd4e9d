MODEL (
  name reference.iot_apns,
  kind @view_kind,
  owner roaming_analytics,
  grain apn,
  description 'APNs of the IoT segment, from the latest ingested iot_apns.csv.',
  column_descriptions (
    apn = 'APN network identifier, lower case',
    segment = 'Segment the APN belongs to: iot',
    description = 'What the APN is for'
  ),
  audits (UNIQUE_VALUES(columns = (
      apn
  )), NOT_NULL(columns = (apn, segment)))
);

SELECT
  LOWER(apn) AS apn,
  LOWER(segment) AS segment,
  description
FROM raw.reference_iot_apns