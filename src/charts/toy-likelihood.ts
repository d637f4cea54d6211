/**
 * Pure Plot specs for chapter 2's toy-likelihood widget: the model's density p(x) over the data points, one bar per
 * point for its log p(x⁽ⁱ⁾), and ℓ as a function of w with the current and the best w marked. Each builder maps
 * (data, options) to a Plot options object; the caller adds `document` (tests) or nothing (the page) and calls Plot.plot.
 */
import * as Plot from '@observablehq/plot';
import { PLOT_CLASSES } from './plot-classes.mjs';
import { COLORS, type ChartSize } from './marginal-likelihood';
import { niceTicks, valueAxis } from './ticks';
import { chartFrame } from './frame';

const CLASS = PLOT_CLASSES.toyLikelihood;
/** The model's colour (as q in chapter 1's widget) and the data's (as the posterior there). */
const MODEL_COLOR = COLORS.proposal;
const DATA_COLOR = COLORS.prior;
const BEST_COLOR = COLORS.posterior;

/** What every chart here shares: size, accessible name and description. */
export interface FrameOptions extends ChartSize {
  readonly ariaLabel: string;
  readonly ariaDescription: string;
}

const frame = (options: FrameOptions, defaultHeight: number) => chartFrame(CLASS, options, defaultHeight);

// ─── 1. The density over the data ─────────────────────────────────────────────────────────────────────────────────

/** A data point with the density the model gives it. */
export interface DataPoint {
  readonly x: number;
  readonly density: number;
}

export interface DensityData {
  readonly curve: readonly DataPoint[];
  readonly points: readonly DataPoint[];
  /** The peak density of the best fit: the y axis reaches at least this high, so a model that widens visibly flattens. */
  readonly referencePeak: number;
}

export interface DensityOptions extends FrameOptions {
  readonly labels: { readonly x: string; readonly density: string; readonly curve: string };
}

/** p(x) as a shaded curve; each data point a dot on the axis with a line up to its density. */
export function densityChart(data: DensityData, options: DensityOptions): Plot.PlotOptions {
  const { labels } = options;
  const top = Math.max(
    data.referencePeak,
    ...data.curve.map((d) => d.density),
    ...data.points.map((d) => d.density),
    1e-9,
  );
  const peak = data.curve.reduce((a, b) => (b.density > a.density ? b : a), data.curve[0] ?? { x: 0, density: 0 });
  return {
    ...frame(options, 220),
    marginLeft: 48,
    x: { label: labels.x, labelAnchor: 'right' },
    y: valueAxis(labels.density, top, 3, 1.15),
    marks: [
      Plot.areaY(data.curve, { x: 'x', y: 'density', fill: MODEL_COLOR, fillOpacity: 0.12 }),
      Plot.line(data.curve, { x: 'x', y: 'density', stroke: MODEL_COLOR, strokeWidth: 2 }),
      Plot.text([peak], {
        x: 'x',
        y: 'density',
        text: () => labels.curve,
        dy: -8,
        dx: 6,
        textAnchor: 'start',
        fill: MODEL_COLOR,
        fontWeight: 600,
      }),
      Plot.ruleY([0], { strokeOpacity: 0.5 }),
      Plot.ruleX(data.points, { x: 'x', y1: 0, y2: 'density', stroke: DATA_COLOR, strokeWidth: 2 }),
      Plot.dot(data.points, { x: 'x', y: 0, r: 4.5, fill: DATA_COLOR, stroke: 'var(--bg, #fff)', strokeWidth: 1 }),
    ],
  };
}

// ─── 2. One bar per point ─────────────────────────────────────────────────────────────────────────────────────────

/** A data point's name ("x = 3") and its log p(x⁽ⁱ⁾). */
export interface PointBar {
  readonly name: string;
  readonly logLikelihood: number;
}

export interface PointsOptions extends FrameOptions {
  readonly labels: { readonly axis: string };
  /** How a value is printed beside its bar (the widget's 3 decimals). */
  readonly format: (value: number) => string;
}

/** Pixels per bar row. */
const ROW_HEIGHT = 28;

/** Horizontal bars from 0 leftwards, one per data point in data order, each labelled with its value. */
export function pointsChart(bars: readonly PointBar[], options: PointsOptions): Plot.PlotOptions {
  const lowest = Math.min(0, ...bars.map((d) => d.logLikelihood));
  const highest = Math.max(0, ...bars.map((d) => d.logLikelihood));
  const span = Math.max(highest - lowest, 1e-9);
  // Room past the longest bar on each side for the value printed there.
  const room = (end: number) => (end === 0 ? span * 0.02 : span * 0.4);
  return {
    ...frame({ ...options, height: options.height ?? bars.length * ROW_HEIGHT + 44 }, 0),
    marginLeft: 72,
    marginRight: 12,
    x: {
      domain: [lowest - room(lowest), highest + room(highest)],
      label: options.labels.axis,
      labelAnchor: 'left',
      ticks: niceTicks(lowest, highest, 4),
    },
    y: { domain: bars.map((d) => d.name), label: null, padding: 0.25 },
    marks: [
      Plot.barX(bars, { x1: 0, x2: 'logLikelihood', y: 'name', fill: DATA_COLOR, fillOpacity: 0.85 }),
      // Each value sits past its bar's end: left of a negative bar, right of a positive one.
      ...([-1, 1] as const).map((side) =>
        Plot.text(
          bars.filter((d) => (d.logLikelihood < 0 ? -1 : 1) === side),
          {
            x: 'logLikelihood',
            y: 'name',
            text: (d: PointBar) => options.format(d.logLikelihood),
            textAnchor: side < 0 ? 'end' : 'start',
            dx: 4 * side,
            fill: 'currentColor',
          },
        ),
      ),
      Plot.ruleX([0], { strokeOpacity: 0.7 }),
    ],
  };
}

