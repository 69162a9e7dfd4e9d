MODEL (
  name reference.cause_codes,
  kind @view_kind,
  owner roaming_analytics,
  grain (interface, code),
  description 'Signalling result codes and their failure class, from the latest ingested cause_codes.csv.',
  column_descriptions (
    interface = 'MAP, Diameter, GTPv1 or GTPv2',
    code = 'Result code; NULL for MAP without an error (success)',
    name = 'Name in the 3GPP tables',
    failure_class = 'success, technical, user or policy'
  ),
  audits (
    UNIQUE_COMBINATION_OF_COLUMNS(columns = (interface, code)),
    ACCEPTED_VALUES("column" = failure_class, is_in = ('success', 'technical', 'user', 'policy'))
  )
);

SELECT
  interface,
  code,
  name,
  failure_class
FROM raw.reference_cause_codes