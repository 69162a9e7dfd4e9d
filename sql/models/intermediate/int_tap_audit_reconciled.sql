MODEL (
  name intermediate.int_tap_audit_reconciled,
  kind @view_kind,
  owner roaming_analytics,
  grain file_id,
  description 'Every TAP transfer batch''s AuditControlInfo against the sums of its records, with the identities the validator checks (pipelines/sources/tap/rule-checks.ts): TotalCharge = invoiceable non-refund charges (charge type 00, MessagingEvent Charge, CAMEL fees), TotalChargeRefund = the same kinds of charge refunded (0 when not sent), TotalTaxValue = non-refund tax values, TotalDiscountValue = non-refund discounts, CallEventDetailsCount = call events. Compared as the integers sent (one scale per file). A batch without AuditControlInfo is inconsistent.',
  column_descriptions (
    file_id = 'sha256 of the source file',
    direction = 'outbound or inbound',
    partner_tadig = 'Partner',
    file_month = 'Month the file counts in',
    is_test = 'Test data',
    currency = 'TapCurrency, or XDR',
    scale = 'TapDecimalPlaces',
    has_audit = 'The batch carries AuditControlInfo',
    stated_total_charge = 'TotalCharge as sent, in currency, exact',
    records_total_charge = 'Invoiceable non-refund charges of the records, in currency, exact',
    stated_total_charge_integer = 'TotalCharge as the integer sent',
    records_total_charge_integer = 'The records'' sum as an integer of the file''s scale',
    stated_total_charge_refund_integer = 'TotalChargeRefund as sent (integer)',
    records_total_charge_refund_integer = 'Refunded charges of the records (integer)',
    stated_total_tax_integer = 'TotalTaxValue as sent (integer)',
    records_total_tax_integer = 'Non-refund tax values of the records (integer)',
    stated_total_discount_integer = 'TotalDiscountValue as sent (integer)',
    records_total_discount_integer = 'Non-refund discounts of the records (integer)',
    stated_event_count = 'CallEventDetailsCount as sent',
    records_event_count = 'Call events in the file',
    charge_matches = 'TotalCharge equals the records'' sum',
    charge_refund_matches = 'TotalChargeRefund equals the records'' refunds',
    tax_matches = 'TotalTaxValue equals the records'' taxes',
    discount_matches = 'TotalDiscountValue equals the records'' discounts',
    count_matches = 'CallEventDetailsCount equals the number of call events',
    is_consistent = 'Every identity holds (and the batch has AuditControlInfo)',
    has_fatal_audit_finding = 'The validator flagged the file with a fatal TAP-AUDIT-* finding (raw.tap_validation)'
  ),
  audits (
    NOT_NULL(columns = (file_id, is_consistent, has_fatal_audit_finding)),
    UNIQUE_VALUES(columns = (
      file_id
    )),
    tap_charges_add_up_to_audit_total
  )
);

