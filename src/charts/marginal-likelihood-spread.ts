/**
 * Chapter 1's third chart: the spread of repeated estimates of p(x), one strip per sampler (the prior and the
 * proposal), against the exact value. A pure Plot spec, like the other two in marginal-likelihood.ts.
 */
import * as Plot from '@observablehq/plot';
import { COLORS, frame, type ChartSize, type Method } from './marginal-likelihood';
import { formatTick } from './ticks';

/** The estimates p̂ of one sampler over many repeats, with their mean and central 90% interval. */
export interface SpreadRow {
  readonly method: Method;
  readonly label: string;
  readonly estimates: readonly number[];
  readonly mean: number;
  readonly lower: number;
  readonly upper: number;
}

export interface SpreadData {
  readonly exact: number;
  readonly rows: readonly SpreadRow[];
}

export interface SpreadOptions extends ChartSize {
  readonly labels: { readonly estimate: string; readonly exact: string };
  readonly ariaLabel: string;
  readonly ariaDescription: string;
}

/** A deterministic jitter in [0, 1) for dot i (golden-ratio sequence), so repeated dots do not hide each other. */
export function jitter(i: number): number {
  return (i * 0.6180339887498949) % 1;
}

/** One strip per sampler: a dot per repeated estimate, the central 90% interval as a bar, the mean as a tick, p(x) as a rule. */
export function spreadChart(data: SpreadData, options: SpreadOptions): Plot.PlotOptions {
  const { labels } = options;
  const dots = data.rows.flatMap((row) =>
    row.estimates.map((estimate, i) => ({ label: row.label, method: row.method, estimate, j: 0.15 + 0.7 * jitter(i) })),
  );
  // Labels go on the side away from the exact value's rule, so the two never overlap.
  const all = dots
    .map((d) => d.estimate)
    .concat(data.exact)
    .filter(Number.isFinite);
  const [lo, hi] = [Math.min(...all), Math.max(...all)];
  const exactOnLeft = hi > lo ? (data.exact - lo) / (hi - lo) < 0.5 : true;
  return {
    ...frame(options, 70 + 80 * data.rows.length),
    marginLeft: 16,
    marginRight: 16,
    marginTop: 24,
    x: {
      label: labels.estimate,
      labelAnchor: 'right',
      tickFormat: formatTick,
      ticks: Math.max(3, Math.floor(options.width / 110)),
    },
    y: { axis: null, domain: [-0.45, 1] },
    fy: { domain: data.rows.map((r) => r.label), axis: null, padding: 0.15 },
    marks: [
      Plot.frame({ anchor: 'bottom', strokeOpacity: 0.4 }),
      Plot.dot(dots, {
        x: 'estimate',
        y: 'j',
        fy: 'label',
        r: 2.5,
        fill: (d: { method: Method }) => COLORS[d.method],
        fillOpacity: 0.55,
        symbol: (d: { method: Method }) => (d.method === 'prior' ? 'square' : 'circle'),
      }),
      Plot.link(data.rows, {
        x1: 'lower',
        x2: 'upper',
        y1: -0.25,
        y2: -0.25,
        fy: 'label',
        stroke: (r: SpreadRow) => COLORS[r.method],
        strokeWidth: 4,
      }),
      Plot.ruleX(data.rows, { x: 'mean', y1: -0.4, y2: -0.1, fy: 'label', stroke: COLORS.exact, strokeWidth: 2 }),
      Plot.text(data.rows, {
        fy: 'label',
        text: 'label',
        frameAnchor: exactOnLeft ? 'top-right' : 'top-left',
        dy: -14,
        fontWeight: 600,
        fill: (r: SpreadRow) => COLORS[r.method],
      }),
      Plot.ruleX([data.exact], { stroke: COLORS.exact, strokeDasharray: '3 2', strokeWidth: 1.5 }),
      Plot.text([data.exact], {
        x: (d: number) => d,
        frameAnchor: 'top',
        fy: () => data.rows[0]?.label,
        text: () => labels.exact,
        dy: -14,
        textAnchor: exactOnLeft ? 'start' : 'end',
        dx: exactOnLeft ? 4 : -4,
      }),
    ],
  };
}
