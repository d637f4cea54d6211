/**
 * Pure Plot specs for chapter 1's marginal-likelihood widget: densities over z with the drawn samples, the running
 * estimate against the sample count, and the spread of repeated estimates. Each builder maps (data, options) to a
 * Plot options object; the caller adds `document` (tests) or nothing (the page) and calls Plot.plot.
 */
import * as Plot from '@observablehq/plot';
import type { DensityPoint } from '../core/toys/marginal-likelihood-study';
import { PLOT_CLASSES } from './plot-classes.mjs';
import { chartFrame } from './frame';

/** Which sampler a series belongs to: the prior p(z) (the naive estimate) or the proposal q (importance sampling). */
export type Method = 'prior' | 'proposal';

/** Series colours: CSS custom properties set per theme in src/styles/widgets.css (fallbacks for a bare SVG). */
export const COLORS = Object.freeze({
  prior: 'var(--ml-prior, #8a3b12)',
  proposal: 'var(--ml-proposal, #1f5fbf)',
  posterior: 'var(--ml-posterior, #2f7d4a)',
  exact: 'currentColor',
});

/** Dash patterns, so colour is never the only thing telling the series apart. */
export const DASHES = Object.freeze({ prior: '6 3', proposal: 'none' });

/** Shared sizing: every chart fills its container's width. */
export interface ChartSize {
  readonly width: number;
  readonly height?: number;
}

const CLASS = PLOT_CLASSES.marginalLikelihood;

/** The options every chart here shares: size, class, font and its accessible name and description. */
const frame = (options: ChartSize & { ariaLabel: string; ariaDescription: string }, defaultHeight: number) =>
  chartFrame(CLASS, options, defaultHeight);

/** About `count` round tick values covering [lo, hi] (1, 2 or 5 times a power of ten apart). */
export function niceTicks(lo: number, hi: number, count = 4): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
    ticks.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return ticks;
}

/** Formats a tick value compactly: 3 significant digits, or m×10⁻ⁿ (superscript exponent) below 10⁻³. */
export function formatDensity(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs < 1e-3 || abs >= 1e5) {
    const [mantissa, exponent] = value.toExponential(2).split('e') as [string, string];
    const superscript = exponent
      .replace('+', '')
      .replace(/[-0-9]/g, (c) => '⁻⁰¹²³⁴⁵⁶⁷⁸⁹'['-0123456789'.indexOf(c)] as string);
    return `${Number(mantissa)}×10${superscript}`;
  }
  return String(Number(value.toPrecision(3)));
}

// ─── 1. Densities over z ──────────────────────────────────────────────────────────────────────────────────────────

/** A drawn sample and its weight relative to the heaviest sample of the same sampler (0 … 1). */
export interface DrawnSample {
  readonly method: Method;
  readonly z: number;
  readonly relativeWeight: number;
}

export interface DensityData {
  readonly curves: readonly DensityPoint[];
  readonly samples: readonly DrawnSample[];
}

export interface DensityOptions extends ChartSize {
  readonly labels: {
    readonly z: string;
    readonly density: string;
    readonly prior: string;
    readonly proposal: string;
    readonly posterior: string;
    readonly priorSamples: string;
    readonly proposalSamples: string;
  };
  readonly ariaLabel: string;
  readonly ariaDescription: string;
}

/**
 * p(z) (dashed), q(z) (solid) and the integrand p(z) p(x|z) scaled to area 1 (= p(z|x), shaded), with the drawn
 * samples as two rows of ticks below the axis; a tick's opacity is its importance weight relative to the heaviest.
 */
