/**
 * The VAE lab's loss curves against the training step: reconstruction, KL, −ELBO and the β-weighted objective, the
 * held-out −ELBO as dots, and a marked rule at each β change. Series are named at their right end, so no legend.
 */
import * as Plot from '@observablehq/plot';
import type { BetaChange, HeldOutPoint, LossPoint } from './types';
import { approxTextWidth } from '../frame';
import { LAB_COLORS, LAB_DASHES, extent, formatNumber, frame, spreadLabels, type LabChartOptions } from './common';

/** The history to draw (MetricHistory's points(), heldOut() and betaChanges()). */
export interface LossData {
  readonly points: readonly LossPoint[];
  readonly heldOut: readonly HeldOutPoint[];
  readonly betaChanges: readonly BetaChange[];
}

/** Every visible string of the loss chart; `beta` prefixes the β-change labels ("β 1→4"). */
export interface LossLabels {
  readonly step: string;
  readonly nats: string;
  readonly reconstruction: string;
  readonly kl: string;
  readonly negElbo: string;
  readonly objective: string;
  readonly heldOut: string;
  readonly beta: string;
}

/** Size, labels and accessible text, and whether the y axis is logarithmic. */
export interface LossOptions extends LabChartOptions<LossLabels> {
  readonly logY?: boolean;
}

type Series = 'reconstruction' | 'kl' | 'negElbo' | 'objective';

const SERIES: readonly Series[] = ['reconstruction', 'kl', 'negElbo', 'objective'];
const STROKE_WIDTH: Readonly<Record<Series, number>> = { reconstruction: 1.5, kl: 1.5, negElbo: 2.5, objective: 1.5 };
const MARGIN = Object.freeze({ top: 28, right: 124, bottom: 36, left: 52 });
const LABEL_GAP = 13;
// End labels are set in semibold, about a tenth wider than approxTextWidth's regular weight; dx 6 plus a little room.
const END_LABEL_WEIGHT = 1.12;
const END_LABEL_PAD = 10;

/** The right margin: the default, or wider where the longest end label (e.g. "reconstruction loss") needs it. */
export function lossMarginRight(labels: readonly string[]): number {
  const widest = Math.max(0, ...labels.map((text) => approxTextWidth(text) * END_LABEL_WEIGHT));
  return Math.max(MARGIN.right, Math.ceil(widest + END_LABEL_PAD));
}

/** The objective is only its own curve where β ≠ 1; elsewhere it is the −ELBO and is left out (a gap in its line). */
function seriesValue(point: LossPoint, series: Series): number {
  return series === 'objective' && point.beta === 1 ? NaN : point[series];
}

/** The y domain covering every drawn value (from 0 on a linear axis; positive values only on a log axis). */
function yDomain(values: number[], logY: boolean): [number, number] {
  const range = extent(logY ? values.filter((v) => v > 0) : values.concat(0));
  if (!range) return logY ? [1, 10] : [0, 1];
  const [lo, hi] = range;
  if (logY) return hi > lo ? [lo / 1.15, hi * 1.15] : [lo / 2, lo * 2];
  return [lo, hi > lo ? hi + 0.05 * (hi - lo) : lo + 1];
}

/**
 * Loss terms (nats per image) against the step: reconstruction (solid), KL (dashed), −ELBO (thick), the β-weighted
 * objective (dotted, only where β ≠ 1), held-out −ELBO (diamonds) and a labelled rule at each β change.
 */
export function lossChart(data: LossData, options: LossOptions): Plot.PlotOptions {
  const { labels } = options;
  const logY = options.logY ?? false;
  const height = options.height ?? 300;
  const shown = (v: number) => (logY && !(v > 0) ? NaN : v);

  const steps = extent([...data.points, ...data.heldOut, ...data.betaChanges].map((p) => p.step)) ?? [0, 1];
  const x: [number, number] = steps[1] > steps[0] ? steps : [steps[0], steps[0] + 1];
  const values = data.points
    .flatMap((p) => SERIES.map((s) => seriesValue(p, s)))
    .concat(data.heldOut.map((p) => p.negElbo));
  const y = yDomain(values, logY);

  // End labels sit in the right margin at their series' last value, nudged apart in pixels so none overlap.
  const [top, bottom] = [MARGIN.top, height - MARGIN.bottom];
  const toPixel = logY
    ? (v: number) => bottom - ((Math.log(v) - Math.log(y[0])) / (Math.log(y[1]) - Math.log(y[0]))) * (bottom - top)
    : (v: number) => bottom - ((v - y[0]) / (y[1] - y[0])) * (bottom - top);
  const last = data.points[data.points.length - 1];
  const lastHeldOut = data.heldOut[data.heldOut.length - 1];
  const ends = [
    ...SERIES.map((s) => ({ text: labels[s], value: last ? shown(seriesValue(last, s)) : NaN, fill: LAB_COLORS[s] })),
    { text: labels.heldOut, value: lastHeldOut ? shown(lastHeldOut.negElbo) : NaN, fill: LAB_COLORS.heldOut },
  ].filter((e) => Number.isFinite(e.value));
  const pixels = ends.map((e) => toPixel(e.value));
  const spread = spreadLabels(pixels, LABEL_GAP);

  return {
    ...frame(options, 300),
    marginTop: MARGIN.top,
    marginRight: lossMarginRight([...SERIES.map((s) => labels[s]), labels.heldOut]),
    marginBottom: MARGIN.bottom,
    marginLeft: MARGIN.left,
    x: { domain: x, label: labels.step, labelAnchor: 'right' },
    y: { type: logY ? 'log' : 'linear', domain: y, label: labels.nats, labelAnchor: 'top', grid: true },
    marks: [
      Plot.frame({ anchor: 'bottom', strokeOpacity: 0.4 }),
      Plot.ruleX(data.betaChanges, {
        x: 'step',
        stroke: LAB_COLORS.guide,
        strokeDasharray: LAB_DASHES.guide,
        className: 'lab-beta-change',
      }),
      Plot.text(data.betaChanges, {
        x: 'step',
        frameAnchor: 'top',
        lineAnchor: 'top',
        dx: 3,
        dy: 2,
        textAnchor: 'start',
        fontSize: 10,
        text: (c: BetaChange) => `${labels.beta} ${formatNumber(c.from)}→${formatNumber(c.to)}`,
        className: 'lab-beta-label',
      }),
      ...SERIES.map((s) =>
        Plot.line(data.points, {
          x: 'step',
          y: (p: LossPoint) => shown(seriesValue(p, s)),
          stroke: LAB_COLORS[s],
          strokeWidth: STROKE_WIDTH[s],
          strokeDasharray: LAB_DASHES[s],
          className: `lab-series-${s}`,
        }),
      ),
      Plot.dot(data.heldOut, {
        x: 'step',
        y: (p: HeldOutPoint) => shown(p.negElbo),
        symbol: 'diamond',
        r: 4,
        fill: LAB_COLORS.heldOut,
        stroke: LAB_COLORS.halo,
        strokeWidth: 1,
        className: 'lab-held-out',
      }),
      ...ends.map((e, i) =>
        Plot.text([e], {
          x: () => x[1],
          y: 'value',
          text: 'text',
          fill: e.fill,
          dx: 6,
          dy: spread[i]! - pixels[i]!,
          textAnchor: 'start',
          fontWeight: 600,
          className: 'lab-end-label',
        }),
      ),
    ],
  };
}
