import { describe, expect, it } from 'vitest';
import { renderSvg, successRateSpec } from './charts.ts';

describe('success-rate chart', () => {
  const bars = [
    { label: 'UpdateLocation', rate: 0.99, target: 0.95 },
    { label: 'CreatePDPContext', rate: 0.5, target: 0.95 },
  ];

  it('draws an SVG with every label, deterministically', async () => {
    const svg = await renderSvg(successRateSpec(bars));
    expect(svg.startsWith('<svg')).toBe(true);
    for (const bar of bars) expect(svg).toContain(bar.label);
    const again = await renderSvg(successRateSpec(bars));
    expect(again === svg, 'second rendering differs').toBe(true);
    expect(svg).toContain('url(#chart-clip1)');
  });

  it('starts the axis below the lowest rate so that every bar shows', () => {
    const spec = JSON.stringify(successRateSpec(bars));
    expect(spec).toContain('"domain":[0.4,1]');
  });
});