// ─── 3. ℓ as a function of w ──────────────────────────────────────────────────────────────────────────────────────

/** A value of w with ℓ there. */
export interface CurvePoint {
  readonly w: number;
  readonly logLikelihood: number;
}

export interface CurveData {
  readonly curve: readonly CurvePoint[];
  readonly current: CurvePoint;
  /** The best w for the held b and s (its magnitude; −w does as well) and ℓ there. */
  readonly best: CurvePoint;
  /** The largest ℓ any θ reaches (closed form). */
  readonly ceiling: number;
}

export interface CurveOptions extends FrameOptions {
  readonly labels: {
    readonly w: string;
    readonly logLikelihood: string;
    readonly now: string;
    readonly best: string;
    readonly ceiling: string;
  };
}

/** How far below the top the ℓ axis reaches at least, in nats, and at most (a deep dip near w = 0 is cut off). */
const CURVE_SPAN = Object.freeze({ min: 6, max: 14 });

/** The ℓ axis: from a little above the ceiling down far enough to show the current point, but not the whole dip near 0. */
export function curveDomain(data: CurveData): [number, number] {
  const top = Math.max(data.ceiling, data.current.logLikelihood);
  const low = Math.min(...data.curve.map((d) => d.logLikelihood));
  const wanted = Math.min(data.current.logLikelihood - 1, top - CURVE_SPAN.min);
  const bottom = Math.max(low, top - CURVE_SPAN.max, wanted);
  const pad = (top - bottom) * 0.08;
  return [bottom - pad, top + pad];
}

/** The curve ℓ(w), dashed rules at ±best w, a dotted ceiling at the overall maximum, and a dot at the current w. */
export function curveChart(data: CurveData, options: CurveOptions): Plot.PlotOptions {
  const { labels } = options;
  const domain = curveDomain(data);
  const bestWs = data.best.w === 0 ? [0] : [-Math.abs(data.best.w), Math.abs(data.best.w)];
  const bestLabelW = data.current.w < 0 ? -Math.abs(data.best.w) : Math.abs(data.best.w);
  const [lo, hi] = [data.curve[0]?.w ?? -1, data.curve[data.curve.length - 1]?.w ?? 1];
  return {
    ...frame(options, 240),
    marginLeft: 48,
    marginTop: 24,
    x: { domain: [lo, hi], label: labels.w, labelAnchor: 'right' },
    y: { domain, label: labels.logLikelihood, labelAnchor: 'top', ticks: niceTicks(domain[0], domain[1], 4) },
    marks: [
      Plot.ruleY([data.ceiling], { stroke: 'currentColor', strokeOpacity: 0.6, strokeDasharray: '2 3' }),
      Plot.text([{ w: lo, y: data.ceiling }], {
        x: 'w',
        y: 'y',
        text: () => labels.ceiling,
        textAnchor: 'start',
        dx: 4,
        dy: -7,
        fill: 'currentColor',
        fontSize: 11,
      }),
      Plot.ruleX(bestWs, { stroke: BEST_COLOR, strokeWidth: 1.5, strokeDasharray: '6 3' }),
      Plot.text([{ w: bestLabelW }], {
        x: 'w',
        frameAnchor: 'top',
        dy: -14,
        text: () => labels.best,
        fill: BEST_COLOR,
        fontWeight: 600,
      }),
      Plot.line(data.curve, { x: 'w', y: 'logLikelihood', stroke: MODEL_COLOR, strokeWidth: 2, clip: true }),
      Plot.dot([{ ...data.best, w: bestLabelW }], {
        x: 'w',
        y: 'logLikelihood',
        r: 4,
        fill: 'var(--bg, #fff)',
        stroke: BEST_COLOR,
        strokeWidth: 2,
      }),
      Plot.dot([data.current], {
        x: 'w',
        y: 'logLikelihood',
        r: 6,
        fill: DATA_COLOR,
        stroke: 'var(--bg, #fff)',
        strokeWidth: 1.5,
        clip: true,
      }),
      Plot.text([data.current], {
        x: 'w',
        y: 'logLikelihood',
        text: () => labels.now,
        dy: 16,
        textAnchor: data.current.w > (lo + hi) / 2 ? 'end' : 'start',
        fill: DATA_COLOR,
        fontWeight: 600,
        clip: true,
      }),
    ],
  };
}
