/**
 * Expected KPI rows for the manifest: what a month of one partner, direction and KPI must show in
 * the marts (service 'all', RAT 'all'), with its agreed target and the status that follows from
 * the catalogue's min_sample and higher_is_better. Numbers come from the writers' tallies.
 */
import type { Kpi } from './catalogue.ts';
import { targetOn, type SlaRow } from './sla.ts';
import { round } from './stats.ts';
import type { Direction } from './tap-side.ts';

export type Status = 'met' | 'breached' | 'no-target' | 'insufficient-sample';

export interface ExpectedKpi {
  month: string;
  partner: string;
  direction: Direction;
  kpi: string;
  service: 'all';
  rat: 'all';
  numerator: number | null;
  denominator: number | null;
  /** User and policy failures taken out of a technical rate. */
  excluded: number | null;
  /** Rounded to six decimals (DECIMAL(18, 6)); latency percentiles as p95. */
  value: number | null;
  sampleSize: number;
  target: number | null;
  /** The limit a share_within / share_late KPI counted against. */
  threshold: number | null;
  status: Status;
}

export interface Measured {
  numerator?: number;
  denominator?: number;
  excluded?: number;
  value: number | null;
  sampleSize: number;
}

export class Expectations {
  constructor(
    private readonly kpis: readonly Kpi[],
    private readonly sla: readonly SlaRow[],
  ) {}

  kpi(id: string): Kpi {
    const k = this.kpis.find((x) => x.kpi === id);
    if (k === undefined) throw new RangeError(`KPI ${id} is not in kpi_catalogue.csv`);
    return k;
  }

  /** The limit in force for a share KPI: the agreement's, else the catalogue's. */
  threshold(id: string, partner: string, direction: Direction, month: string): number | null {
    const agreed = targetOn(this.sla, partner, id, month, direction)?.threshold ?? null;
    return agreed ?? this.kpi(id).threshold;
  }

  row(id: string, partner: string, direction: Direction, month: string, m: Measured): ExpectedKpi {
    const k = this.kpi(id);
    const target = targetOn(this.sla, partner, id, month, direction)?.target ?? null;
    const value = m.value ?? (m.denominator ? round((m.numerator ?? 0) / m.denominator) : null);
    let status: Status;
    if (m.sampleSize < k.minSample || value === null) status = 'insufficient-sample';
    else if (target === null) status = 'no-target';
    else status = (k.higherIsBetter ? value >= target : value <= target) ? 'met' : 'breached';
    return {
      month,
      partner,
      direction,
      kpi: id,
      service: 'all',
      rat: 'all',
      numerator: m.numerator ?? null,
      denominator: m.denominator ?? null,
      excluded: m.excluded ?? null,
      value,
      sampleSize: m.sampleSize,
      target,
      threshold: k.measure.startsWith('share_')
        ? this.threshold(id, partner, direction, month)
        : null,
      status,
    };
  }
}
