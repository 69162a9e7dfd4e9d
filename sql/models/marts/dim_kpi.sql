MODEL (
  name marts.dim_kpi,
  kind @view_kind,
  owner roaming_analytics,
  grain kpi,
  description 'The KPI catalogue as reports cite it (appendix) and analysts read it: what each KPI counts, out of what, its unit, direction of good and minimum sample.',
  column_descriptions (
    kpi = 'KPI key, used by every mart',
    family = 'registration, authentication, data, voice, sms, ipx, billing, usage or security',
    name = 'Name shown in reports',
    source = 'Where it is measured',
    measure = 'How the value is computed (success_rate, technical_success_rate, latency_p95, share_within, share_late, share, mean, ratio, count)',
    procedure = 'Probe procedures or active-test types counted, ;-separated',
    service = 'Service the KPI belongs to, if any',
    numerator = 'What is counted',
    denominator = 'Out of what',
    unit = 'Unit of the value',
    higher_is_better = 'A value must be at least (true) or at most (false) its target',
    min_sample = 'Below this sample size a month is insufficient sample',
    threshold = 'Limit a share_within / share_late KPI counts against, unless an agreement sets its own',
    ir42_parameter = 'The GSMA IR.42 parameter the KPI implements, where there is one',
    tolerance = 'How far a partner''s measurement may lie from ours and still agree (KPI exchange); NULL: they must be equal',
    tolerance_kind = 'absolute (in the unit of the value) or relative (a fraction of our value); NULL with no tolerance'
  ),
  audits (
    UNIQUE_VALUES(columns = (
      kpi
    )),
    NOT_NULL(columns = (kpi, family, name, measure, unit))
  )
);

SELECT
  kpi,
  family,
  name,
  source,
  measure,
  procedure,
  service,
  numerator,
  denominator,
  unit,
  higher_is_better,
  min_sample,
  threshold,
  ir42_parameter,
  tolerance,
  tolerance_kind
FROM reference.kpi_catalogue