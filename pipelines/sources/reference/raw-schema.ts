/**
 * Reference data a roaming team maintains by hand (data/reference/*.csv): each kind is a snapshot,
 * so the latest file of a kind replaces the previous one whatever its name.
 */
import { rawTable, type ColumnSpec } from '../../columns/raw-table.ts';

const table = (name: string, description: string, columns: readonly ColumnSpec[]) =>
  rawTable(name, description, columns, { fileId: true });

export const homeNetworkTable = table(
  'raw.reference_home_network',
  'Our own network (home_network.csv).',
  [
    ['home_tadig', 'VARCHAR', 'Our TADIG code'],
    ['home_name', 'VARCHAR', 'Our network name'],
    ['country', 'VARCHAR', 'Country', 'optional'],
    ['mcc_mnc', 'VARCHAR', 'Our MCC-MNC'],
  ],
);

export const partnersTable = table('raw.reference_partners', 'Roaming partners (partners.csv).', [
  ['partner_tadig', 'VARCHAR', 'TADIG code, the key'],
  ['partner_name', 'VARCHAR', 'Name shown in reports'],
  ['country', 'VARCHAR', 'Country'],
  ['mcc_mnc', 'VARCHAR', 'MCC-MNC codes, ;-separated'],
  ['operator_group', 'VARCHAR', 'Operator group', 'optional'],
  ['imsi_prefixes', 'VARCHAR', 'IMSI prefixes, ;-separated', 'optional'],
  ['msc_gt_prefixes', 'VARCHAR', 'MSC/VLR Global Title prefixes, ;-separated', 'optional'],
  ['sgsn_gt_prefixes', 'VARCHAR', 'SGSN Global Title prefixes, ;-separated', 'optional'],
  ['diameter_realm', 'VARCHAR', 'Diameter realm(s), ;-separated', 'optional'],
  ['ipx_provider', 'VARCHAR', 'IPX provider', 'optional'],
  ['tap_currency', 'VARCHAR', 'TAP currency: SDR or an ISO code', 'optional'],
]);

export const kpiCatalogueTable = table(
  'raw.reference_kpi_catalogue',
  'The KPI catalogue (kpi_catalogue.csv).',
  [
    ['kpi', 'VARCHAR', 'KPI key'],
    [
      'family',
      'VARCHAR',
      'registration, authentication, data, voice, sms, ipx, billing, usage or security',
    ],
    ['name', 'VARCHAR', 'Name shown in reports'],
    ['source', 'VARCHAR', 'Where it is measured'],
    [
      'measure',
      'VARCHAR',
      'How the value is computed: success_rate, technical_success_rate, latency_p95, share_within, share_late, share, mean, ratio or count',
    ],
    [
      'procedure',
      'VARCHAR',
      'What is counted: probe procedures (signalling) or active test types, ;-separated',
      'optional',
    ],
    ['service', 'VARCHAR', 'Service the KPI belongs to (voice, sms, data), if any', 'optional'],
    ['numerator', 'VARCHAR', 'What is counted'],
    ['denominator', 'VARCHAR', 'Out of what'],
    ['unit', 'VARCHAR', 'ratio, ms, s, MOS, percent, count or money'],
    [
      'higher_is_better',
      'BOOLEAN',
      'A value must be at least (true) or at most (false) its target',
    ],
    [
      'min_sample',
      'INTEGER',
      'Below this sample size (the denominator or the number of measurements) a month is reported as insufficient sample, never as met or breached',
    ],
    [
      'threshold',
      'DECIMAL(12,4)',
      'The limit a share_within / share_late KPI counts against (ms for setup times, hours for TAP and NRTRDE delivery); an agreement may override it',
      'optional',
    ],
    [
      'ir42_parameter',
      'VARCHAR',
      'The GSMA IR.42 parameter the KPI implements, where there is one',
      'optional',
    ],
    [
      'tolerance',
      'DECIMAL(12,4)',
      "How far a partner's measurement may lie from ours and still agree (KPI exchange); none: they must be equal",
      'optional',
    ],
    [
      'tolerance_kind',
      'VARCHAR',
      'absolute (in the unit of the value: 0.005 is half a point of a ratio) or relative (a fraction of our value: 0.1 is 10 %)',
      'optional',
    ],
  ],
);

export const slaAgreementsTable = table(
  'raw.reference_sla_agreements',
  'Agreed KPI targets (sla_agreements.csv).',
  [
    ['partner_tadig', 'VARCHAR', 'Partner'],
    ['direction', 'VARCHAR', 'outbound or inbound'],
    ['kpi', 'VARCHAR', 'KPI key of the catalogue'],
    ['target', 'DECIMAL(12,4)', 'Agreed target (ratios as fractions, 4 decimals)'],
    ['valid_from', 'DATE', 'First day the target applies'],
    ['valid_to', 'DATE', 'First day it no longer applies; NULL while it runs', 'optional'],
    [
      'threshold',
      'DECIMAL(12,4)',
      "The agreed limit of a share_within / share_late KPI, when it differs from the catalogue's",
      'optional',
    ],
  ],
);

export const mccMncTable = table('raw.reference_mcc_mnc', 'MCC-MNC codes (mcc_mnc.csv).', [
  ['mcc', 'VARCHAR', 'Mobile country code'],
  ['mnc', 'VARCHAR', 'Mobile network code, 2 or 3 digits'],
  ['mcc_mnc', 'VARCHAR', 'mcc || mnc: the IMSI prefix'],
  ['country_name', 'VARCHAR', 'Country'],
  ['country_code', 'VARCHAR', 'ISO country code', 'optional'],
  ['brand', 'VARCHAR', 'Brand', 'optional'],
  ['operator', 'VARCHAR', 'Operator', 'optional'],
  ['status', 'VARCHAR', 'Operational status', 'optional'],
]);

export const causeCodesTable = table(
  'raw.reference_cause_codes',
  'Signalling result codes and their class (cause_codes.csv).',
  [
    ['interface', 'VARCHAR', 'MAP, Diameter, GTPv1 or GTPv2'],
    ['code', 'INTEGER', 'Result code; empty for MAP without an error'],
    ['name', 'VARCHAR', 'Name in the 3GPP tables'],
    ['failure_class', 'VARCHAR', 'success, technical, user or policy'],
  ],
);

export const iotApnsTable = table(
  'raw.reference_iot_apns',
  'APNs that mark the IoT segment (iot_apns.csv), besides the NB-IoT and LTE-M radio types.',
  [
    ['apn', 'VARCHAR', 'APN network identifier (matched case-insensitively)'],
    ['segment', 'VARCHAR', 'Segment the APN belongs to: iot'],
    ['description', 'VARCHAR', 'What the APN is for', 'optional'],
  ],
);

export const partnerKeysTable = table(
  'raw.reference_partner_keys',
  "Partners' public keys for their KPI exchange files (partner_keys.csv).",
  [
    ['partner_tadig', 'VARCHAR', 'Partner'],
    [
      'public_key',
      'VARCHAR',
      'Ed25519 public key: base64 of its SPKI DER (the body of the PEM openssl pkey -pubout writes)',
    ],
    ['note', 'VARCHAR', 'Where the key comes from, when it was exchanged', 'optional'],
  ],
);
