/** Server-side SVG charts with Vega-Lite: deterministic, no browser needed to draw them. */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export interface RateBar {
  label: string;
  rate: number;
  target: number | null;
}

/** Horizontal bars of success rate per procedure, with the agreed target as a tick. */
export function successRateSpec(bars: readonly RateBar[]): TopLevelSpec {
  const values = bars.map((b) => ({
    ...b,
    status: b.target === null ? 'no target' : b.rate >= b.target ? 'meets target' : 'below target',
  }));
  const minRate = Math.min(
    0.9,
    ...bars.map((b) => b.rate),
    ...bars.flatMap((b) => (b.target === null ? [] : [b.target])),
  );
  // Leave room left of the lowest bar so that it stays visible.
  const domainStart = Math.max(0, Math.floor((minRate - 0.05) * 10) / 10);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 420,
    height: { step: 22 },
    data: { values },
    config: {
      font: 'DejaVu Sans',
      view: { stroke: null },
      axis: { labelFontSize: 11, titleFontSize: 11 },
    },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: null, title: null, axis: { labelLimit: 220 } },
    },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.7 }, clip: true },
        encoding: {
          x: {
            field: 'rate',
            type: 'quantitative',
            title: 'success rate',
            scale: { domain: [domainStart, 1] },
            axis: { format: '.0%' },
          },
          color: {
            field: 'status',
            type: 'nominal',
            title: null,
            scale: {
              domain: ['meets target', 'below target', 'no target'],
              range: ['#2e7d32', '#c62828', '#9e9e9e'],
            },
            legend: { orient: 'bottom' },
          },
        },
      },
      {
        mark: { type: 'tick', color: '#111', thickness: 2, size: 18, opacity: 1, clip: true },
        encoding: { x: { field: 'target', type: 'quantitative' } },
      },
    ],
  };
}

/**
 * Vega numbers clip paths with a process-wide counter; renumber them per chart under `id` so that
 * the same chart gives the same bytes and several charts can share one page.
 */
export function scopeClipIds(svg: string, id: string): string {
  const seen = new Map<string, string>();
  return svg.replace(/\bclip(\d+)\b/g, (_match, n: string) => {
    const scoped = seen.get(n) ?? `${id}-clip${seen.size + 1}`;
    seen.set(n, scoped);
    return scoped;
  });
}

export async function renderSvg(spec: TopLevelSpec, id = 'chart'): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return scopeClipIds(await view.toSVG(), id);
  } finally {
    view.finalize();
  }
}
