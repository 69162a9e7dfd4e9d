/**
 * Reference data in the formats of data/reference/: home network, partners, the KPI catalogue
 * (copied as it is) and per-partner SLA agreements, some of which change mid-period.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Month } from './calendar.ts';
import { CsvSink } from './csv-writer.ts';
import { rngFor } from './prng.ts';
import { HOME, type Partner } from './world.ts';

const catalogue = fileURLToPath(new URL('../../data/reference/kpi_catalogue.csv', import.meta.url));

export interface Kpi {
  kpi: string;
  higherIsBetter: boolean;
}

/** The KPI keys of the shipped catalogue. */
export function readCatalogue(): Kpi[] {
  const [header, ...lines] = readFileSync(catalogue, 'utf8').trim().split('\n');
  const names = (header ?? '').split(',');
  const k = names.indexOf('kpi');
  const h = names.indexOf('higher_is_better');
  return lines.map((line) => {
    const f = line.split(',');
    return { kpi: f[k] ?? '', higherIsBetter: f[h] === 'true' };
  });
}

/** Typical agreed target range per KPI key (lower, upper), fractions. */
const TARGET_RANGE: Readonly<Record<string, [number, number]>> = {
  map_ul_success: [0.93, 0.96],
  map_ul_gprs_success: [0.93, 0.96],
  map_sai_success: [0.95, 0.97],
  s6a_ulr_success: [0.94, 0.965],
  s6a_air_success: [0.95, 0.97],
  gtpv1_pdp_success: [0.93, 0.96],
  gtpv2_cs_success: [0.94, 0.965],
  sms_mo_success: [0.92, 0.95],
  sms_mt_success: [0.9, 0.94],
};

export interface SlaRow {
  partner: string;
  direction: 'outbound' | 'inbound';
  kpi: string;
  target: number;
  validFrom: string;
  validTo: string | null;
}

/** Agreements from the first month on; about a third of partners renegotiate one KPI mid-period. */
export function slaAgreements(seed: number, partners: readonly Partner[], months: Month[]) {
  const rows: SlaRow[] = [];
  const first = months[0]!.key;
  const kpis = readCatalogue();
  for (const p of partners) {
    const rng = rngFor(seed, 'sla', p.tadig);
    const change =
      months.length > 1 && rng.chance(0.35)
        ? { kpi: rng.pick(kpis).kpi, month: months[1 + rng.int(months.length - 1)]!.key }
        : null;
    for (const direction of ['outbound', 'inbound'] as const) {
      for (const { kpi } of kpis) {
        const [lo, hi] = TARGET_RANGE[kpi] ?? [0.9, 0.95];
        const target = Math.round((lo + rng.float() * (hi - lo)) * 1000) / 1000;
        const base = { partner: p.tadig, direction, kpi, validFrom: `${first}-01` };
        if (change !== null && change.kpi === kpi && direction === 'outbound') {
          const at = `${change.month}-01`;
          rows.push({ ...base, target, validTo: at });
          rows.push({
            ...base,
            target: Math.min(0.99, target + 0.01),
            validFrom: at,
            validTo: null,
          });
        } else rows.push({ ...base, target, validTo: null });
      }
    }
  }
  return rows;
}

/** The target of a KPI for a partner and direction on the first day of `month`. */
export function targetOn(rows: readonly SlaRow[], partner: string, kpi: string, month: string) {
  const day = `${month}-01`;
  return rows.find(
    (r) =>
      r.partner === partner &&
      r.direction === 'outbound' &&
      r.kpi === kpi &&
      r.validFrom <= day &&
      (r.validTo === null || day < r.validTo),
  )?.target;
}

export function writeReference(dir: string, partners: readonly Partner[], sla: SlaRow[]) {
  mkdirSync(dir, { recursive: true });
  const files: { path: string; rows: number }[] = [];
  const write = (name: string, columns: string[], rows: (string | number | null)[][]) => {
    const csv = new CsvSink(path.join(dir, name), columns);
    for (const r of rows) csv.row(r);
    csv.close();
    files.push({ path: name, rows: rows.length });
  };
  write(
    'home_network.csv',
    ['home_tadig', 'home_name', 'country', 'mcc_mnc'],
    [[HOME.tadig, HOME.name, HOME.country, HOME.mcc + HOME.mnc]],
  );
  write(
    'partners.csv',
    [
      'partner_tadig',
      'partner_name',
      'country',
      'mcc_mnc',
      'operator_group',
      'imsi_prefixes',
      'msc_gt_prefixes',
      'sgsn_gt_prefixes',
      'diameter_realm',
      'ipx_provider',
      'tap_currency',
    ],
    partners.map((p) => [
      p.tadig,
      p.name,
      p.country.name,
      p.mcc + p.mnc,
      p.operatorGroup,
      p.mcc + p.mnc,
      p.mscGt,
      p.sgsnGt,
      p.realm,
      p.ipx,
      p.tapCurrency,
    ]),
  );
  write(
    'sla_agreements.csv',
    ['partner_tadig', 'direction', 'kpi', 'target', 'valid_from', 'valid_to'],
    sla.map((r) => [r.partner, r.direction, r.kpi, r.target.toFixed(3), r.validFrom, r.validTo]),
  );
  copyFileSync(catalogue, path.join(dir, 'kpi_catalogue.csv'));
  files.push({ path: 'kpi_catalogue.csv', rows: readCatalogue().length });
  return files;
}
