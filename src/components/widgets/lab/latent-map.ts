/**
 * The latent map: the test set's encoder means in two latent dimensions, coloured by class, with an HTML legend, a
 * probed image's q(z|x) ellipse, and a cursor that decodes the z under the pointer (or moved by the arrow keys) live.
 */
import * as Plot from '@observablehq/plot';
import { CLASS_NAMES } from '../../../core/data/classes';
import { fill } from '../../../i18n/widgets/vae-lab';
import type { LatentsEvent } from '../../../worker/protocol';
import { latentScatterChart, legendItems, type LatentPoint } from '../../../charts/lab/latent-scatter';
import { bindTableToggle, buildTable, placeChart, watchWidth } from '../kit';
import { dropPlotStyle } from './plot-style';
import type { LabContext } from './context';
import { formatNats } from './numbers';

/** Latent units the arrow keys move the cursor by. */
const KEY_STEP = 0.25;

/** What the image views call on the map. */
export interface LatentMap {
  onLatents(event: LatentsEvent, klPerDim: readonly number[]): void;
  setProbe(probe: { mean: Float32Array; logVar: Float32Array } | null): void;
  clear(): void;
  /** The two dimensions shown (0-based). */
  dims(): readonly [number, number];
}

/** The two dimensions to show: both when there are two, else the two with the highest KL. */
export function topDims(latentSize: number, klPerDim: readonly number[]): [number, number] {
  if (latentSize < 2) return [0, 0];
  const order = Array.from({ length: latentSize }, (_, i) => i).sort((a, b) => (klPerDim[b] ?? 0) - (klPerDim[a] ?? 0));
  const [a = 0, b = 1] = order;
  return a < b ? [a, b] : [b, a];
}

/** The chart as Plot returns it, with the scales the pointer maps back through. */
type PlacedChart = (SVGSVGElement | HTMLElement) & {
  scale?: (name: string) => { invert?: (v: number) => number } | undefined;
};

/** The latent coordinates under a pointer event, or null outside the plotting area. */
function latentAt(host: HTMLElement, chart: PlacedChart | null, event: PointerEvent): [number, number] | null {
  const svg = host.querySelector('svg');
  const sx = chart?.scale?.('x');
  const sy = chart?.scale?.('y');
  if (!svg || !sx?.invert || !sy?.invert) return null;
  const box = svg.getBoundingClientRect();
  const ratio = (svg.viewBox.baseVal?.width || box.width) / box.width;
  const x = sx.invert((event.clientX - box.left) * ratio);
  const y = sy.invert((event.clientY - box.top) * ratio);
  return Number.isFinite(x) && Number.isFinite(y) ? [x, y] : null;
}

/** The arrow keys' moves of the cursor, in latent units. */
const KEY_MOVES: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [-KEY_STEP, 0],
  ArrowRight: [KEY_STEP, 0],
  ArrowUp: [0, KEY_STEP],
  ArrowDown: [0, -KEY_STEP],
};

/** What the cursor does: find the latent under a pointer, move by a key's step (false: nothing to move), decode there. */
interface CursorActions {
  latentAt(event: PointerEvent): [number, number] | null;
  moveBy(move: readonly [number, number]): boolean;
  decodeAt(x: number, y: number): void;
}

/** A mouse decodes where it hovers; touch and pen decode while dragging; the arrow keys move the cursor. */
function bindCursor(host: HTMLElement, actions: CursorActions): void {
  let dragging = false;
  const decodeUnder = (event: PointerEvent) => {
    const at = actions.latentAt(event);
    if (at) actions.decodeAt(...at);
  };
  host.addEventListener('pointermove', (event) => {
    if (event.pointerType === 'mouse' || dragging) decodeUnder(event);
  });
  host.addEventListener('pointerdown', (event) => {
    dragging = true;
    host.setPointerCapture(event.pointerId);
    decodeUnder(event);
  });
  const stopDragging = () => void (dragging = false);
  host.addEventListener('pointerup', stopDragging);
  host.addEventListener('pointercancel', stopDragging);
  host.addEventListener('keydown', (event) => {
    const move = KEY_MOVES[event.key];
    if (move && actions.moveBy(move)) event.preventDefault();
  });
}

/**
 * Returns `request()`, which redraws at the next frame while the panel is on screen; a change made off screen is drawn
 * when it scrolls into view. A new width redraws too.
 */
function redrawWhenShown(panel: HTMLElement, host: HTMLElement, draw: () => void): () => void {
  let onScreen = typeof IntersectionObserver !== 'function';
  let stale = false;
  let frame = 0;
  const request = () => {
    stale = true;
    if (onScreen && !frame)
      frame = requestAnimationFrame(() => {
        frame = 0;
        stale = false;
        draw();
      });
  };
  if (!onScreen) {
    new IntersectionObserver(([entry]) => {
      onScreen = entry?.isIntersecting ?? false;
      if (onScreen && stale) request();
    }).observe(panel);
  }
  watchWidth(host, request);
  return request;
}

