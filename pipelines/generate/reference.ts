/**
 * Reference data in the formats of data/reference/: home network, partners, the KPI catalogue
 * (copied as it is) and per-partner SLA agreements (sla.ts).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { cataloguePath, type Kpi } from './catalogue.ts';
import { CsvSink } from './csv-writer.ts';
import { targetText, type SlaRow } from './sla.ts';
import { HOME, type Partner } from './world.ts';

export function writeReference(
  dir: string,
  partners: readonly Partner[],
  kpis: readonly Kpi[],
  sla: readonly SlaRow[],
) {
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
    [[HOME.tadig, HOME.name, HOME.country.name, HOME.mcc + HOME.mnc]],
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
  const unit = new Map(kpis.map((k) => [k.kpi, k]));
  write(
    'sla_agreements.csv',
    ['partner_tadig', 'direction', 'kpi', 'target', 'valid_from', 'valid_to', 'threshold'],
    sla.map((r) => [
      r.partner,
      r.direction,
      r.kpi,
      targetText(unit.get(r.kpi), r.target),
      r.validFrom,
      r.validTo,
      r.threshold === null ? null : String(r.threshold),
    ]),
  );
  copyFileSync(cataloguePath, path.join(dir, 'kpi_catalogue.csv'));
  files.push({ path: 'kpi_catalogue.csv', rows: kpis.length });
  return files;
}
