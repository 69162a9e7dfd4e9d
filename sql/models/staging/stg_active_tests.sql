MODEL (
  name staging.stg_active_tests,
  kind @view_kind,
  owner roaming_analytics,
  grain (file_id, test_time, partner_tadig, test_type),
  description 'Active (robot) test results per partner: voice calls, SMS and data sessions; names and units only.',
  column_descriptions (
    test_time = 'Time of the test, UTC',
    event_month = 'First day of the UTC month of the test',
    partner_tadig = 'TADIG code of the partner whose network was tested',
    direction = 'outbound (our test SIM in the partner network) or inbound',
    service = 'voice, sms or data',
    test_type = 'voice-mo, voice-mt, sms-mo, sms-mt or data-session',
    success = 'The call was set up, the SMS delivered or the session established',
    failure_cause = 'Why the test failed, as the test system words it',
    setup_time_ms = 'Call or session setup time, ms',
    mos = 'Speech quality, mean opinion score (1-5)',
    cli_delivered = 'The caller id arrived with the call',
    delivery_time_ms = 'SMS end-to-end delivery time, ms',
    file_id = 'Source file (raw.ingested_files.file_id)'
  )
);

WITH source AS (
  SELECT
    test_time,
    partner_tadig,
    direction,
    service,
    test_type,
    success,
    failure_cause,
    setup_time_ms,
    mos,
    cli_delivered,
    delivery_time_ms,
    file_id
  FROM raw.active_tests
)
SELECT
  test_time,
  DATE_TRUNC('MONTH', test_time)::DATE AS event_month,
  UPPER(partner_tadig) AS partner_tadig,
  LOWER(direction) AS direction,
  LOWER(service) AS service,
  LOWER(test_type) AS test_type,
  success,
  failure_cause,
  setup_time_ms,
  mos,
  cli_delivered,
  delivery_time_ms,
  file_id
FROM source