/** The shipped KPI catalogue (data/reference/kpi_catalogue.csv), read as the generator needs it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { referenceDir } from '../lib/paths.ts';

export const cataloguePath = path.join(referenceDir, 'kpi_catalogue.csv');

export interface Kpi {
  kpi: string;
  family: string;
  source: string;
  measure: string;
  procedures: string[];
  unit: string;
  higherIsBetter: boolean;
  minSample: number;
  threshold: number | null;
  ir42Parameter: string | null;
  tolerance: number | null;
  toleranceKind: 'absolute' | 'relative' | null;
}

/** One CSV line's fields (double quotes allowed). */
function fields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

export function readCatalogue(): Kpi[] {
  const [header, ...lines] = readFileSync(cataloguePath, 'utf8').trim().split('\n');
  const names = fields(header ?? '');
  return lines.map((line) => {
    const f = fields(line);
    const get = (n: string) => f[names.indexOf(n)] ?? '';
    return {
      kpi: get('kpi'),
      family: get('family'),
      source: get('source'),
      measure: get('measure'),
      procedures: get('procedure') === '' ? [] : get('procedure').split(';'),
      unit: get('unit'),
      higherIsBetter: get('higher_is_better') === 'true',
      minSample: Number(get('min_sample')),
      threshold: get('threshold') === '' ? null : Number(get('threshold')),
      ir42Parameter: get('ir42_parameter') === '' ? null : get('ir42_parameter'),
      tolerance: get('tolerance') === '' ? null : Number(get('tolerance')),
      toleranceKind:
        get('tolerance_kind') === 'relative'
          ? 'relative'
          : get('tolerance_kind') === 'absolute'
            ? 'absolute'
            : null,
    };
  });
}

export function catalogueKpi(kpis: readonly Kpi[], id: string): Kpi {
  const k = kpis.find((x) => x.kpi === id);
  if (k === undefined) throw new RangeError(`KPI ${id} is not in kpi_catalogue.csv`);
  return k;
}
