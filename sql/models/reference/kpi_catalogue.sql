MODEL (
  name reference.kpi_catalogue,
  kind @view_kind,
  owner roaming_analytics,
  grain kpi,
  description 'The KPI catalogue, from the latest ingested kpi_catalogue.csv.',
  column_descriptions (
    kpi = 'KPI key',
    family = 'registration, authentication, data, voice, sms, ipx, billing, usage or security',
    name = 'Name shown in reports',
    source = 'Where it is measured',
    measure = 'How the value is computed: success_rate, technical_success_rate, latency_p95, share_within, share_late, share, mean, ratio or count',
    procedure = 'What is counted: probe procedures (signalling) or active test types, ;-separated',
    service = 'Service the KPI belongs to (voice, sms, data), if any',
    numerator = 'What is counted',
    denominator = 'Out of what',
    unit = 'ratio, ms, s, MOS, percent, count or money',
    higher_is_better = 'A value must be at least (true) or at most (false) its target',
    min_sample = 'Below this sample size (the denominator or the number of measurements) a month is reported as insufficient sample, never as met or breached',
    threshold = 'The limit a share_within / share_late KPI counts against (ms for setup times, hours for TAP and NRTRDE delivery); an agreement may override it',
    ir42_parameter = 'The GSMA IR.42 parameter the KPI implements, where there is one',
    tolerance = 'How far a partner''s measurement may lie from ours and still agree (KPI exchange); NULL: they must be equal',
    tolerance_kind = 'absolute (in the unit of the value) or relative (a fraction of our value); NULL with no tolerance'
  ),
  audits (
    UNIQUE_VALUES(columns = (
      kpi
    )),
    NOT_NULL(
      columns = (kpi, family, name, source, measure, unit, higher_is_better, min_sample)
    ),
    ACCEPTED_VALUES(
      "column" = family,
      is_in = (
        'registration',
        'authentication',
        'data',
        'voice',
        'sms',
        'ipx',
        'billing',
        'usage',
        'security'
      )
    ),
    ACCEPTED_VALUES(
      "column" = measure,
      is_in = (
        'success_rate',
        'technical_success_rate',
        'latency_p95',
        'share_within',
        'share_late',
        'share',
        'mean',
        'ratio',
        'count'
      )
    ),
    ACCEPTED_VALUES("column" = tolerance_kind, is_in = ('absolute', 'relative'))
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
FROM raw.reference_kpi_catalogue