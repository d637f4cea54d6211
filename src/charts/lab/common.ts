/**
 * What the VAE lab's charts share: the frame (size, class, font, accessible name), series colours as CSS custom
 * properties, dash patterns so colour is never the only cue, and small number helpers.
 */
import { PLOT_CLASSES } from '../plot-classes.mjs';
import { chartFrame } from '../frame';

/** Series colours: CSS custom properties the page sets per theme, with fallbacks for a bare SVG. */
export const LAB_COLORS = Object.freeze({
  reconstruction: 'var(--lab-recon, #1f5fbf)',
  kl: 'var(--lab-kl, #a3410f)',
  negElbo: 'var(--lab-elbo, currentColor)',
  objective: 'var(--lab-objective, #6b3fa0)',
  heldOut: 'var(--lab-heldout, #2c7a44)',
  active: 'var(--lab-active, #1f5fbf)',
  inactive: 'var(--lab-inactive, #d5dbe5)',
  inactiveStroke: 'var(--lab-inactive-stroke, #7a8496)',
  trajectory: 'var(--lab-trajectory, #1f5fbf)',
  sweep: 'var(--lab-sweep, #a3410f)',
  guide: 'var(--lab-guide, #7a8496)',
  halo: 'var(--lab-bg, var(--bg, white))',
  ink: 'currentColor',
});

/** Dash patterns that tell the series apart without colour ('none' = solid). */
export const LAB_DASHES = Object.freeze({
  reconstruction: 'none',
  kl: '6 3',
  negElbo: 'none',
  objective: '2 3',
  inactive: '2 2',
  guide: '4 4',
});

/** Width and optional height in CSS pixels; every chart fills its container's width. */
export interface ChartSize {
  readonly width: number;
  readonly height?: number;
}

/** The options every lab chart takes: size, every visible string (`labels`) and the accessible name and description. */
export interface LabChartOptions<Labels> extends ChartSize {
  readonly labels: Labels;
  readonly ariaLabel: string;
  readonly ariaDescription: string;
}

const CLASS = PLOT_CLASSES.lab;

/** The Plot options every lab chart shares: size, class, font and its accessible name and description. */
export const frame = (options: ChartSize & { ariaLabel: string; ariaDescription: string }, defaultHeight: number) =>
  chartFrame(CLASS, options, defaultHeight);

/** A number written with at most 3 significant digits and no trailing zeros (β = 0.25, 4, 1.5). */
export function formatNumber(value: number): string {
  return String(Number(value.toPrecision(3)));
}

/** The smallest and largest finite values, or null when there are none. */
export function extent(values: Iterable<number>): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : null;
}

/**
 * Moves label positions (pixels, any order) apart so neighbours are at least `gap` apart, staying as close to where
 * they were as it can; returns the new positions in the input order.
 */
export function spreadLabels(positions: readonly number[], gap: number): number[] {
  const order = positions.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  // Greedy clusters: a label that would overlap the previous cluster joins it and the cluster recentres on its mean.
  const clusters: { start: number; members: number[] }[] = [];
  for (const { y, i } of order) {
    clusters.push({ start: y, members: [i] });
    for (;;) {
      const last = clusters[clusters.length - 1]!;
      const prev = clusters[clusters.length - 2];
      if (!prev || prev.start + prev.members.length * gap <= last.start) break;
      const members = [...prev.members, ...last.members];
      const mean = members.reduce((sum, m) => sum + positions[m]!, 0) / members.length;
      clusters.splice(-2, 2, { start: mean - ((members.length - 1) * gap) / 2, members });
    }
  }
  const result = positions.slice();
  for (const c of clusters) c.members.forEach((m, k) => (result[m] = c.start + k * gap));
  return result;
}
