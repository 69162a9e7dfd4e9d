MODEL (
  name staging.stg_tap_audit,
  kind @view_kind,
  owner roaming_analytics,
  grain file_id,
  description 'TAP AuditControlInfo as sent, one row per transfer batch that has one: totals as exact DECIMAL beside their integers and scale.',
  column_descriptions (
    file_id = 'sha256 of the source file (raw.ingested_files.file_id)',
    sender = 'Sender TADIG',
    recipient = 'Recipient TADIG',
    file_sequence_number = 'FileSequenceNumber, 5 digits',
    earliest_call_utc = 'EarliestCallTimeStamp, UTC',
    latest_call_utc = 'LatestCallTimeStamp, UTC',
    total_charge = 'TotalCharge in currency, exact (TAP 3.10: the charge type 00 entry of TotalChargeValueList)',
    total_charge_integer = 'TotalCharge as the integer sent',
    total_charge_refund = 'TotalChargeRefund in currency, exact',
    total_charge_refund_integer = 'TotalChargeRefund as the integer sent',
    total_tax_value = 'TotalTaxValue in currency, exact',
    total_tax_value_integer = 'TotalTaxValue as the integer sent',
    total_tax_refund = 'TotalTaxRefund in currency, exact',
    total_tax_refund_integer = 'TotalTaxRefund as the integer sent',
    total_discount_value = 'TotalDiscountValue in currency, exact',
    total_discount_value_integer = 'TotalDiscountValue as the integer sent',
    total_discount_refund = 'TotalDiscountRefund in currency, exact',
    total_discount_refund_integer = 'TotalDiscountRefund as the integer sent',
    call_event_details_count = 'CallEventDetailsCount',
    scale = 'TapDecimalPlaces: amounts are integer / 10^scale',
    currency = 'TapCurrency, or XDR (SDR) when the file has none'
  )
);

WITH source AS (
  SELECT
    sender,
    recipient,
    file_sequence_number,
    earliest_call_utc,
    latest_call_utc,
    total_charge,
    total_charge_refund,
    total_tax_value,
    total_tax_refund,
    total_discount_value,
    total_discount_refund,
    call_event_details_count,
    scale,
    currency,
    file_id
  FROM raw.tap_audit
)
SELECT
  source.file_id,
  UPPER(source.sender) AS sender,
  UPPER(source.recipient) AS recipient,
  source.file_sequence_number,
  source.earliest_call_utc,
  source.latest_call_utc,
  CAST(source.total_charge::DECIMAL(38, 0) * CAST(POWER(10, -source.scale) AS DECIMAL(7, 6)) AS DECIMAL(38, 6)) AS total_charge,
  source.total_charge AS total_charge_integer,
  CAST(source.total_charge_refund::DECIMAL(38, 0) * CAST(POWER(10, -source.scale) AS DECIMAL(7, 6)) AS DECIMAL(38, 6)) AS total_charge_refund,
  source.total_charge_refund AS total_charge_refund_integer,
  CAST(source.total_tax_value::DECIMAL(38, 0) * CAST(POWER(10, -source.scale) AS DECIMAL(7, 6)) AS DECIMAL(38, 6)) AS total_tax_value,
  source.total_tax_value AS total_tax_value_integer,
  CAST(source.total_tax_refund::DECIMAL(38, 0) * CAST(POWER(10, -source.scale) AS DECIMAL(7, 6)) AS DECIMAL(38, 6)) AS total_tax_refund,
  source.total_tax_refund AS total_tax_refund_integer,
  CAST(source.total_discount_value::DECIMAL(38, 0) * CAST(POWER(10, -source.scale) AS DECIMAL(7, 6)) AS DECIMAL(38, 6)) AS total_discount_value,
  source.total_discount_value AS total_discount_value_integer,
  CAST(source.total_discount_refund::DECIMAL(38, 0) * CAST(POWER(10, -source.scale) AS DECIMAL(7, 6)) AS DECIMAL(38, 6)) AS total_discount_refund,
  source.total_discount_refund AS total_discount_refund_integer,
  source.call_event_details_count,
  source.scale,
  source.currency
FROM source