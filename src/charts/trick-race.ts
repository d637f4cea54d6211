/**
 * Chapter 5's race on the real VAE: held-out −ELBO against the training step for each gradient estimator (thick line,
 * a marker per evaluation) over the thin, noisier −ELBO of the training batches. Each run differs by colour, dash and
 * marker; the page's legend names them, so the chart needs no right margin for labels and fits 360 px.
 */
import * as Plot from '@observablehq/plot';
import type { HeldOutPoint, LossPoint } from './lab/types';
import { extent, formatNumber, frame, type LabChartOptions } from './lab/common';
import { margins } from './frame';

/** One run of the race, named by how it estimates the encoder's gradient. */
export type RunKey = 'pathwise' | 'scoreBaseline' | 'score';

/** Run colours: CSS custom properties set per theme in src/styles/widgets.css, with fallbacks for a bare SVG. */
export const RACE_COLORS: Readonly<Record<RunKey, string>> = Object.freeze({
  pathwise: 'var(--tr-pathwise, #1f5fbf)',
  scoreBaseline: 'var(--tr-score-baseline, #6a3d9a)',
  score: 'var(--tr-score, #a3410f)',
});

/** Dash patterns of the held-out lines ('none' = solid), so colour is never the only cue. */
export const RACE_DASHES: Readonly<Record<RunKey, string>> = Object.freeze({
  pathwise: 'none',
  scoreBaseline: '7 3',
  score: '2 3',
});

/** Marker of each run's held-out evaluations. */
export const RACE_SYMBOLS: Readonly<Record<RunKey, 'circle' | 'square' | 'triangle'>> = Object.freeze({
  pathwise: 'circle',
  scoreBaseline: 'square',
  score: 'triangle',
});

/** One run's history: held-out evaluations and the training-batch points (MetricHistory's heldOut() and points()). */
export interface RaceSeries {
  readonly key: RunKey;
  readonly heldOut: readonly HeldOutPoint[];
  readonly batch: readonly LossPoint[];
}

/** The runs to draw and the step budget, which fixes the x axis so the curves fill it as they train. */
export interface RaceData {
  readonly runs: readonly RaceSeries[];
  readonly budget: number;
}

/** The axis labels, and the word before the off-scale starting value ("start 637 ↑"). */
export interface RaceLabels {
  readonly step: string;
  readonly nats: string;
  readonly start: string;
}

/** Size, labels and accessible text. */
export type RaceOptions = LabChartOptions<RaceLabels>;

const MARGIN = Object.freeze({ top: 26, right: 14, bottom: 36, left: 48 });

/**
 * From this step on, values set the top of the y axis. The untrained model's −ELBO (≈ 640 nats) is several times what
 * any run reaches after a few dozen steps; scaled to include it, the gap between the runs would be a few pixels.
 */
export const ZOOM_FROM_STEP = 25;

/** The y domain over the values from `ZOOM_FROM_STEP` on (all values before there are any), padded by 4 %. */
function yDomain(points: readonly { step: number; negElbo: number }[]): [number, number] {
  const later = points.filter((p) => p.step >= ZOOM_FROM_STEP);
  const range = extent((later.length > 0 ? later : points).map((p) => p.negElbo));
  if (!range) return [0, 1];
  const [lo, hi] = range;
  const pad = hi > lo ? 0.04 * (hi - lo) : 0.5;
  return [lo - pad, hi + pad];
}

/** What every run's mark shares: (step, −ELBO), clipped to the axes, and its class `tr-<part>-<run>`. */
const onAxes = (part: string, key: RunKey) => ({ x: 'step', y: 'negElbo', clip: true, className: `tr-${part}-${key}` });

/**
 * −ELBO (nats per image) against the step: thin batch lines under thick held-out lines with one marker per evaluation.
 * Lines that start above the axis (the untrained model) are clipped there, and the starting value is written at the top.
 */
export function raceChart(data: RaceData, options: RaceOptions): Plot.PlotOptions {
  const { labels } = options;
  const y = yDomain(data.runs.flatMap((run) => [...run.heldOut, ...run.batch]));
  const start = data.runs[0]?.heldOut.find((p) => p.step === 0);
  const offScale = start && start.negElbo > y[1] ? [start] : [];
  return {
    ...frame(options, 280),
    ...margins(MARGIN),
    x: {
      domain: [0, Math.max(1, data.budget)],
      label: labels.step,
      labelAnchor: 'right',
      ticks: Math.max(2, Math.floor(options.width / 80)),
    },
    y: { domain: y, label: labels.nats, labelAnchor: 'top', grid: true, ticks: 5 },
    marks: [
      Plot.frame({ anchor: 'bottom', strokeOpacity: 0.4 }),
      Plot.text(offScale, {
        x: 'step',
        frameAnchor: 'top',
        dx: 10,
        dy: 3,
        lineAnchor: 'top',
        textAnchor: 'start',
        fontSize: 11,
        stroke: 'var(--bg, white)',
        strokeWidth: 4,
        fill: 'currentColor',
        text: (p: HeldOutPoint) => `${labels.start} ${formatNumber(p.negElbo)} ↑`,
        className: 'tr-start-label',
      }),
      ...data.runs.map((run) =>
        Plot.line(run.batch, {
          ...onAxes('batch', run.key),
          stroke: RACE_COLORS[run.key],
          strokeWidth: 1,
          strokeOpacity: 0.4,
        }),
      ),
      ...data.runs.map((run) =>
        Plot.line(run.heldOut, {
          ...onAxes('held-out', run.key),
          stroke: RACE_COLORS[run.key],
          strokeWidth: 2.5,
          strokeDasharray: RACE_DASHES[run.key],
        }),
      ),
      ...data.runs.map((run) =>
        Plot.dot(run.heldOut, {
          ...onAxes('points', run.key),
          symbol: RACE_SYMBOLS[run.key],
          r: 3.5,
          fill: RACE_COLORS[run.key],
          stroke: 'var(--bg, white)',
          strokeWidth: 1,
        }),
      ),
    ],
  };
}
