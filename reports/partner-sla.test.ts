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
      { procedure: 'CreatePDPContext', interface: 'MAP', rate: '50.0 %', target: '95.0 %' },
    ]);
  });

  it('sums attempts and computes the overall rate from counts', () => {
    expect(model.totalAttempts).toBe('114');
    expect(model.overallRate).toBe(`${((108 / 114) * 100).toFixed(1)} %`);
  });

  it('marks rows without an agreement as such', () => {
    expect(model.rows.map((r) => r.status)).toEqual(['met', 'missed', 'no target']);
    expect(model.bars.map((b) => b.target)).toEqual([0.95, 0.95, null]);
  });
});