/** The table view: each class's count and mean position in the two dimensions shown. */
function classMeansTable(
  s: LabContext['s'],
  names: readonly string[],
  points: readonly LatentPoint[],
  dims: readonly [number, number],
): HTMLTableElement {
  const sums = names.map(() => ({ n: 0, x: 0, y: 0 }));
  for (const p of points) {
    const sum = sums[p.label];
    if (sum) Object.assign(sum, { n: sum.n + 1, x: sum.x + p.x, y: sum.y + p.y });
  }
  return buildTable(
    s.latentTitle,
    [s.legendTitle, 'n', `z${dims[0] + 1}`, `z${dims[1] + 1}`],
    sums.map((sum, i) => [
      names[i] ?? String(i),
      String(sum.n),
      formatNats(sum.n ? sum.x / sum.n : Number.NaN),
      formatNats(sum.n ? sum.y / sum.n : Number.NaN),
    ]),
  );
}

/** Fills the HTML legend: one swatch per class. */
function showLegend(legend: HTMLUListElement, names: readonly string[]): void {
  legend.replaceChildren(
    ...legendItems(names).map(({ label, color }) => {
      const item = document.createElement('li');
      item.textContent = label;
      item.style.setProperty('--swatch', color);
      return item;
    }),
  );
}

/** Builds the map inside the `[data-chart="latent"]` panel; `decode(latent)` asks the worker to decode a full z. */
export function createLatentMap(ctx: LabContext, decode: (z: Float32Array, caption: string) => void): LatentMap {
  const { s } = ctx;
  const panel = ctx.part('[data-chart="latent"]');
  const host = panel.querySelector<HTMLElement>('[data-lab="canvas"]') as HTMLElement;
  const legend = ctx.part<HTMLUListElement>('legend');
  const description = panel.querySelector<HTMLElement>('[data-lab="description"]') as HTMLElement;
  let points: LatentPoint[] = [];
  let latentSize = 0;
  let dims: [number, number] = [0, 1];
  let probe: { x: number; y: number; sx: number; sy: number } | null = null;
  let cursor: { x: number; y: number } | null = null;
  let chart: PlacedChart | null = null;

  const classNames = () => CLASS_NAMES[ctx.settings.dataset][ctx.lang];
  const render = () => {
    if (!latentSize) return;
    const spec = latentScatterChart(
      { points, classNames: classNames(), dims, ...(probe ? { probe } : {}), ...(cursor ? { cursor } : {}) },
      {
        width: host.clientWidth || 480,
        labels: { latent: 'z' },
        ariaLabel: fill(s.latentAria, { count: points.length }),
        ariaDescription: '',
      },
    );
    chart = Plot.plot(spec) as typeof chart;
    if (!chart) return;
    host.style.height = `${chart.getAttribute('height') ?? 480}px`;
    placeChart(host, dropPlotStyle(chart), `${ctx.id}-latent-description`);
  };
  const request = redrawWhenShown(panel, host, render);

  const decodeAt = (x: number, y: number) => {
    cursor = { x, y };
    request();
    const z = new Float32Array(latentSize);
    z[dims[0]] = x;
    if (latentSize > 1) z[dims[1]] = y;
    decode(z, fill(s.decodedAt, { a: dims[0] + 1, b: dims[1] + 1, x: x.toFixed(2), y: y.toFixed(2) }));
  };
  bindCursor(host, {
    latentAt: (event) => latentAt(host, chart, event),
    moveBy: ([dx, dy]) => {
      if (!latentSize) return false;
      const from = cursor ?? { x: 0, y: 0 };
      decodeAt(Math.max(-4, Math.min(4, from.x + dx)), Math.max(-4, Math.min(4, from.y + dy)));
      return true;
    },
    decodeAt,
  });

  const region = panel.querySelector<HTMLElement>('[data-lab="table"]') as HTMLElement;
  const classTable = () => classMeansTable(s, classNames(), points, dims);
  const table = bindTableToggle(
    panel.querySelector('[data-lab="table-toggle"]') as HTMLButtonElement,
    region,
    { show: s.showTable, hide: s.hideTable },
    () => region.replaceChildren(classTable()),
  );

  return {
    onLatents(event, klPerDim) {
      latentSize = event.latentSize;
      dims = topDims(latentSize, klPerDim.length === latentSize ? klPerDim : Array.from(event.unitVariances));
      points = Array.from({ length: event.count }, (_, i) => ({
        x: event.means[i * latentSize + dims[0]] as number,
        y: latentSize > 1 ? (event.means[i * latentSize + dims[1]] as number) : 0,
        label: event.labels[i] as number,
      }));
      ctx.part('latent-dims').textContent =
        latentSize === 2
          ? s.latentDims2
          : fill(s.latentDimsTop, { latent: latentSize, a: dims[0] + 1, b: dims[1] + 1 });
      description.textContent = `${fill(s.latentAria, { count: points.length })}${ctx.lang === 'zh' ? '。' : '. '}${s.latentHover}`;
      if (!legend.childElementCount) showLegend(legend, classNames());
      if (table.isOpen()) region.replaceChildren(classTable());
      request();
    },
    setProbe(next) {
      probe = next && {
        x: next.mean[dims[0]] as number,
        y: (next.mean[dims[1]] ?? 0) as number,
        sx: Math.exp(0.5 * (next.logVar[dims[0]] as number)),
        sy: Math.exp(0.5 * ((next.logVar[dims[1]] ?? 0) as number)),
      };
      request();
    },
    clear() {
      points = [];
      probe = null;
      cursor = null;
      latentSize = 0;
      legend.replaceChildren();
      host.replaceChildren();
    },
    dims: () => dims,
  };
}
