/**
 * Two latent dimensions of the test set's encoder means, one colour per class with the class name at each class's
 * centre, a probed image's mean and ±2σ ellipse, and the cursor. The domain stays fixed (symmetric, at least ±4) so
 * pointer positions map to the same z while the points move.
 */
import * as Plot from '@observablehq/plot';
import { LAB_COLORS, frame, type LabChartOptions } from './common';

/** One test image's encoder mean in the two shown dimensions; `label` is its class index into `classNames`. */
export interface LatentPoint {
  readonly x: number;
  readonly y: number;
  readonly label: number;
}

/** The points, the class names, which two dimensions are shown (0-based), and optionally a probe and the cursor. */
export interface LatentScatterData {
  readonly points: readonly LatentPoint[];
  readonly classNames: readonly string[];
  readonly dims: readonly [number, number];
  readonly probe?: { readonly x: number; readonly y: number; readonly sx: number; readonly sy: number };
  readonly cursor?: { readonly x: number; readonly y: number };
}

/** Every visible string: `latent` is the variable's name, titled with the 1-based dimension as a subscript ("z₃"). */
export interface LatentScatterLabels {
  readonly latent: string;
}

/** Size, labels and accessible text. */
export type LatentScatterOptions = LabChartOptions<LatentScatterLabels>;

/** Plot's observable10 scheme, spelled out so the page's HTML legend uses exactly the colours of the dots. */
export const CLASS_COLORS: readonly string[] = Object.freeze([
  '#4269d0',
  '#efb118',
  '#ff725c',
  '#6cc5b0',
  '#3ca951',
  '#ff8ab7',
  '#a463f2',
  '#97bbf5',
  '#9c6b4e',
  '#9498a0',
]);

/** The half-width of the domain unless points lie further out. */
export const DEFAULT_EXTENT = 4;
const ELLIPSE_VERTICES = 64;

/** The colour of class `index` (the palette repeats past 10 classes). */
export function classColor(index: number): string {
  return CLASS_COLORS[((index % CLASS_COLORS.length) + CLASS_COLORS.length) % CLASS_COLORS.length]!;
}

/** One legend entry per class, for the page to render as HTML next to the chart. */
export function legendItems(classNames: readonly string[]): { label: string; color: string }[] {
  return classNames.map((label, i) => ({ label, color: classColor(i) }));
}

/** "z" with the 1-based dimension as subscript digits: subscriptAxis('z', 2) is "z₃". */
export function subscriptAxis(name: string, dimension: number): string {
  return name + String(dimension + 1).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]!);
}

/** The half-width of the symmetric domain: DEFAULT_EXTENT, or the next whole number covering every point. */
export function latentExtent(points: readonly { x: number; y: number }[]): number {
  let reach = DEFAULT_EXTENT;
  for (const p of points) {
    const far = Math.max(Math.abs(p.x), Math.abs(p.y));
    if (Number.isFinite(far) && far > reach) reach = far;
  }
  return Math.ceil(reach);
}

/** The ±2σ ellipse around a mean as a closed ring of 64 vertices. */
export function ellipse(probe: { x: number; y: number; sx: number; sy: number }): { x: number; y: number }[] {
  return Array.from({ length: ELLIPSE_VERTICES }, (_, i) => {
    const t = (2 * Math.PI * i) / ELLIPSE_VERTICES;
    return { x: probe.x + 2 * probe.sx * Math.cos(t), y: probe.y + 2 * probe.sy * Math.sin(t) };
  });
}

/** The mean position of each class present, for its direct label. */
function centroids(
  points: readonly LatentPoint[],
  classNames: readonly string[],
): { x: number; y: number; name: string; label: number }[] {
  const sums = new Map<number, { x: number; y: number; n: number }>();
  for (const p of points) {
    const s = sums.get(p.label) ?? { x: 0, y: 0, n: 0 };
    sums.set(p.label, { x: s.x + p.x, y: s.y + p.y, n: s.n + 1 });
  }
  return [...sums]
    .sort(([a], [b]) => a - b)
    .map(([label, s]) => ({ x: s.x / s.n, y: s.y / s.n, name: classNames[label] ?? String(label), label }));
}

/** Encoder means coloured by class with class names at their centres, the probe as a cross and ±2σ ellipse, the cursor as a ring. */
export function latentScatterChart(data: LatentScatterData, options: LatentScatterOptions): Plot.PlotOptions {
  const { labels } = options;
  const reach = latentExtent(data.points);
  const domain: [number, number] = [-reach, reach];
  const every = Math.ceil(reach / 4);
  const ticks = Array.from(
    { length: 2 * Math.floor(reach / every) + 1 },
    (_, i) => (i - Math.floor(reach / every)) * every,
  );
  const pointColor = (p: { label: number }) => classColor(p.label);
  return {
    ...frame(options, Math.min(options.width, 520)),
    marginLeft: 40,
    marginRight: 16,
    marginTop: 24,
    marginBottom: 36,
    x: { domain, label: subscriptAxis(labels.latent, data.dims[0]), labelAnchor: 'right', ticks, grid: true },
    y: { domain, label: subscriptAxis(labels.latent, data.dims[1]), labelAnchor: 'top', ticks, grid: true },
    marks: [
      Plot.ruleX([0], { strokeOpacity: 0.3 }),
      Plot.ruleY([0], { strokeOpacity: 0.3 }),
      Plot.dot(data.points, {
        x: 'x',
        y: 'y',
        r: 2.5,
        fill: pointColor,
        fillOpacity: 0.7,
        clip: true,
        className: 'lab-latent-point',
      }),
      Plot.text(centroids(data.points, data.classNames), {
        x: 'x',
        y: 'y',
        text: 'name',
        fontWeight: 700,
        fontSize: 13,
        fill: LAB_COLORS.ink,
        stroke: LAB_COLORS.halo,
        strokeWidth: 3,
        paintOrder: 'stroke',
        clip: true,
        className: 'lab-latent-class',
      }),
      Plot.line(data.probe ? ellipse(data.probe) : [], {
        x: 'x',
        y: 'y',
        curve: 'linear-closed',
        stroke: LAB_COLORS.ink,
        strokeWidth: 1.5,
        strokeDasharray: '4 3',
        clip: true,
        className: 'lab-probe-ellipse',
      }),
      Plot.dot(data.probe ? [data.probe] : [], {
        x: 'x',
        y: 'y',
        symbol: 'times',
        r: 7,
        stroke: LAB_COLORS.ink,
        strokeWidth: 2.5,
        clip: true,
        className: 'lab-probe',
      }),
      Plot.dot(data.cursor ? [data.cursor] : [], {
        x: 'x',
        y: 'y',
        r: 6,
        fill: 'none',
        stroke: LAB_COLORS.ink,
        strokeWidth: 1.5,
        clip: true,
        className: 'lab-cursor',
      }),
    ],
  };
}
