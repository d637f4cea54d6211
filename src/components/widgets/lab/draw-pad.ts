/**
 * The "draw a digit" pad: a drawing turned into a 28 × 28 model input prepared the way MNIST's digits were, the
 * pointer wiring that draws it (mouse, touch and pen alike), and arrow-key navigation for the keyboard alternative
 * of picking a test image instead.
 */
import { themeColors } from './image-grid';

/** MNIST's geometry: digits scaled to fit a 20 × 20 box, centred by centre of mass in a 28 × 28 image. */
export const MNIST: { readonly side: number; readonly box: number } = Object.freeze({ side: 28, box: 20 });
/** Coverage above this counts as ink when finding the drawing's bounding box (below: anti-aliasing dust). */
const INK_THRESHOLD = 0.05;
/** Less total ink than this fraction of the pad's area is "nothing drawn yet" (a 10 px dot on a 280 px pad). */
const MIN_INK_FRACTION = 0.001;
/** Default stroke width as a fraction of the pad's side, about MNIST's stroke width relative to its digits. */
const STROKE_FRACTION = 1 / 12;

/** For each output pixel along one axis: the source pixels it covers and the share of each (area averaging). */
function boxWeights(
  outLength: number,
  srcStart: number,
  srcEnd: number,
  offset: number,
  scale: number,
): { index: number; weight: number }[][] {
  return Array.from({ length: outLength }, (_, i) => {
    const lo = srcStart + (i - offset) / scale;
    const hi = lo + 1 / scale;
    const taps: { index: number; weight: number }[] = [];
    for (let x = Math.max(srcStart, Math.floor(lo)); x < Math.min(srcEnd, Math.ceil(hi)); x++) {
      const overlap = Math.min(hi, x + 1) - Math.max(lo, x);
      if (overlap > 0) taps.push({ index: x, weight: overlap * scale });
    }
    return taps;
  });
}

/** Coverage in [0, 1]: bytes are 0…255, floats are taken as 0…1 (NaN as no ink). */
function normalise(alpha: Uint8ClampedArray | Float32Array): Float32Array {
  const scaleDown = alpha instanceof Uint8ClampedArray ? 1 / 255 : 1;
  return Float32Array.from(alpha, (v) => (v > 0 ? Math.min(1, v * scaleDown) : 0));
}

/**
 * A square `size × size` ink coverage (0…255 bytes or 0…1 floats) as a 784-pixel MNIST-style input, or null when
 * (nearly) nothing is drawn: crop to the ink, area-average it into a 20 × 20 box keeping the aspect ratio, place it so
 * its centre of mass is at the image centre (moved only as far as keeps the box inside), and bring the darkest
 * pixel to full ink.
 */
export function toMnistInput(alpha: Uint8ClampedArray | Float32Array, size: number): Float32Array | null {
  if (!Number.isInteger(size) || size <= 0 || alpha.length !== size * size) {
    throw new RangeError(`toMnistInput: expected ${size} × ${size} coverage values, got ${alpha.length}`);
  }
  const ink = normalise(alpha);
  let [left, top, right, bottom] = [size, size, -1, -1];
  let total = 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = ink[y * size + x] as number;
      total += c;
      if (c <= INK_THRESHOLD) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  if (right < 0 || total < MIN_INK_FRACTION * size * size) return null;

  // Centre of mass of what gets resampled (the cropped box), pixel centres at +0.5.
  let [mass, momentX, momentY] = [0, 0, 0];
  for (let y = top; y <= bottom; y++) {
    for (let x = left; x <= right; x++) {
      const c = ink[y * size + x] as number;
      mass += c;
      momentX += c * (x + 0.5);
      momentY += c * (y + 0.5);
    }
  }
  const [inkWidth, inkHeight] = [right - left + 1, bottom - top + 1];
  const scale = MNIST.box / Math.max(inkWidth, inkHeight);
  const centre = MNIST.side / 2;
  // Where the box's top-left lands (continuous coordinates) so the centre of mass maps to the centre.
  const place = (moment: number, start: number, extent: number) =>
    Math.min(MNIST.side - extent * scale, Math.max(0, centre - (moment / mass - start) * scale));
  const columns = boxWeights(MNIST.side, left, right + 1, place(momentX, left, inkWidth), scale);
  const rows = boxWeights(MNIST.side, top, bottom + 1, place(momentY, top, inkHeight), scale);

  // Separable: average along x for each source row of the box, then along y.
  const across = new Float32Array(inkHeight * MNIST.side);
  for (let y = 0; y < inkHeight; y++) {
    const rowStart = (top + y) * size;
    columns.forEach((taps, i) => {
      let sum = 0;
      for (const { index, weight } of taps) sum += weight * (ink[rowStart + index] as number);
      across[y * MNIST.side + i] = sum;
    });
  }
  const out = new Float32Array(MNIST.side * MNIST.side);
  let peak = 0;
  rows.forEach((taps, j) => {
    for (let i = 0; i < MNIST.side; i++) {
      let sum = 0;
      for (const { index, weight } of taps) sum += weight * (across[(index - top) * MNIST.side + i] as number);
      out[j * MNIST.side + i] = sum;
      peak = Math.max(peak, sum);
    }
  });
  // MNIST strokes reach full ink; a stroke thinner than an output pixel would otherwise arrive as a faint grey the
  // model never saw. Drawings with solid strokes already peak at 1, so this changes nothing for them.
  const gain = peak > 0 && peak < 1 ? 1 / peak : 1;
  for (let k = 0; k < out.length; k++) out[k] = Math.min(1, Math.max(0, (out[k] as number) * gain));
  return out;
}

