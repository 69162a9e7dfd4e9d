MODEL (
  name staging.stg_tap_discounts,
  kind @view_kind,
  owner roaming_analytics,
  grain (file_id, record_index, item_path),
  description 'TAP discount information, one row per discount: amounts as exact DECIMAL beside their integer and scale, the rate as a percentage.',
  column_descriptions (
    file_id = 'sha256 of the source file (raw.ingested_files.file_id)',
    record_index = 'Record the discount belongs to',
    sender = 'Sender TADIG',
    recipient = 'Recipient TADIG',
    file_sequence_number = 'FileSequenceNumber, 5 digits',
    charge_information_index = 'Position of the ChargeInformation in the record',
    item_path = 'Where in the record the item sits',
    scale = 'TapDecimalPlaces: amounts are integer / 10^scale',
    currency = 'TapCurrency, or XDR (SDR) when the file has none',
    refund = 'A refund: counts toward TotalDiscountRefund instead of TotalDiscountValue',
    discount_code = 'DiscountCode',
    discount = 'Discount in currency, exact',
    discount_integer = 'Discount as the integer sent',
    discountable_amount = 'DiscountableAmount in currency, exact',
    discountable_amount_integer = 'DiscountableAmount as the integer sent',
    fixed_discount_value = 'Fixed discount value from the Discounting table, in currency, exact',
    fixed_discount_value_integer = 'Fixed discount value as the integer sent',
    discount_rate_percent = 'Discount rate in percent (1500 sent = 15.00)'
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
    discount_code,
    discount,
    discountable_amount,
    fixed_discount_value,
    discount_rate,
    file_id
  FROM raw.tap_discounts
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
  source.discount_code,
  CAST(source.discount::DECIMAL(38, 0) * CAST(POWER(10, -source.scale) AS DECIMAL(7, 6)) AS DECIMAL(38, 6)) AS discount,
  source.discount AS discount_integer,
  CAST(source.discountable_amount::DECIMAL(38, 0) * CAST(POWER(10, -source.scale) AS DECIMAL(7, 6)) AS DECIMAL(38, 6)) AS discountable_amount,
  source.discountable_amount AS discountable_amount_integer,
  CAST(source.fixed_discount_value::DECIMAL(38, 0) * CAST(POWER(10, -source.scale) AS DECIMAL(7, 6)) AS DECIMAL(38, 6)) AS fixed_discount_value,
  source.fixed_discount_value AS fixed_discount_value_integer,
  CAST(source.discount_rate::DECIMAL(38, 0) * 0.01::DECIMAL(3, 2) AS DECIMAL(12, 2)) AS discount_rate_percent
FROM source