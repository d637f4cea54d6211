/**
 * Pure Plot spec for chapter 5's gradient-race widget: a histogram of one estimator's repeated estimates on a range
 * the three estimators share, with the true gradient as a rule. The caller adds `document` (tests) or nothing (the page).
 */
import * as Plot from '@observablehq/plot';
import type { Estimator, Histogram } from '../core/toys/gradient-estimator-study';
import { formatTick, niceTicks, valueAxis } from './ticks';
import { PLOT_CLASSES } from './plot-classes.mjs';
import { chartFrame } from './frame';

/** Series colours: CSS custom properties set per theme in src/styles/widgets.css (fallbacks for a bare SVG). */
export const COLORS: Readonly<Record<Estimator, string>> = Object.freeze({
  pathwise: 'var(--gr-pathwise, #1f5fbf)',
  score: 'var(--gr-score, #a3410f)',
  scoreBaseline: 'var(--gr-baseline, #6a3d9a)',
});

/** One estimator's histogram (with the counts beyond its range) and the true gradient. */
export interface HistogramData {
  readonly estimator: Estimator;
  readonly histogram: Histogram;
  readonly truth: number;
}

/** Size, axis labels and the accessible name and description. */
export interface HistogramOptions {
  readonly width: number;
  readonly height?: number;
  readonly labels: { readonly estimate: string; readonly count: string; readonly truth: string };
  readonly ariaLabel: string;
  readonly ariaDescription: string;
}

/** One bar: the bin's edges and its count. */
export interface Bar {
  readonly x1: number;
  readonly x2: number;
  readonly count: number;
}

/** The bars of a histogram, left to right. */
export function bars(histogram: Histogram): Bar[] {
  const { lo, binWidth } = histogram;
  return histogram.counts.map((count, i) => ({ x1: lo + i * binWidth, x2: lo + (i + 1) * binWidth, count }));
}

/**
 * Bars over the shared range [lo, hi] (so a narrow histogram looks narrow next to a wide one), the true gradient as a
 * dashed rule, and at the left and right edges the number of estimates beyond the range ("◂ 12", "7 ▸").
 */
export function histogramChart(data: HistogramData, options: HistogramOptions): Plot.PlotOptions {
  const { histogram, truth, estimator } = data;
  const { labels } = options;
  const top = Math.max(1, ...histogram.counts);
  const beyond = (count: number, side: 'left' | 'right') =>
    count > 0
      ? [
          Plot.text([count], {
            frameAnchor: `top-${side}`,
            text: (d: number) => (side === 'left' ? `◂ ${d}` : `${d} ▸`),
            textAnchor: side === 'left' ? 'start' : 'end',
            dy: -12,
            fill: COLORS[estimator],
            fontWeight: 600,
          }),
        ]
      : [];
  return {
    ...chartFrame(PLOT_CLASSES.gradientRace, options, 165),
    marginLeft: 44,
    marginRight: 14,
    marginTop: 22,
    marginBottom: 40,
    x: {
      domain: [histogram.lo, histogram.hi],
      label: labels.estimate,
      labelAnchor: 'right',
      labelOffset: 36,
      ticks: niceTicks(histogram.lo, histogram.hi, Math.max(4, Math.floor(options.width / 80))),
      tickFormat: formatTick,
    },
    y: valueAxis(labels.count, top, 3, 1.08),
    marks: [
      Plot.rectY(bars(histogram), {
        x1: 'x1',
        x2: 'x2',
        y: 'count',
        fill: COLORS[estimator],
        fillOpacity: 0.85,
        insetLeft: 0.5,
        insetRight: 0.5,
      }),
      Plot.ruleY([0], { strokeOpacity: 0.6 }),
      Plot.ruleX([truth], { stroke: 'currentColor', strokeDasharray: '4 3', strokeWidth: 1.5 }),
      Plot.text([truth], {
        x: (d: number) => d,
        frameAnchor: 'top',
        text: () => labels.truth,
        dy: -12,
        fontWeight: 600,
      }),
      ...beyond(histogram.below, 'left'),
      ...beyond(histogram.above, 'right'),
    ],
  };
}
