import { describe, expect, it } from 'vitest';
import { burstSpec, renderSvg, trendSpec } from './charts.ts';

describe('charts', () => {
  const points = ['2026-08', '2026-09', '2026-10'].flatMap((month, i) => [
    { panel: 'PDP success (%)', month, value: 90 + i, target: 92, bandLow: 88, bandHigh: 95 },
    {
      panel: 'Setup time p95 (ms)',
      month,
      value: 400 - i,
      target: 550,
      bandLow: null,
      bandHigh: null,
    },
  ]);

  it('draws one panel per KPI, deterministically', async () => {
    const svg = await renderSvg(trendSpec(points, ['2026-08', '2026-09', '2026-10']), 'trend0');
    expect(svg.startsWith('<svg')).toBe(true);
    for (const panel of ['PDP success (%)', 'Setup time p95 (ms)']) expect(svg).toContain(panel);
    const again = await renderSvg(trendSpec(points, ['2026-08', '2026-09', '2026-10']), 'trend0');
    expect(again === svg, 'second rendering differs').toBe(true);
  });

  it('escapes text that looks like markup', async () => {
    const svg = await renderSvg(burstSpec([{ label: '<b>x</b> & y', requests: 9, baseline: 1 }]));
    expect(svg).toContain('&lt;b&gt;x&lt;/b&gt; &amp; y');
    expect(svg).not.toContain('<b>');
  });
});
