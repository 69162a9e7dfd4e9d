import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { burstSpec, dailySpec, heatmapSpec, renderSvg, scopeClipIds, trendSpec } from './charts.ts';

/** A spec drawn the plain way: compiled with its rows inline, nothing cached. */
async function drawnFresh(spec: TopLevelSpec, id: string): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return scopeClipIds(await view.toSVG(), id);
  } finally {
    view.finalize();
  }
}

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

  it('draws from a shape compiled once exactly what a fresh compile of each spec draws', async () => {
    const days = ['2026-10-01', '2026-10-02', '2026-10-03'];
    const specs = [
      dailySpec([{ day: days[0] ?? '', value: 80, target: 90, missed: true }], days),
      dailySpec(
        [
          { day: days[1] ?? '', value: 95, target: 90, missed: false },
          { day: days[2] ?? '', value: 70, target: 90, missed: true },
        ],
        days,
      ),
      heatmapSpec(
        [{ partner: 'A (AAAAA)', family: 'Data', status: 'breached', label: '1 of 2' }],
        ['A (AAAAA)'],
        ['Data', 'Voice'],
      ),
      trendSpec(points, ['2026-08', '2026-09', '2026-10']),
    ];
    for (const [i, spec] of specs.entries()) {
      expect(await renderSvg(spec, `c${i}`)).toBe(await drawnFresh(spec, `c${i}`));
    }
  });
});
