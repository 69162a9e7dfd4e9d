MODEL (
  name intermediate.int_rap_files_classified,
  kind @view_kind,
  owner roaming_analytics,
  grain file_id,
  description 'RAP files with the direction of the TAP traffic they are about, decided against reference.home_network: a return batch we send (sender = our TADIG) returns TAP files the partner sent us, outbound; one the partner sends us returns our TAP files, inbound. An acknowledgement goes the other way round from the return batch it acknowledges: one the partner sends us acknowledges our returns, outbound. rap_month is the UTC month the RAP file was created.',
  column_descriptions (
    file_id = 'sha256 of the source file',
    sender = 'Sender TADIG',
    recipient = 'Recipient TADIG',
    direction = 'Direction of the returned TAP files: outbound (our subscribers abroad, TAP files the partner sent us) or inbound',
    partner_tadig = 'The other party',
    rap_file_sequence_number = 'RapFileSequenceNumber as sent',
    kind = 'rap-return-batch or rap-acknowledgement',
    is_return_batch = 'A return batch, not an acknowledgement',
    is_test = 'Test data',
    created_utc = 'Creation time, UTC',
    available_utc = 'Available time, UTC',
    rap_month = 'First day of the UTC month of the creation time (the available time when there is none)',
    scale = 'TapDecimalPlaces of the amounts',
    currency = 'TapCurrency, or XDR'
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
    rap_file_sequence_number,
    kind,
    is_return_batch,
    is_test,
    created_utc,
    available_utc,
    scale,
    currency
  FROM staging.stg_rap_files
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
    WHEN files.sender = home.home_tadig
    THEN CASE WHEN files.is_return_batch THEN 'outbound' ELSE 'inbound' END
    WHEN files.recipient = home.home_tadig
    THEN CASE WHEN files.is_return_batch THEN 'inbound' ELSE 'outbound' END
  END AS direction,
  CASE WHEN files.sender = home.home_tadig THEN files.recipient ELSE files.sender END AS partner_tadig,
  files.rap_file_sequence_number,
  files.kind,
  files.is_return_batch,
  files.is_test,
  files.created_utc,
  files.available_utc,
  DATE_TRUNC('MONTH', COALESCE(files.created_utc, files.available_utc))::DATE AS rap_month,
  files.scale,
  files.currency
FROM files
INNER JOIN home
  ON files.recipient = home.home_tadig OR files.sender = home.home_tadig