AUDIT (
  name tap_charges_add_up_to_audit_total
);

SELECT
  file_id,
  stated_total_charge_integer,
  records_total_charge_integer,
  stated_total_charge,
  records_total_charge
FROM @this_model
WHERE
  has_audit
  AND NOT has_fatal_audit_finding
  AND (
    stated_total_charge_integer IS DISTINCT FROM records_total_charge_integer
    OR stated_total_charge IS DISTINCT FROM records_total_charge
  )