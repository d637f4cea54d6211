/**
 * Images from the VAE lab's worker (Float32Array pixels in [0, 1], row-major `count × height × width`) drawn as a grid
 * on a canvas: pure layout and colouring first, then the few DOM calls that paint, pick a cell and read the theme.
 */

/** An sRGB colour as 0…255 channels. */
export type Rgb = readonly [number, number, number];

/** Ink for a pixel value of 1, paper for 0; values in between blend linearly. */
export interface GridColors {
  readonly ink: Rgb;
  readonly paper: Rgb;
}

/** Where each image sits in a grid, in unscaled pixels (one image pixel = one grid pixel). */
export interface GridLayout {
  readonly width: number;
  readonly height: number;
  readonly columns: number;
  readonly cellWidth: number;
  readonly cellHeight: number;
  readonly gap: number;
  /** Top-left corner of each image, in reading order. */
  readonly cells: readonly { readonly x: number; readonly y: number }[];
}

/** Dark ink on white paper: the colours when the page defines none (and the light theme's intent). */
export const LIGHT_COLORS: GridColors = Object.freeze({ ink: [17, 17, 17] as const, paper: [255, 255, 255] as const });
/** Light ink on dark paper, used when the ink the page gives is light but it defines no paper. */
export const DARK_COLORS: GridColors = Object.freeze({ ink: [235, 235, 235] as const, paper: [22, 24, 29] as const });

const wholeCount = (n: number) => (Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0);

/**
 * Lays `count` cells of `cellWidth × cellHeight` in rows of `columns` (fewer when there are fewer images) with `gap`
 * pixels between them; an empty grid is 0 × 0.
 */
export function gridLayout(
  count: number,
  columns: number,
  cellWidth: number,
  cellHeight: number,
  gap: number,
): GridLayout {
  const n = wholeCount(count);
  const cols = n === 0 ? 0 : Math.min(n, Math.max(1, wholeCount(columns)));
  const rows = cols === 0 ? 0 : Math.ceil(n / cols);
  const [w, h, g] = [wholeCount(cellWidth), wholeCount(cellHeight), wholeCount(gap)];
  const cells = Array.from({ length: n }, (_, i) => ({ x: (i % cols) * (w + g), y: Math.floor(i / cols) * (h + g) }));
  const span = (k: number, size: number) => (k === 0 ? 0 : k * size + (k - 1) * g);
  return { width: span(cols, w), height: span(rows, h), columns: cols, cellWidth: w, cellHeight: h, gap: g, cells };
}

/** A pixel value as ink coverage: clamped to [0, 1], and NaN (a diverged model) as blank paper. */
export function coverage(value: number | undefined): number {
  if (value === undefined || !(value > 0)) return 0;
  return value < 1 ? value : 1;
}

/**
 * The grid as RGBA bytes (`layout.width × layout.height × 4`): each image pixel blends paper→ink by its value, and the
 * gaps stay transparent so the page's background shows between images. Missing or invalid pixels paint as paper.
 */
export function pixelsToRgba(
  pixels: Float32Array,
  count: number,
  width: number,
  height: number,
  layout: GridLayout,
  colors: GridColors,
): Uint8ClampedArray<ArrayBuffer> {
  const rgba = new Uint8ClampedArray(layout.width * layout.height * 4);
  const [w, h] = [Math.min(wholeCount(width), layout.cellWidth), Math.min(wholeCount(height), layout.cellHeight)];
  const imageSize = wholeCount(width) * wholeCount(height);
  const images = Math.min(wholeCount(count), layout.cells.length);
  const { ink, paper } = colors;
  for (let image = 0; image < images; image++) {
    const cell = layout.cells[image];
    if (!cell) continue;
    for (let row = 0; row < h; row++) {
      for (let col = 0; col < w; col++) {
        const v = coverage(pixels[image * imageSize + row * wholeCount(width) + col]);
        const at = ((cell.y + row) * layout.width + cell.x + col) * 4;
        rgba[at] = paper[0] + (ink[0] - paper[0]) * v;
        rgba[at + 1] = paper[1] + (ink[1] - paper[1]) * v;
        rgba[at + 2] = paper[2] + (ink[2] - paper[2]) * v;
        rgba[at + 3] = 255;
      }
    }
  }
  return rgba;
}

/**
 * Originals then reconstructions, each `count` images of `size` pixels: painted with `columns = count`, the originals
 * form the first row and each reconstruction sits right under its original. Missing pixels are 0.
 */
export function pairRows(
  originals: Float32Array,
  reconstructions: Float32Array,
  count: number,
  size: number,
): Float32Array {
  const length = wholeCount(count) * wholeCount(size);
  const paired = new Float32Array(2 * length);
  paired.set(originals.subarray(0, length));
  paired.set(reconstructions.subarray(0, length), length);
  return paired;
}

