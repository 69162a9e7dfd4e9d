MODEL (
  name intermediate.int_nrtrde_files_classified,
  kind @view_kind,
  owner roaming_analytics,
  grain file_id,
  description 'NRTRDE files with their direction and partner, decided against reference.home_network as for TAP: a file the partner sends us (recipient = our TADIG) is about our subscribers abroad, outbound; a file we send, inbound. Files between two other networks are left out.',
  column_descriptions (
    file_id = 'sha256 of the source file',
    sender = 'Sender TADIG',
    recipient = 'Recipient TADIG',
    direction = 'outbound (the partner sends us) or inbound (we send)',
    partner_tadig = 'The other party',
    sequence_number = 'SequenceNumber as sent',
    file_sequence = 'SequenceNumber as an integer',
    file_available_utc = 'FileAvailableTimeStamp, UTC',
    call_events_count = 'CallEventsCount as sent'
  ),
  audits (
    NOT_NULL(columns = (file_id, direction, partner_tadig)),
    UNIQUE_VALUES(columns = (
      file_id
    )),
    ACCEPTED_VALUES("column" = direction, is_in = ('outbound', 'inbound'))
  )
);

WITH files AS (
  SELECT
    file_id,
    sender,
    recipient,
    sequence_number,
    file_sequence,
    file_available_utc,
    call_events_count
  FROM staging.stg_nrtrde_files
), home AS (
  SELECT
    UPPER(home_tadig) AS home_tadig
  FROM reference.home_network
)
SELECT
  files.file_id,
  files.sender,
  files.recipient,
  CASE
    WHEN files.recipient = home.home_tadig
    THEN 'outbound'
    WHEN files.sender = home.home_tadig
    THEN 'inbound'
  END AS direction,
  CASE
    WHEN files.recipient = home.home_tadig
    THEN files.sender
    ELSE files.recipient
  END AS partner_tadig,
  files.sequence_number,
  files.file_sequence,
  files.file_available_utc,
  files.call_events_count
FROM files
INNER JOIN home
  ON files.recipient = home.home_tadig OR files.sender = home.home_tadig