MODEL (
  name staging.stg_tap_taxes,
  kind @view_kind,
  owner roaming_analytics,
  grain (file_id, record_index, item_path),
  description 'TAP tax information, one row per tax: amounts as exact DECIMAL beside their integer and scale, the rate as a percentage.',
  column_descriptions (
    file_id = 'sha256 of the source file (raw.ingested_files.file_id)',
    record_index = 'Record the tax belongs to',
    sender = 'Sender TADIG',
    recipient = 'Recipient TADIG',
    file_sequence_number = 'FileSequenceNumber, 5 digits',
    charge_information_index = 'Position of the ChargeInformation in the record',
    item_path = 'Where in the record the item sits',
    scale = 'TapDecimalPlaces: amounts are integer / 10^scale',
    currency = 'TapCurrency, or XDR (SDR) when the file has none',
    refund = 'A refund: counts toward TotalTaxRefund instead of TotalTaxValue',
    tax_code = 'TaxCode',
    tax_type = 'TaxType from the Taxation table',
    tax_rate_sent = 'TaxRate as sent (5 implied decimals)',
    tax_rate_percent = 'TaxRate in percent (1750000 sent = 17.5), exact; NULL when not a number',
    tax_value = 'TaxValue in currency, exact',
    tax_value_integer = 'TaxValue as the integer sent',
    taxable_amount = 'TaxableAmount in currency, exact',
    taxable_amount_integer = 'TaxableAmount as the integer sent',
    charge_type = 'ChargeType the tax applies to (TAP 3.10)'
  )
);

WITH source AS (
  SELECT
    sender,
    recipient,
    file_sequence_number,
    record_index,
    charge_information_index,
    item_path,
    scale,
    currency,
    refund,
    tax_code,
    tax_type,
    tax_rate,
    tax_value,
    taxable_amount,
    charge_type,
    file_id
  FROM raw.tap_taxes
)
SELECT
  source.file_id,
  source.record_index,
  UPPER(source.sender) AS sender,
  UPPER(source.recipient) AS recipient,
  source.file_sequence_number,
  source.charge_information_index,
  source.item_path,
  source.scale,
  source.currency,
  source.refund,
  source.tax_code,
  source.tax_type,
  source.tax_rate AS tax_rate_sent,
  CAST(TRY_CAST(source.tax_rate AS BIGINT)::DECIMAL(38, 0) * 0.00001::DECIMAL(6, 5) AS DECIMAL(18, 5)) AS tax_rate_percent,
  CAST(source.tax_value::DECIMAL(38, 0) * CAST(POWER(10, -source.scale) AS DECIMAL(7, 6)) AS DECIMAL(38, 6)) AS tax_value,
  source.tax_value AS tax_value_integer,
  CAST(source.taxable_amount::DECIMAL(38, 0) * CAST(POWER(10, -source.scale) AS DECIMAL(7, 6)) AS DECIMAL(38, 6)) AS taxable_amount,
  source.taxable_amount AS taxable_amount_integer,
  source.charge_type
FROM source