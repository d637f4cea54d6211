/**
 * Pure Plot specs for the widgets on the pretrained VAE: the importance-weighted bound 𝓛_K against K (log axis) with
 * error bars and the ELBO as a rule (chapter 3, elbo-gap), and a two-row comparison of the ELBO with the 𝓛_500
 * estimate of log p(x) for one digit (chapter 1, prior-samples). Each maps (data, options) to Plot options.
 */
import * as Plot from '@observablehq/plot';
import type { ChartSize } from './marginal-likelihood';
import { PLOT_CLASSES } from './plot-classes.mjs';
import { chartFrame } from './frame';

/** Series colours: CSS custom properties set per theme in src/styles/widgets.css (fallbacks for a bare SVG). */
export const COLORS = Object.freeze({
  bound: 'var(--eg-bound, #1f5fbf)',
  elbo: 'var(--eg-elbo, #a3410f)',
  gap: 'var(--eg-gap, #6a3d9a)',
});

const CLASS = PLOT_CLASSES.elboGap;

/** A mean with its standard error, in nats. */
export interface Estimate {
  readonly mean: number;
  readonly standardError: number;
}

/** One rung of the ladder: 𝓛_K's mean over its repeats, ± one standard error. */
export interface LadderPoint extends Estimate {
  readonly k: number;
}

export interface LadderData {
  /** The rungs computed so far (a rung appears once all its repeats are in). */
  readonly points: readonly LadderPoint[];
  readonly elbo: Estimate | null;
  /** Every K of the plan, for the axis, so it does not move while rungs arrive. */
  readonly ks: readonly number[];
}

export interface LadderOptions extends ChartSize {
  readonly labels: { readonly k: string; readonly nats: string; readonly elbo: string; readonly gap: string };
  readonly ariaLabel: string;
  readonly ariaDescription: string;
}

/** Lower and upper ends of a ± one standard error bar (the mean itself when the error is unknown). */
const lower = (e: Estimate) => e.mean - (Number.isFinite(e.standardError) ? e.standardError : 0);
const upper = (e: Estimate) => e.mean + (Number.isFinite(e.standardError) ? e.standardError : 0);

/** A y domain around `values` with a margin, at least `minSpan` nats tall so noise does not look like a cliff. */
export function paddedDomain(values: readonly number[], minSpan = 2): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [-1, 1];
  const [lo, hi] = [Math.min(...finite), Math.max(...finite)];
  const span = Math.max(hi - lo, minSpan);
  const middle = (lo + hi) / 2;
  return [middle - span * 0.62, middle + span * 0.62];
}

/**
 * 𝓛_K against K on a log axis: a dot per rung with a ± one standard error bar, joined by a line; the ELBO as a dashed
 * rule with its ± one standard error band; and, once the largest K is in, a bracket from the ELBO up to it: the gap.
 */