WITH files AS (
  SELECT
    file_id,
    direction,
    partner_tadig,
    file_month,
    is_test,
    currency,
    scale,
    event_count
  FROM intermediate.int_tap_files_classified
  WHERE
    is_batch
), audit AS (
  SELECT
    file_id,
    total_charge,
    total_charge_integer,
    total_charge_refund_integer,
    total_tax_value_integer,
    total_discount_value_integer,
    call_event_details_count
  FROM staging.stg_tap_audit
), charges AS (
  SELECT
    file_id,
    SUM(charge) FILTER(WHERE
      invoiceable) AS total_charge,
    SUM(charge_integer) FILTER(WHERE
      invoiceable) AS total_charge_integer,
    SUM(charge_integer) FILTER(WHERE
      refund AND counts_toward_total) AS total_charge_refund_integer
  FROM staging.stg_tap_charges
  GROUP BY
    file_id
), taxes AS (
  SELECT
    file_id,
    SUM(tax_value_integer) FILTER(WHERE
      NOT COALESCE(refund, FALSE)) AS total_tax_integer
  FROM staging.stg_tap_taxes
  GROUP BY
    file_id
), discounts AS (
  SELECT
    file_id,
    SUM(discount_integer) FILTER(WHERE
      NOT COALESCE(refund, FALSE)) AS total_discount_integer
  FROM staging.stg_tap_discounts
  GROUP BY
    file_id
), fatal_audit_findings AS (
  SELECT DISTINCT
    file_id
  FROM staging.stg_tap_validation
  WHERE
    is_fatal AND rule LIKE 'TAP-AUDIT-%'
), compared AS (
  SELECT
    files.file_id,
    files.direction,
    files.partner_tadig,
    files.file_month,
    files.is_test,
    files.currency,
    files.scale,
    NOT audit.file_id IS NULL AS has_audit,
    audit.total_charge AS stated_total_charge,
    COALESCE(charges.total_charge, 0)::DECIMAL(38, 6) AS records_total_charge,
    audit.total_charge_integer AS stated_total_charge_integer,
    COALESCE(charges.total_charge_integer, 0) AS records_total_charge_integer,
    audit.total_charge_refund_integer AS stated_total_charge_refund_integer,
    COALESCE(charges.total_charge_refund_integer, 0) AS records_total_charge_refund_integer,
    audit.total_tax_value_integer AS stated_total_tax_integer,
    COALESCE(taxes.total_tax_integer, 0) AS records_total_tax_integer,
    audit.total_discount_value_integer AS stated_total_discount_integer,
    COALESCE(discounts.total_discount_integer, 0) AS records_total_discount_integer,
    audit.call_event_details_count AS stated_event_count,
    files.event_count AS records_event_count,
    NOT fatal_audit_findings.file_id IS NULL AS has_fatal_audit_finding
  FROM files
  LEFT JOIN audit
    ON audit.file_id = files.file_id
  LEFT JOIN charges
    ON charges.file_id = files.file_id
  LEFT JOIN taxes
    ON taxes.file_id = files.file_id
  LEFT JOIN discounts
    ON discounts.file_id = files.file_id
  LEFT JOIN fatal_audit_findings
    ON fatal_audit_findings.file_id = files.file_id
), matched AS (
  SELECT
    file_id,
    direction,
    partner_tadig,
    file_month,
    is_test,
    currency,
    scale,
    has_audit,
    stated_total_charge,
    records_total_charge,
    stated_total_charge_integer,
    records_total_charge_integer,
    stated_total_charge_refund_integer,
    records_total_charge_refund_integer,
    stated_total_tax_integer,
    records_total_tax_integer,
    stated_total_discount_integer,
    records_total_discount_integer,
    stated_event_count,
    records_event_count,
    COALESCE(stated_total_charge_integer = records_total_charge_integer, FALSE) AS charge_matches,
    COALESCE(stated_total_charge_refund_integer, 0) = records_total_charge_refund_integer AS charge_refund_matches,
    COALESCE(stated_total_tax_integer = records_total_tax_integer, FALSE) AS tax_matches,
    COALESCE(stated_total_discount_integer = records_total_discount_integer, FALSE) AS discount_matches,
    COALESCE(stated_event_count = records_event_count, FALSE) AS count_matches,
    has_fatal_audit_finding
  FROM compared
)
SELECT
  file_id,
  direction,
  partner_tadig,
  file_month,
  is_test,
  currency,
  scale,
  has_audit,
  stated_total_charge,
  records_total_charge,
  stated_total_charge_integer,
  records_total_charge_integer,
  stated_total_charge_refund_integer,
  records_total_charge_refund_integer,
  stated_total_tax_integer,
  records_total_tax_integer,
  stated_total_discount_integer,
  records_total_discount_integer,
  stated_event_count,
  records_event_count,
  charge_matches,
  charge_refund_matches,
  tax_matches,
  discount_matches,
  count_matches,
  has_audit
  AND charge_matches
  AND charge_refund_matches
  AND tax_matches
  AND discount_matches
  AND count_matches AS is_consistent,
  has_fatal_audit_finding
FROM matched