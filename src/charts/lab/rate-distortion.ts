/**
 * The rate–distortion plane: rate = KL (x), distortion = reconstruction (y), both nats per image. The run's path
 * across it, where it is now, the end points of a β sweep joined into an empirical curve, and the line of equal −ELBO
 * through the current point.
 */
import * as Plot from '@observablehq/plot';
import type { RatePoint } from './types';
import { LAB_COLORS, LAB_DASHES, extent, formatNumber, frame, type LabChartOptions } from './common';

/** Where one run of a β sweep ended up. */
export interface SweepPoint {
  readonly beta: number;
  readonly rate: number;
  readonly distortion: number;
}

/** The current run's path (ratePoints(history)), the sweep's end points, and the current position (null before training). */
export interface RateDistortionData {
  readonly trajectory: readonly RatePoint[];
  readonly sweep: readonly SweepPoint[];
  readonly current: { readonly rate: number; readonly distortion: number } | null;
}

/** Every visible string; `beta` is the sweep labels' prefix ("β=" gives "β=0.25"); `isoElbo` names the line of equal −ELBO. */
export interface RateDistortionLabels {
  readonly rate: string;
  readonly distortion: string;
  readonly current: string;
  readonly beta: string;
  readonly isoElbo: string;
}

/** Size, labels and accessible text. */
export type RateDistortionOptions = LabChartOptions<RateDistortionLabels>;

/** The newest share of the path drawn in full strength; the older part stays faint. */
const RECENT_SHARE = 0.25;

/** x from 0 to past the largest rate; y padded around the distortions seen (both [0, 1] with no data). */
function domains(data: RateDistortionData): { x: [number, number]; y: [number, number] } {
  const all = [...data.trajectory, ...data.sweep, ...(data.current ? [data.current] : [])];
  const rate = extent(all.map((p) => p.rate));
  const distortion = extent(all.map((p) => p.distortion));
  const xHi = rate ? Math.max(rate[1] * 1.1, 1) : 1;
  if (!distortion) return { x: [0, xHi], y: [0, 1] };
  const pad = Math.max((distortion[1] - distortion[0]) * 0.08, 1);
  return { x: [0, xHi], y: [Math.max(0, distortion[0] - pad), distortion[1] + pad] };
}

/**
 * The trajectory as a thin line (older part faint), the current point as a large dot, the sweep as labelled squares
 * joined in β order, and a dashed line rate + distortion = current −ELBO.
 */
export function rateDistortionChart(data: RateDistortionData, options: RateDistortionOptions): Plot.PlotOptions {
  const { labels } = options;
  const { x, y } = domains(data);
  const split = Math.max(0, Math.floor(data.trajectory.length * (1 - RECENT_SHARE)));
  const sweep = [...data.sweep].sort((a, b) => a.beta - b.beta);
  const current = data.current ? [data.current] : [];
  // Points on rate + distortion = −ELBO at the domain's ends; clipping trims the part outside the frame.
  const negElbo = data.current ? data.current.rate + data.current.distortion : NaN;
  const iso = data.current
    ? [
        { rate: x[0], distortion: negElbo - x[0] },
        { rate: x[1], distortion: negElbo - x[1] },
      ]
    : [];
  // The iso line is labelled where it enters the frame, at the top or else the left edge.
  const isoLabelRate = Math.min(Math.max(negElbo - y[1], x[0]), x[1]);
  // Labels go below-left of their points: no encoder reaches less distortion at a lower rate, so that corner stays empty.
  return {
    ...frame(options, 320),
    marginLeft: 56,
    marginRight: 24,
    marginTop: 24,
    marginBottom: 36,
    x: { domain: x, label: labels.rate, labelAnchor: 'right' },
    y: { domain: y, label: labels.distortion, labelAnchor: 'top', grid: true },
    marks: [
      Plot.frame({ anchor: 'bottom', strokeOpacity: 0.4 }),
      Plot.line(iso, {
        x: 'rate',
        y: 'distortion',
        stroke: LAB_COLORS.guide,
        strokeDasharray: LAB_DASHES.guide,
        clip: true,
        className: 'lab-iso-elbo',
      }),
      Plot.text(data.current ? [{ rate: isoLabelRate, distortion: negElbo - isoLabelRate }] : [], {
        x: 'rate',
        y: 'distortion',
        text: () => labels.isoElbo,
        textAnchor: 'start',
        dx: 4,
        dy: -7,
        fontSize: 10,
        fill: LAB_COLORS.guide,
        className: 'lab-iso-elbo-label',
      }),
      Plot.line(data.trajectory.slice(0, split + 1), {
        x: 'rate',
        y: 'distortion',
        stroke: LAB_COLORS.trajectory,
        strokeOpacity: 0.3,
        strokeWidth: 1,
        className: 'lab-trajectory-old',
      }),
      Plot.line(data.trajectory.slice(split), {
        x: 'rate',
        y: 'distortion',
        stroke: LAB_COLORS.trajectory,
        strokeWidth: 1.5,
        className: 'lab-trajectory-recent',
      }),
      Plot.line(sweep, {
        x: 'rate',
        y: 'distortion',
        stroke: LAB_COLORS.sweep,
        strokeDasharray: LAB_DASHES.kl,
        strokeWidth: 1.5,
        className: 'lab-sweep-curve',
      }),
      Plot.dot(sweep, {
        x: 'rate',
        y: 'distortion',
        symbol: 'square',
        r: 4,
        fill: LAB_COLORS.sweep,
        className: 'lab-sweep-point',
      }),
      Plot.text(sweep, {
        x: 'rate',
        y: 'distortion',
        text: (p: SweepPoint) => `${labels.beta}${formatNumber(p.beta)}`,
        textAnchor: 'end',
        dx: -7,
        dy: 10,
        fontSize: 11,
        fill: LAB_COLORS.sweep,
        stroke: LAB_COLORS.halo,
        strokeWidth: 3,
        paintOrder: 'stroke',
        className: 'lab-sweep-label',
      }),
      Plot.dot(current, {
        x: 'rate',
        y: 'distortion',
        r: 6,
        fill: LAB_COLORS.trajectory,
        stroke: LAB_COLORS.halo,
        strokeWidth: 1.5,
        className: 'lab-current',
      }),
      Plot.text(current, {
        x: 'rate',
        y: 'distortion',
        text: () => labels.current,
        textAnchor: 'end',
        dx: -9,
        dy: 12,
        fontWeight: 600,
        fill: LAB_COLORS.trajectory,
        className: 'lab-current-label',
      }),
    ],
  };
}
