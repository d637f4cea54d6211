/** Values → the output model: an inspector tree, a tensor summary, an image grid, a chart's SVG. Plain data only. */
import { tf } from '../core/tf';
import type { InspectNode, Output, TensorOutput } from './types';
import { figureToSvg, type FigurePart } from './plot-figure';

/** Limits that keep an output small enough to post, store and read. */
export const OUTPUT_LIMITS = Object.freeze({
  depth: 3,
  entries: 20,
  string: 500,
  firstValues: 8,
  heatmapSide: 28,
  images: 64,
});

/** MNIST-sized images: 28 × 28 = 784 grey values in [0, 1]. */
const SIDE = 28;
const PIXELS = SIDE * SIDE;

const round = (x: number, digits = 6) => (Number.isFinite(x) ? Number(x.toPrecision(digits)) : x);
const numberNode = (x: number): InspectNode => ({
  type: 'number',
  value: Number.isFinite(x) ? round(x, 12) : String(x),
});

/** Entries of an array-like or plain object, limited in count. */
function entriesOf(value: object): { entries: [string, unknown][]; total: number } {
  if (value instanceof Map)
    return {
      entries: [...value.entries()].slice(0, OUTPUT_LIMITS.entries).map(([k, v]) => [String(k), v]),
      total: value.size,
    };
  if (value instanceof Set)
    return { entries: [...value].slice(0, OUTPUT_LIMITS.entries).map((v, i) => [String(i), v]), total: value.size };
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const list = value as ArrayLike<unknown>;
    return {
      entries: Array.from({ length: Math.min(list.length, OUTPUT_LIMITS.entries) }, (_, i) => [String(i), list[i]]),
      total: list.length,
    };
  }
  const keys = Object.keys(value);
  return {
    entries: keys.slice(0, OUTPUT_LIMITS.entries).map((k) => [k, (value as Record<string, unknown>)[k]]),
    total: keys.length,
  };
}

/** The label of a collection: `Array(3)`, `Float32Array(784)`, `Map(2)`, `Object` or a class name. */
function labelOf(value: object, total: number): string {
  const name = value.constructor?.name || 'Object';
  return Array.isArray(value) || ArrayBuffer.isView(value) || value instanceof Map || value instanceof Set
    ? `${name}(${total})`
    : name;
}

/** A value as an inspector tree, depth- and length-limited; tensors inside become one line. */
export function inspect(value: unknown, depth = 0): InspectNode {
  if (typeof value === 'number') return numberNode(value);
  if (typeof value === 'bigint') return { type: 'number', value: `${value}n` };
  if (typeof value === 'string')
    return {
      type: 'string',
      text: value.length > OUTPUT_LIMITS.string ? `${value.slice(0, OUTPUT_LIMITS.string)}…` : value,
    };
  if (typeof value === 'boolean') return { type: 'boolean', text: String(value) };
  if (value === null) return { type: 'null', text: 'null' };
  if (value === undefined) return { type: 'undefined', text: 'undefined' };
  if (typeof value === 'function') return { type: 'function', text: `ƒ ${value.name || 'anonymous'}()` };
  if (typeof value === 'symbol') return { type: 'other', text: value.toString() };
  if (value instanceof tf.Tensor)
    return {
      type: 'other',
      text: value.isDisposed ? 'Tensor (disposed)' : `Tensor [${value.shape.join(', ')}] ${value.dtype}`,
    };
  if (value instanceof Error) return { type: 'other', text: `${value.name}: ${value.message}` };
  if (value instanceof Promise) return { type: 'other', text: 'Promise (add await)' };
  const { entries, total } = entriesOf(value);
  const type = Array.isArray(value) || ArrayBuffer.isView(value) ? 'array' : 'object';
  const label = labelOf(value, total);
  if (depth >= OUTPUT_LIMITS.depth) return { type, label, entries: [], more: total };
  return {
    type,
    label,
    entries: entries.map(([k, v]) => [k, inspect(v, depth + 1)] as const),
    more: total - entries.length,
  };
}

/** Mean and standard deviation (population) of a list of numbers, with min and max. */
function statistics(values: ArrayLike<number>): { min: number; max: number; mean: number; std: number } {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    min = Math.min(min, v);
    max = Math.max(max, v);
    sum += v;
  }
  const mean = values.length ? sum / values.length : NaN;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += ((values[i] as number) - mean) ** 2;
  return {
    min: round(min),
    max: round(max),
    mean: round(mean),
    std: round(Math.sqrt(squares / Math.max(1, values.length))),
  };
}

/** A 2-D matrix averaged down to at most `side` × `side` cells. */
function downsample(values: ArrayLike<number>, rows: number, cols: number, side: number) {
  const outRows = Math.min(rows, side);
  const outCols = Math.min(cols, side);
  const out: number[] = [];
  for (let r = 0; r < outRows; r++) {
    for (let c = 0; c < outCols; c++) {
      const [r0, r1] = [Math.floor((r * rows) / outRows), Math.floor(((r + 1) * rows) / outRows)];
      const [c0, c1] = [Math.floor((c * cols) / outCols), Math.floor(((c + 1) * cols) / outCols)];
      let sum = 0;
      for (let i = r0; i < r1; i++) for (let j = c0; j < c1; j++) sum += values[i * cols + j] as number;
      out.push(round(sum / ((r1 - r0) * (c1 - c0)), 4));
    }
  }
  return { rows: outRows, cols: outCols, values: out };
}

