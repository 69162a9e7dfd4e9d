import { describe, expect, it } from 'vitest';
import { buildPartners } from './world.ts';

describe('buildPartners', () => {
  it('gives hundreds of partners distinct names, TADIGs and MCC-MNCs', () => {
    const partners = buildPartners(42, 500);
    expect(partners).toHaveLength(500);
    for (const key of ['name', 'tadig'] as const) {
      expect(new Set(partners.map((p) => p[key])).size, key).toBe(500);
    }
    expect(new Set(partners.map((p) => p.country.mcc + p.mnc)).size).toBe(500);
  });
});