/**
 * The image index after pressing `key` in a grid of `count` images, `columns` per row: arrows move one step (staying
 * put at an edge), Home/End go to the first/last. Null for other keys (let the event through) or an empty grid.
 */
export function nextIndex(current: number, key: string, count: number, columns: number): number | null {
  if (!(count >= 1)) return null;
  const last = Math.floor(count) - 1;
  const at = Math.min(last, Math.max(0, Math.floor(Number.isFinite(current) ? current : 0)));
  const step = Math.max(1, Math.floor(Number.isFinite(columns) ? columns : 1));
  const within = (target: number) => (target >= 0 && target <= last ? target : at);
  switch (key) {
    case 'ArrowLeft':
      return Math.max(0, at - 1);
    case 'ArrowRight':
      return Math.min(last, at + 1);
    case 'ArrowUp':
      return within(at - step);
    case 'ArrowDown':
      return within(at + step);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

// ---- DOM ----------------------------------------------------------------------------------------------------------

/** Options for `createDrawPad`: who hears about the new input, and the stroke width in CSS pixels. */
export interface DrawPadOptions {
  onChange(input: Float32Array | null): void;
  readonly lineWidth?: number;
}

/** What the pad's owner can do with it. */
export interface DrawPad {
  /** Wipes the drawing and reports `null`. */
  clear(): void;
  /** Removes every listener; the canvas keeps its last drawing. */
  dispose(): void;
}

/**
 * Turns a (square) canvas into a drawing pad for mouse, touch and pen. The backing store is the CSS size ×
 * devicePixelRatio; strokes use the theme's ink, while the model input is the strokes' coverage (alpha), reported at
 * most once per animation frame while drawing and once when the stroke ends.
 */
export function createDrawPad(canvas: HTMLCanvasElement, options: DrawPadOptions): DrawPad {
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('draw pad: no 2D canvas context');
  const side = Math.max(1, Math.round((canvas.clientWidth || canvas.width) * (globalThis.devicePixelRatio || 1)));
  canvas.width = canvas.height = side;
  canvas.style.touchAction = 'none';
  const strokeWidth =
    options.lineWidth === undefined ? side * STROKE_FRACTION : options.lineWidth * (globalThis.devicePixelRatio || 1);

  const events = new AbortController();
  let pointer: number | null = null;
  let last = { x: 0, y: 0 };
  let frame = 0;

  const report = () => {
    const rgba = context.getImageData(0, 0, side, side).data;
    const alpha = new Uint8ClampedArray(side * side);
    for (let k = 0; k < alpha.length; k++) alpha[k] = rgba[k * 4 + 3] as number;
    options.onChange(toMnistInput(alpha, side));
  };
  const reportNow = () => {
    cancelAnimationFrame(frame);
    frame = 0;
    report();
  };
  const reportSoon = () => {
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      report();
    });
  };
  // Backing-store coordinates, whatever size CSS gives the canvas.
  const pointAt = (event: PointerEvent) => {
    const box = canvas.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) * side) / (box.width || side),
      y: ((event.clientY - box.top) * side) / (box.height || side),
    };
  };
  const lineTo = (event: PointerEvent) => {
    const point = pointAt(event);
    context.beginPath();
    context.moveTo(last.x, last.y);
    context.lineTo(point.x, point.y);
    context.stroke();
    last = point;
  };
  const end = (event: PointerEvent) => {
    if (event.pointerId !== pointer) return;
    if (event.type === 'pointerup') lineTo(event);
    pointer = null;
    if (canvas.hasPointerCapture(event.pointerId)) canvas.releasePointerCapture(event.pointerId);
    reportNow();
  };

  const listen = <K extends keyof HTMLElementEventMap>(type: K, handler: (event: HTMLElementEventMap[K]) => void) =>
    canvas.addEventListener(type, handler, { signal: events.signal });
  listen('pointerdown', (event) => {
    if (pointer !== null || (event.pointerType === 'mouse' && event.button !== 0)) return;
    event.preventDefault();
    pointer = event.pointerId;
    canvas.setPointerCapture(event.pointerId);
    const { ink } = themeColors(canvas);
    context.strokeStyle = context.fillStyle = `rgb(${ink.join(' ')})`;
    context.lineWidth = strokeWidth;
    context.lineCap = context.lineJoin = 'round';
    last = pointAt(event);
    // A tap leaves a dot: a zero-length stroke would draw nothing.
    context.beginPath();
    context.arc(last.x, last.y, strokeWidth / 2, 0, 2 * Math.PI);
    context.fill();
    reportSoon();
  });
  listen('pointermove', (event) => {
    if (event.pointerId !== pointer) return;
    const coalesced = event.getCoalescedEvents?.() ?? [];
    for (const sample of coalesced.length > 0 ? coalesced : [event]) lineTo(sample);
    reportSoon();
  });
  listen('pointerup', end);
  listen('pointercancel', end);
  listen('lostpointercapture', end);

  return {
    clear() {
      pointer = null;
      cancelAnimationFrame(frame);
      frame = 0;
      context.clearRect(0, 0, side, side);
      options.onChange(null);
    },
    dispose() {
      events.abort();
      cancelAnimationFrame(frame);
      frame = 0;
    },
  };
}