/** A tensor's summary: shape, dtype, statistics, first values, and a small heatmap when it is 2-D. */
export function tensorSummary(tensor: tf.Tensor): TensorOutput {
  const values = tensor.dtype === 'string' ? new Float32Array(0) : (tensor.dataSync() as ArrayLike<number>);
  const first = Array.from({ length: Math.min(values.length, OUTPUT_LIMITS.firstValues) }, (_, i) =>
    round(values[i] as number),
  );
  const [rows = 0, cols = 0] = tensor.shape;
  const heatmap =
    tensor.rank === 2 && values.length > 1 ? downsample(values, rows, cols, OUTPUT_LIMITS.heatmapSide) : undefined;
  return {
    kind: 'tensor',
    shape: [...tensor.shape],
    dtype: tensor.dtype,
    size: tensor.size,
    ...statistics(values),
    first,
    ...(heatmap ? { heatmap } : {}),
  };
}

/** Pixels in [0, 1] whose count is a whole number of 28 × 28 images. */
function isImageBatch(values: ArrayLike<number>): boolean {
  if (values.length === 0 || values.length % PIXELS !== 0) return false;
  for (let i = 0; i < values.length; i++) if (!((values[i] as number) >= 0 && (values[i] as number) <= 1)) return false;
  return true;
}

/** The flat pixels of a value that is a batch of 784-pixel images, or null. */
function imagePixels(value: unknown): ArrayLike<number> | null {
  if (value instanceof tf.Tensor) {
    const [a, b, c] = value.shape;
    const shaped =
      (value.rank === 2 && b === PIXELS) ||
      (value.rank === 3 && b === SIDE && c === SIDE) ||
      (value.rank === 2 && a === SIDE && b === SIDE);
    return shaped && value.dtype === 'float32' && !value.isDisposed ? (value.dataSync() as Float32Array) : null;
  }
  if (value instanceof Float32Array || value instanceof Float64Array) return value.length % PIXELS === 0 ? value : null;
  if (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(
      (row) => (Array.isArray(row) || ArrayBuffer.isView(row)) && (row as ArrayLike<number>).length === PIXELS,
    )
  ) {
    return (value as ArrayLike<number>[]).flatMap((row) => Array.from(row));
  }
  return null;
}

/** An image grid output when `value` is a batch of 784-pixel images in [0, 1], else null. */
export function imagesOutput(value: unknown): Output | null {
  const pixels = imagePixels(value);
  if (!pixels || !isImageBatch(pixels)) return null;
  const count = Math.min(pixels.length / PIXELS, OUTPUT_LIMITS.images);
  return {
    kind: 'images',
    count,
    side: SIDE,
    pixels: Array.from({ length: count * PIXELS }, (_, i) => round(pixels[i] as number, 3)),
  };
}

/** An element Plot made (in a DOM such as linkedom): an `<svg>`, or a `<figure>` with headings, legends and the `<svg>`. */
interface ChartElement extends FigurePart {
  querySelector(selector: string): FigurePart | null;
}

/** True for a Plot chart: an element named svg or figure. */
function isChart(value: unknown): value is ChartElement {
  const v = value as Partial<ChartElement> | null;
  return (
    typeof v === 'object' && v !== null && typeof v.outerHTML === 'string' && /^(svg|figure)$/i.test(v.tagName ?? '')
  );
}

/** Chart colours per theme: an `<img>` cannot see the page's CSS variables, so they are fixed in the SVG itself. */
export const CHART_THEMES = Object.freeze({
  light: 'color: #1f2328; background: #ffffff',
  dark: 'color: #e6edf3; background: #0d1117',
});

/** The chart's SVG with its theme colours (a figure's legends and titles drawn in it), and a text alternative. */
export function chartOutput(chart: ChartElement, theme: keyof typeof CHART_THEMES): Output {
  const style = `${CHART_THEMES[theme]}; font: 10px system-ui, sans-serif`;
  // In a figure the chart is the last <svg> child; ramp legends before it are <svg>s too.
  const svg = /^svg$/i.test(chart.tagName)
    ? chart
    : Array.from(chart.children)
        .filter((child) => /^svg$/i.test(child.tagName))
        .at(-1);
  if (!svg) return { kind: 'inspect', node: { type: 'other', text: chart.tagName } };
  const label =
    chart.getAttribute('aria-label') ??
    svg.getAttribute('aria-label') ??
    chart.querySelector('figcaption, h2, title')?.outerHTML.replace(/<[^>]*>/g, '') ??
    'chart';
  if (svg !== chart) return { kind: 'svg', markup: figureToSvg(chart, style), label };
  svg.setAttribute('style', style);
  if (!svg.getAttribute('xmlns')) svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return { kind: 'svg', markup: svg.outerHTML, label };
}

/** The output for one value: images, a chart, a tensor summary, or the inspector. */
export function outputOf(value: unknown, theme: keyof typeof CHART_THEMES = 'light'): Output {
  const images = imagesOutput(value);
  if (images) return images;
  if (isChart(value)) return chartOutput(value, theme);
  if (value instanceof tf.Tensor && !value.isDisposed) return tensorSummary(value);
  return { kind: 'inspect', node: inspect(value) };
}