/**
 * The index of the image under a point given in canvas pixels of a grid painted at `scale`, or null over a gap, an
 * empty slot of the last row, or outside the grid.
 */
export function cellAt(layout: GridLayout, scale: number, offsetX: number, offsetY: number): number | null {
  if (!(scale > 0) || layout.columns === 0) return null;
  const [x, y] = [offsetX / scale, offsetY / scale];
  if (!(x >= 0 && y >= 0 && x < layout.width && y < layout.height)) return null;
  const [pitchX, pitchY] = [layout.cellWidth + layout.gap, layout.cellHeight + layout.gap];
  const [col, row] = [Math.floor(x / pitchX), Math.floor(y / pitchY)];
  if (x - col * pitchX >= layout.cellWidth || y - row * pitchY >= layout.cellHeight) return null;
  const index = row * layout.columns + col;
  return index < layout.cells.length ? index : null;
}

/** Relative luminance of an sRGB colour, 0 (black) … 1 (white), per WCAG 2. */
export function luminance([r, g, b]: Rgb): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** A paper that contrasts with `ink`: white under dark ink, the dark theme's paper under light ink. */
export function paperFor(ink: Rgb): Rgb {
  return luminance(ink) > 0.5 ? DARK_COLORS.paper : LIGHT_COLORS.paper;
}

// ---- DOM ----------------------------------------------------------------------------------------------------------

/** Scratch canvases: one 1×1 for resolving colours, and one 1× copy per painted canvas (reused across frames). */
let colorProbe: CanvasRenderingContext2D | null = null;
const unscaled = new WeakMap<HTMLCanvasElement, HTMLCanvasElement>();

/** Any CSS colour (named, hex, rgb(), oklch(), …) as sRGB bytes, or null when it is empty, invalid or transparent. */
export function resolveColor(css: string): Rgb | null {
  const value = css.trim();
  if (!value) return null;
  colorProbe ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  const probe = colorProbe;
  if (!probe) return null;
  // An invalid colour leaves fillStyle unchanged, so it reads back differently after two different starting values.
  const readBack = (start: string) => {
    probe.fillStyle = start;
    probe.fillStyle = value;
    return probe.fillStyle;
  };
  if (readBack('#000') !== readBack('#fff')) return null;
  probe.clearRect(0, 0, 1, 1);
  probe.fillRect(0, 0, 1, 1);
  const [r = 0, g = 0, b = 0, a = 0] = probe.getImageData(0, 0, 1, 1).data;
  return a === 0 ? null : [r, g, b];
}

/** The lab's ink and paper for `element`: `--lab-ink`/`--lab-paper`, else the text colour and `--bg`, else defaults. */
export function themeColors(element: Element): GridColors {
  const style = getComputedStyle(element);
  const ink = resolveColor(style.getPropertyValue('--lab-ink')) ?? resolveColor(style.color) ?? LIGHT_COLORS.ink;
  const paper =
    resolveColor(style.getPropertyValue('--lab-paper')) ??
    resolveColor(style.getPropertyValue('--bg')) ??
    paperFor(ink);
  return { ink, paper };
}

/** Options for `paintGrid`: images per row, integer upscaling, gap in image pixels, and the colours. */
export interface PaintOptions {
  readonly columns: number;
  readonly scale: number;
  readonly gap: number;
  readonly colors: GridColors;
}

/**
 * Sizes `canvas` to the grid × `scale` and paints the images with crisp (unsmoothed) pixels. It sets only the canvas's
 * width, height and pixels; CSS sizing is the caller's. Returns the layout, for `cellAt`.
 */
export function paintGrid(
  canvas: HTMLCanvasElement,
  pixels: Float32Array,
  count: number,
  width: number,
  height: number,
  options: PaintOptions,
): GridLayout {
  const layout = gridLayout(count, options.columns, width, height, options.gap);
  const scale = Math.max(1, Math.round(options.scale));
  canvas.width = layout.width * scale;
  canvas.height = layout.height * scale;
  const context = canvas.getContext('2d');
  if (!context || layout.width === 0 || layout.height === 0) return layout;
  let source = unscaled.get(canvas);
  if (!source) unscaled.set(canvas, (source = document.createElement('canvas')));
  source.width = layout.width;
  source.height = layout.height;
  const rgba = pixelsToRgba(pixels, count, width, height, layout, options.colors);
  source.getContext('2d')?.putImageData(new ImageData(rgba, layout.width, layout.height), 0, 0);
  context.imageSmoothingEnabled = false;
  context.clearRect(0, 0, canvas.width, canvas.height);
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  return layout;
}