export function densityChart(data: DensityData, options: DensityOptions): Plot.PlotOptions {
  const { labels } = options;
  const top = Math.max(...data.curves.map((d) => Math.max(d.prior, d.proposal, d.posterior)), 1e-9);
  const row = top * 0.1;
  const band = (method: Method) => (method === 'prior' ? [-1.0 * row, -1.9 * row] : [-2.4 * row, -3.3 * row]);
  const peak = (key: 'prior' | 'proposal' | 'posterior') => data.curves.reduce((a, b) => (b[key] > a[key] ? b : a));
  const tickLabel = (method: Method) => ({
    z: data.curves[0]?.z ?? 0,
    y: (band(method)[0]! + band(method)[1]!) / 2,
    text: method === 'prior' ? labels.priorSamples : labels.proposalSamples,
  });
  return {
    ...frame(options, 260),
    marginLeft: 48,
    x: { label: labels.z, labelAnchor: 'right' },
    y: {
      domain: [-3.5 * row, top * 1.12],
      label: labels.density,
      ticks: niceTicks(0, top, 4),
      tickFormat: formatDensity,
      labelAnchor: 'top',
    },
    marks: [
      Plot.ruleY([0], { strokeOpacity: 0.5 }),
      Plot.areaY(data.curves, { x: 'z', y: 'posterior', fill: COLORS.posterior, fillOpacity: 0.25 }),
      Plot.line(data.curves, { x: 'z', y: 'posterior', stroke: COLORS.posterior, strokeWidth: 1.5 }),
      Plot.line(data.curves, {
        x: 'z',
        y: 'prior',
        stroke: COLORS.prior,
        strokeWidth: 2,
        strokeDasharray: DASHES.prior,
      }),
      Plot.line(data.curves, { x: 'z', y: 'proposal', stroke: COLORS.proposal, strokeWidth: 2 }),
      Plot.text([peak('prior')], {
        x: 'z',
        y: 'prior',
        text: () => labels.prior,
        dy: -8,
        fill: COLORS.prior,
        fontWeight: 600,
      }),
      Plot.text([peak('proposal')], {
        x: 'z',
        y: 'proposal',
        text: () => labels.proposal,
        dy: -8,
        fill: COLORS.proposal,
        fontWeight: 600,
        textAnchor: 'start',
        dx: 6,
      }),
      Plot.text([peak('posterior')], {
        x: 'z',
        y: 'posterior',
        text: () => labels.posterior,
        dy: -8,
        fill: COLORS.posterior,
        fontWeight: 600,
        textAnchor: 'end',
        dx: -6,
      }),
      Plot.ruleX(data.samples, {
        x: 'z',
        y1: (d: DrawnSample) => band(d.method)[0],
        y2: (d: DrawnSample) => band(d.method)[1],
        stroke: (d: DrawnSample) => COLORS[d.method],
        strokeOpacity: (d: DrawnSample) => 0.15 + 0.85 * d.relativeWeight,
        strokeWidth: 1.5,
      }),
      Plot.text([tickLabel('prior'), tickLabel('proposal')], {
        x: 'z',
        y: 'y',
        text: 'text',
        textAnchor: 'start',
        dx: -44,
        fontSize: 10,
      }),
    ],
  };
}

// ─── 2. The running estimate against the number of samples ────────────────────────────────────────────────────────

/** One sampler's running estimate p̂ after `count` samples, with the closed-form ±2 sd band around p(x). */
export interface TracePoint {
  readonly method: Method;
  readonly count: number;
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
}

export interface ConvergenceData {
  readonly exact: number;
  readonly points: readonly TracePoint[];
}

export interface ConvergenceOptions extends ChartSize {
  readonly labels: {
    readonly count: string;
    readonly estimate: string;
    readonly exact: string;
    readonly prior: string;
    readonly proposal: string;
  };
  readonly ariaLabel: string;
  readonly ariaDescription: string;
}

/** p̂ against the sample count (log x), one line per sampler, p(x) as a rule, and each sampler's expected ±2 sd funnel. */
export function convergenceChart(data: ConvergenceData, options: ConvergenceOptions): Plot.PlotOptions {
  const { labels } = options;
  const methods: Method[] = ['prior', 'proposal'];
  const last = methods.flatMap((m) => data.points.filter((p) => p.method === m).slice(-1));
  const values = data.points.flatMap((p) => [p.estimate, Math.min(p.upper, 3 * data.exact)]).concat([0, data.exact]);
  const yMax = Math.max(...values.filter(Number.isFinite));
  return {
    ...frame(options, 260),
    marginLeft: 56,
    marginRight: 16,
    x: { type: 'log', label: labels.count, labelAnchor: 'right' },
    y: { domain: [0, yMax * 1.1], label: labels.estimate, tickFormat: formatDensity, labelAnchor: 'top', clamp: true },
    marks: [
      ...methods.map((m) =>
        Plot.areaY(
          data.points.filter((p) => p.method === m),
          { x: 'count', y1: 'lower', y2: 'upper', fill: COLORS[m], fillOpacity: 0.12, curve: 'step-after' },
        ),
      ),
      Plot.ruleY([data.exact], { stroke: COLORS.exact, strokeWidth: 1 }),
      Plot.text([data.exact], {
        y: (d: number) => d,
        frameAnchor: 'left',
        text: () => labels.exact,
        dy: -7,
        dx: 4,
        textAnchor: 'start',
      }),
      ...methods.map((m) =>
        Plot.line(
          data.points.filter((p) => p.method === m),
          { x: 'count', y: 'estimate', stroke: COLORS[m], strokeWidth: 2, strokeDasharray: DASHES[m] },
        ),
      ),
      Plot.dot(last, {
        x: 'count',
        y: 'estimate',
        fill: (d: TracePoint) => COLORS[d.method],
        r: 3.5,
        symbol: (d: TracePoint) => (d.method === 'prior' ? 'square' : 'circle'),
      }),
      ...methods.map((m) =>
        Plot.text(
          last.filter((p) => p.method === m),
          {
            x: 'count',
            y: 'estimate',
            text: () => labels[m],
            textAnchor: 'end',
            dx: -8,
            dy: m === 'prior' ? -10 : 12,
            fill: COLORS[m],
            fontWeight: 600,
          },
        ),
      ),
    ],
  };
}

// ─── 3. The spread of repeated estimates ──────────────────────────────────────────────────────────────────────────

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
      tickFormat: formatDensity,
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
