import { describe, expect, it } from 'vitest';
import { partnerSlaModel } from './partner-sla.ts';

const row = (procedure: string, attempts: number, successes: number, target: string | null) => ({
  direction: 'outbound',
  interface: 'MAP',
  procedure,
  attempts: String(attempts),
  successes: String(successes),
  success_rate: (successes / attempts).toFixed(4),
  target_success_rate: target,
  meets_target: target === null ? null : successes / attempts >= Number(target),
  latency_p50_ms: 10,
  latency_p95_ms: 20,
});

describe('partnerSlaModel', () => {
  const model = partnerSlaModel({ tadig: 'FRAAZ', name: 'Azur Télécom' }, '2026-10', [
    row('UpdateLocation', 100, 99, '0.95'),
    row('CreatePDPContext', 10, 5, '0.95'),
    row('ULR', 4, 4, null),
  ]);

  it('counts targets met and lists the misses', () => {
    expect([model.metCount, model.targetCount, model.allMet]).toEqual([1, 2, false]);
    expect(model.belowTarget).toEqual([
      {
        procedure: 'CreatePDPContext',
        interface: 'MAP',
        direction: 'outbound',
        rate: '50.0 %',
        target: '95.0 %',
      },
    ]);
  });

  it('sums attempts and computes the overall rate from counts', () => {
    expect(model.totalAttempts).toBe('114');
    expect(model.overallRate).toBe(`${((108 / 114) * 100).toFixed(1)} %`);
  });

  it('splits rows by direction, each with its own table and chart', () => {
    const both = partnerSlaModel({ tadig: 'FRAAZ', name: 'Azur' }, '2026-10', [
      { ...row('UpdateLocation', 10, 5, '0.95'), direction: 'inbound' },
      row('UpdateLocation', 10, 10, '0.95'),
    ]);
    expect(both.sections.map((s) => [s.direction, s.rows.length])).toEqual([
      ['outbound', 1],
      ['inbound', 1],
    ]);
    expect(both.belowTarget.map((b) => b.direction)).toEqual(['inbound']);
  });

  it('marks rows without an agreement as such', () => {
    const [outbound] = model.sections;
    expect(model.sections.map((s) => s.direction)).toEqual(['outbound']);
    expect(outbound?.title).toBe("Outbound: our subscribers in Azur Télécom's network");
    expect(outbound?.rows.map((r) => r.status)).toEqual(['met', 'missed', 'no target']);
    expect(outbound?.bars.map((b) => b.target)).toEqual([0.95, 0.95, null]);
  });
});