export function boundLadderChart(data: LadderData, options: LadderOptions): Plot.PlotOptions {
  const { labels } = options;
  const kMin = Math.min(...data.ks);
  const kMax = Math.max(...data.ks);
  const xDomain: [number, number] = [kMin / 1.6, kMax * 3];
  const elbo = data.elbo;
  const values = [...data.points.flatMap((p) => [lower(p), upper(p)]), ...(elbo ? [lower(elbo), upper(elbo)] : [])];
  const top = data.points.find((p) => p.k === kMax);
  const bracketX = kMax * 1.7;
  const marks: Plot.Markish[] = [];
  if (elbo) {
    marks.push(
      Plot.rect([elbo], {
        x1: () => xDomain[0],
        x2: () => xDomain[1],
        y1: lower,
        y2: upper,
        fill: COLORS.elbo,
        fillOpacity: 0.14,
      }),
      Plot.ruleY([elbo.mean], { stroke: COLORS.elbo, strokeWidth: 2, strokeDasharray: '6 3' }),
      Plot.text([elbo], {
        x: () => xDomain[0],
        y: 'mean',
        text: () => labels.elbo,
        textAnchor: 'start',
        dx: 4,
        dy: 10,
        fill: COLORS.elbo,
        fontWeight: 600,
      }),
    );
  }
  if (elbo && top) {
    marks.push(
      Plot.link([{ y1: elbo.mean, y2: top.mean }], {
        x1: () => bracketX,
        x2: () => bracketX,
        y1: 'y1',
        y2: 'y2',
        stroke: COLORS.gap,
        strokeWidth: 2,
        markerStart: 'tick',
        markerEnd: 'tick',
      }),
      Plot.text([{ y: (elbo.mean + top.mean) / 2 }], {
        x: () => bracketX,
        y: 'y',
        text: () => labels.gap,
        textAnchor: 'end',
        dx: -6,
        fill: COLORS.gap,
        fontWeight: 600,
      }),
    );
  }
  marks.push(
    // A log scale's own tick format blanks ticks like 5 and 50; an explicit text channel keeps every K labelled.
    Plot.axisX(data.ks, { text: (k: number) => String(k), label: labels.k, labelAnchor: 'right' }),
    Plot.line(data.points, { x: 'k', y: 'mean', stroke: COLORS.bound, strokeWidth: 1.5, strokeOpacity: 0.6 }),
    Plot.ruleX(data.points, { x: 'k', y1: lower, y2: upper, stroke: COLORS.bound, strokeWidth: 2 }),
    Plot.dot(data.points, { x: 'k', y: 'mean', r: 4.5, fill: COLORS.bound, stroke: 'var(--bg, #fff)', strokeWidth: 1 }),
  );
  return {
    ...chartFrame(CLASS, options, 280),
    marginLeft: 52,
    marginRight: 12,
    marginBottom: 36,
    x: { type: 'log', domain: xDomain },
    y: { domain: paddedDomain(values), label: labels.nats, labelAnchor: 'top', grid: true },
    marks,
  };
}

/** One row of the comparison: a name, an estimate, and whether it is the ELBO (dashed) or a bound (solid). */
export interface ComparisonRow extends Estimate {
  readonly label: string;
  readonly kind: 'elbo' | 'bound';
}

export interface ComparisonOptions extends ChartSize {
  readonly labels: { readonly nats: string };
  readonly ariaLabel: string;
  readonly ariaDescription: string;
}

/** Estimates side by side on one nats axis: a dot ± one standard error per row, the ELBO's bar dashed. */
export function comparisonChart(rows: readonly ComparisonRow[], options: ComparisonOptions): Plot.PlotOptions {
  const values = rows.flatMap((r) => [lower(r), upper(r)]);
  const color = (r: ComparisonRow) => (r.kind === 'elbo' ? COLORS.elbo : COLORS.bound);
  return {
    ...chartFrame(CLASS, options, 40 + 44 * Math.max(1, rows.length)),
    marginLeft: 12,
    marginRight: 16,
    marginBottom: 36,
    x: { domain: paddedDomain(values), label: options.labels.nats, labelAnchor: 'right', grid: true },
    y: { domain: rows.map((r) => r.label), axis: null },
    marks: [
      // Dash patterns are constants in Plot, so the ELBO's bar and the bounds' bars are two marks.
      Plot.ruleY(
        rows.filter((r) => r.kind === 'elbo'),
        { y: 'label', x1: lower, x2: upper, stroke: COLORS.elbo, strokeWidth: 3, strokeDasharray: '6 3' },
      ),
      Plot.ruleY(
        rows.filter((r) => r.kind === 'bound'),
        { y: 'label', x1: lower, x2: upper, stroke: COLORS.bound, strokeWidth: 3 },
      ),
      Plot.dot(rows, { y: 'label', x: 'mean', r: 5, fill: color, stroke: 'var(--bg, #fff)', strokeWidth: 1 }),
      Plot.text(rows, { y: 'label', x: 'mean', text: 'label', dy: -14, fill: color, fontWeight: 600 }),
    ],
  };
}
