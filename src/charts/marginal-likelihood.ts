/**
 * Pure Plot specs for chapter 1's marginal-likelihood widget: densities over z with the drawn samples, and the running
 * estimate against the sample count (the spread of repeated estimates is in marginal-likelihood-spread.ts). Each builder maps (data, options) to a
 * Plot options object; the caller adds `document` (tests) or nothing (the page) and calls Plot.plot.
 */
import * as Plot from '@observablehq/plot';
import type { DensityPoint } from '../core/toys/marginal-likelihood-study';
import { PLOT_CLASSES } from './plot-classes.mjs';
import { chartFrame } from './frame';
import { formatTick, valueAxis } from './ticks';
import { densityCurveMarks, peakLabel, peakOf, type Curve } from './density-marks';

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
export const frame = (options: ChartSize & { ariaLabel: string; ariaDescription: string }, defaultHeight: number) =>
  chartFrame(CLASS, options, defaultHeight);

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
  const at = (key: Curve) => {
    const peak = peakOf(data.curves, key);
    return { z: peak.z, y: peak[key] };
  };
  const tickLabel = (method: Method) => ({
    z: data.curves[0]?.z ?? 0,
    y: (band(method)[0]! + band(method)[1]!) / 2,
    text: method === 'prior' ? labels.priorSamples : labels.proposalSamples,
  });
  return {
    ...frame(options, 260),
    marginLeft: 48,
    x: { label: labels.z, labelAnchor: 'right' },
    y: valueAxis(labels.density, top, 4, 1.12, -3.5 * row),
    marks: [
      ...densityCurveMarks(data.curves, { strokeWidth: 2 }),
      peakLabel(at('prior'), 'prior', labels.prior),
      peakLabel(at('proposal'), 'proposal', labels.proposal, { textAnchor: 'start', dx: 6 }),
      peakLabel(at('posterior'), 'posterior', labels.posterior, { textAnchor: 'end', dx: -6 }),
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
    y: { domain: [0, yMax * 1.1], label: labels.estimate, tickFormat: formatTick, labelAnchor: 'top', clamp: true },
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
