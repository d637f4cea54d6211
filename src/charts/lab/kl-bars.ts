/**
 * The KL of each latent dimension as a bar: active units solid and strong, inactive ("collapsed") ones pale with a
 * dashed outline, so the two read apart without colour.
 */
import * as Plot from '@observablehq/plot';
import { LAB_COLORS, LAB_DASHES, formatNumber, frame, type LabChartOptions } from './common';

/** KL per latent dimension (nats per image) and whether each dimension counts as active. */
export interface KlBarsData {
  readonly klPerDim: ArrayLike<number>;
  readonly active: readonly boolean[];
}

/** Every visible string: axis titles, and the words for the two kinds of unit (in the key and each bar's tooltip). */
export interface KlBarsLabels {
  readonly dimension: string;
  readonly kl: string;
  readonly active: string;
  readonly inactive: string;
}

/** Size, labels and accessible text. */
export type KlBarsOptions = LabChartOptions<KlBarsLabels>;

/** One bar: the 1-based dimension, its KL (never below 0) and whether it is active. */
interface Bar {
  readonly dimension: number;
  readonly kl: number;
  readonly active: boolean;
}

/** The dimensions to label on the x axis: all of them while they fit, else every k-th (always the first). */
export function dimensionTicks(count: number, width: number): number[] {
  const fit = Math.max(1, Math.floor(width / 28));
  const every = Math.ceil(count / fit);
  const nice = [1, 2, 4, 5, 8, 10, 16, 20, 32].find((k) => k >= every) ?? every;
  return Array.from({ length: count }, (_, i) => i + 1).filter((d) => d === 1 || d % nice === 0);
}

/** One bar per latent dimension (x = 1…d, y = KL in nats), a rule at 0 and a small key naming active and inactive. */
export function klBarsChart(data: KlBarsData, options: KlBarsOptions): Plot.PlotOptions {
  const { labels } = options;
  const bars: Bar[] = Array.from({ length: data.klPerDim.length }, (_, i) => ({
    dimension: i + 1,
    kl: Math.max(0, data.klPerDim[i] ?? 0),
    active: data.active[i] ?? false,
  }));
  const top = Math.max(...bars.map((b) => b.kl), 0);
  const title = (b: Bar) =>
    `${labels.dimension} ${b.dimension}: ${formatNumber(b.kl)} (${b.active ? labels.active : labels.inactive})`;
  const key = [
    { text: `■ ${labels.active}`, fill: LAB_COLORS.active, dy: 0 },
    { text: `□ ${labels.inactive}`, fill: LAB_COLORS.inactiveStroke, dy: 14 },
  ];
  return {
    ...frame(options, 220),
    marginLeft: 48,
    marginTop: 38,
    marginBottom: 36,
    x: {
      type: 'band',
      domain: bars.map((b) => b.dimension),
      ticks: dimensionTicks(bars.length, options.width),
      label: labels.dimension,
      labelAnchor: 'right',
      padding: 0.15,
    },
    y: { domain: [0, top > 0 ? top * 1.1 : 1], label: labels.kl, labelAnchor: 'top', grid: true },
    marks: [
      Plot.barY(
        bars.filter((b) => b.active),
        { x: 'dimension', y: 'kl', fill: LAB_COLORS.active, title, className: 'lab-kl-active' },
      ),
      Plot.barY(
        bars.filter((b) => !b.active),
        {
          x: 'dimension',
          y: 'kl',
          fill: LAB_COLORS.inactive,
          stroke: LAB_COLORS.inactiveStroke,
          strokeWidth: 1,
          strokeDasharray: LAB_DASHES.inactive,
          title,
          className: 'lab-kl-inactive',
        },
      ),
      Plot.ruleY([0], { stroke: LAB_COLORS.ink }),
      ...key.map((k) =>
        Plot.text([k], {
          text: 'text',
          frameAnchor: 'top-right',
          dy: k.dy - 32,
          lineAnchor: 'top',
          fill: k.fill,
          fontWeight: 600,
          className: 'lab-kl-key',
        }),
      ),
    ],
  };
}
