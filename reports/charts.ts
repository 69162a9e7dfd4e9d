/** Server-side SVG charts with Vega-Lite: deterministic, no browser needed to draw them. */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

const baseConfig = {
  font: 'DejaVu Sans',
  // Printed, not browsed: no ARIA descriptions (a tenth of each SVG's bytes).
  aria: false,
  view: { stroke: null },
  axis: { labelFontSize: 9, titleFontSize: 9 },
  header: { labelFontSize: 9, labelLimit: 200 },
} as const;

export interface TrendPoint {
  /** The panel: one KPI. */
  panel: string;
  /** 'YYYY-MM'. */
  month: string;
  value: number | null;
  target: number | null;
  bandLow: number | null;
  bandHigh: number | null;
}

/**
 * Small multiples, one panel per KPI: the monthly value (line and points) against the agreed
 * target (dashed) and the mart's trend band (shaded), each panel on its own scale.
 */
export function trendSpec(points: readonly TrendPoint[], months: readonly string[]): TopLevelSpec {
  const x = {
    field: 'month',
    type: 'ordinal' as const,
    title: null,
    scale: { domain: [...months] },
    axis: { labelAngle: 0, labelFontSize: 7, labelExpr: 'substring(datum.value, 2, 7)' },
  };
  const y = {
    type: 'quantitative' as const,
    title: null,
    scale: { zero: false },
    axis: { format: '~r' },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { values: points.map((p) => ({ ...p })) },
    config: baseConfig,
    facet: {
      field: 'panel',
      type: 'nominal',
      title: null,
      sort: null,
      header: { labelLimit: 0, labelFontSize: 8.5 },
    },
    columns: 2,
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 250,
      height: 70,
      layer: [
        {
          mark: { type: 'area', color: '#cfe3f5', opacity: 0.8 },
          encoding: {
            x,
            y: { ...y, field: 'bandLow' },
            y2: { field: 'bandHigh' },
          },
        },
        {
          mark: { type: 'line', color: '#111', strokeDash: [4, 3], strokeWidth: 1 },
          encoding: { x, y: { ...y, field: 'target' } },
        },
        {
          mark: { type: 'line', color: '#0b3d68', point: { size: 14 }, strokeWidth: 1.5 },
          encoding: { x, y: { ...y, field: 'value' } },
        },
      ],
    },
  };
}

export interface DailyPoint {
  /** 'YYYY-MM-DD'. */
  day: string;
  value: number;
  target: number;
  missed: boolean;
}

/**
 * One KPI through the days of a month: the daily value (line, points red on the days that missed
 * the target) against the month's agreed target (dashed).
 */
export function dailySpec(points: readonly DailyPoint[], days: readonly string[]): TopLevelSpec {
  const x = {
    field: 'day',
    type: 'ordinal' as const,
    title: null,
    scale: { domain: [...days] },
    // A label and tick every few days: a month of ticks is most of the chart's drawing.
    axis: {
      labelAngle: 0,
      labelFontSize: 7,
      labelExpr: 'substring(datum.value, 8, 10)',
      values: days.filter((_, i) => i % 5 === 0),
    },
  };
  const y = { type: 'quantitative' as const, title: null, scale: { zero: false } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 480,
    height: 90,
    data: { values: points.map((p) => ({ ...p })) },
    config: baseConfig,
    layer: [
      {
        mark: { type: 'line', color: '#111', strokeDash: [4, 3], strokeWidth: 1 },
        encoding: { x, y: { ...y, field: 'target' } },
      },
      {
        mark: { type: 'line', color: '#0b3d68', strokeWidth: 1.5 },
        encoding: { x, y: { ...y, field: 'value' } },
      },
      {
        mark: { type: 'point', filled: true, size: 22 },
        encoding: {
          x,
          y: { ...y, field: 'value' },
          color: {
            field: 'missed',
            type: 'nominal',
            title: null,
            scale: { domain: [false, true], range: ['#0b3d68', '#c62828'] },
            legend: null,
          },
        },
      },
    ],
  };
}

export interface HeatCell {
  /** The row: a partner as 'Name (TADIG)'. */
  partner: string;
  family: string;
  /** The status label shown in the legend. */
  status: string;
  /** What the cell says, e.g. '2 of 12'. */
  label: string;
}

/** The status labels in legend order, with their colours. */
const statusColours: ReadonlyArray<[string, string]> = [
  ['breached', '#c62828'],
  ['met', '#66bb6a'],
  ['insufficient sample', '#cfd8dc'],
  ['no target', '#eceff1'],
];

/** Partners × KPI families, each cell coloured by its status and labelled with its breaches. */
export function heatmapSpec(
  cells: readonly HeatCell[],
  partners: readonly string[],
  families: readonly string[],
): TopLevelSpec {
  const x = {
    field: 'family',
    type: 'nominal' as const,
    title: null,
    scale: { domain: [...families] },
    axis: { orient: 'top' as const, labelAngle: 0, labelFontSize: 7.5, labelLimit: 0 },
  };
  const y = {
    field: 'partner',
    type: 'nominal' as const,
    title: null,
    scale: { domain: [...partners] },
    axis: { labelFontSize: 8, labelLimit: 190 },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: { step: 66 },
    height: { step: 13 },
    data: { values: cells.map((c) => ({ ...c })) },
    config: baseConfig,
    encoding: { x, y },
    layer: [
      {
        mark: { type: 'rect', stroke: '#fff', strokeWidth: 1 },
        encoding: {
          color: {
            field: 'status',
            type: 'nominal',
            title: null,
            scale: {
              domain: statusColours.map(([label]) => label),
              range: statusColours.map(([, colour]) => colour),
            },
            legend: { orient: 'bottom', direction: 'horizontal', labelFontSize: 8 },
          },
        },
      },
      {
        mark: { type: 'text', fontSize: 7, color: '#fff', fontWeight: 'bold' },
        encoding: { text: { field: 'label', type: 'nominal' } },
      },
    ],
  };
}

export interface GroupedBar {
  group: string;
  series: string;
  value: number;
}

/** Horizontal bars per group, one bar per series (e.g. events per region, outbound and inbound). */
export function groupedBarsSpec(
  bars: readonly GroupedBar[],
  series: readonly string[],
  title: string,
): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 380,
    height: { step: 12 },
    data: { values: bars.map((b) => ({ ...b })) },
    config: baseConfig,
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'group', type: 'nominal', title: null, sort: null, axis: { labelLimit: 200 } },
      yOffset: { field: 'series', sort: [...series] },
      x: { field: 'value', type: 'quantitative', title },
      color: {
        field: 'series',
        type: 'nominal',
        title: null,
        scale: { domain: [...series], range: ['#0b3d68', '#9fb6cc'] },
        legend: { orient: 'bottom' },
      },
    },
  };
}

export interface MonthlyCount {
  month: string;
  label: string;
  count: number;
}

/** Bars of counts per month, one colour per label (e.g. registered and silent subscribers). */
export function monthlyCountSpec(
  rows: readonly MonthlyCount[],
  labels: readonly string[],
): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: { step: 18 },
    height: 120,
    data: { values: rows.map((r) => ({ ...r })) },
    config: baseConfig,
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'month', type: 'ordinal', title: null, sort: null, axis: { labelAngle: 0 } },
      xOffset: { field: 'label', sort: [...labels] },
      y: { field: 'count', type: 'quantitative', title: null },
      color: {
        field: 'label',
        type: 'nominal',
        title: null,
        scale: { domain: [...labels], range: ['#9fb6cc', '#c62828'] },
        legend: { orient: 'bottom' },
      },
    },
  };
}

export interface HourBar {
  label: string;
  requests: number;
  baseline: number | null;
}

/** Requests per flagged hour as bars, with the baseline of that hour as a tick. */
export function burstSpec(bars: readonly HourBar[]): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 420,
    height: { step: 20 },
    data: { values: bars.map((b) => ({ ...b })) },
    config: { ...baseConfig, axisY: { labelLimit: 320 } },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: null, title: null, axis: { labelLimit: 320 } },
    },
    layer: [
      {
        mark: { type: 'bar', color: '#c62828', height: { band: 0.7 } },
        encoding: { x: { field: 'requests', type: 'quantitative', title: 'requests in the hour' } },
      },
      {
        mark: { type: 'tick', color: '#111', thickness: 2, size: 16 },
        encoding: { x: { field: 'baseline', type: 'quantitative' } },
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

/** The specs' own data set, named so that a compiled chart can be given other rows. */
const dataName = 'rows';
/** Compiled and parsed charts by their spec without the rows: most charts of a run share a few. */
const parsed = new Map<string, vega.Runtime>();
const parsedLimit = 256;

/** The Vega runtime of a spec whose rows are left out; compiled once per shape. */
function runtimeOf(shape: TopLevelSpec): vega.Runtime {
  const key = JSON.stringify(shape);
  let runtime = parsed.get(key);
  if (runtime === undefined) {
    runtime = vega.parse(compile({ ...shape, data: { name: dataName } }).spec);
    if (parsed.size >= parsedLimit) parsed.clear();
    parsed.set(key, runtime);
  }
  return runtime;
}

/**
 * Draws a spec with inline rows (`data: {values}`) to SVG. Vega-Lite's compile and Vega's parse
 * are done once per shape (the spec less its rows), then each chart only binds its rows: a run's
 * hundreds of charts of one kind cost one compile.
 */
export async function renderSvg(spec: TopLevelSpec, id = 'chart'): Promise<string> {
  const { data, ...shape } = spec as TopLevelSpec & { data?: { values?: unknown[] } };
  const values = data?.values;
  if (values === undefined) throw new Error('a chart spec gives its rows as data.values');
  const view = new vega.View(runtimeOf(shape as TopLevelSpec), { renderer: 'none' });
  try {
    view.data(dataName, values);
    return scopeClipIds(await view.toSVG(), id);
  } finally {
    view.finalize();
  }
}

/** Draws each chart to SVG, in place (its svg field). */
export async function drawAll(
  charts: ReadonlyArray<{ id: string; spec: TopLevelSpec; svg: string }>,
) {
  for (const chart of charts) chart.svg = await renderSvg(chart.spec, chart.id);
}
