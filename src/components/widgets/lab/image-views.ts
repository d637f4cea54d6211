/**
 * The lab's images: originals beside reconstructions, samples from the prior, the decoded manifold (latent size 2),
 * the latent map with live decoding, and the drawing pad (or a picked test image) encoded into the map.
 */
import { fill } from '../../../i18n/widgets/vae-lab';
import type { ImagesEvent, LatentsEvent } from '../../../worker/protocol';
import type { LabContext } from './context';
import { createDrawPad } from './draw-pad';
import { pairRows, paintGrid, themeColors } from './image-grid';
import { createLatentMap, type LatentMap } from './latent-map';
import { GRID_SIDE, LATENT_POINTS, PREVIEW_COUNT } from './lab-constants';
import { formatNats } from './numbers';
import { parseSetting } from './settings';

/** What the client calls on the image views. */
export interface ImageViews {
  onImages(event: ImagesEvent): void;
  onLatents(event: LatentsEvent): void;
  /** Asks the worker for everything a still model shows (images, latent map, manifold). */
  refresh(): void;
  /** Asks only for the latent map and manifold (during training). */
  refreshLatents(): void;
  clear(): void;
}

/** Paints `count` images (width × height each) into the named canvas, `columns` to a row, scaled by `scale`. */
type Paint = (
  name: string,
  pixels: Float32Array,
  count: number,
  width: number,
  height: number,
  columns: number,
  scale: number,
) => void;

/** Live decoding: one request in flight at a time; the newest pending point wins. Returns `decode(z, caption)`. */
function liveDecoder(ctx: LabContext, paint: Paint): (z: Float32Array, caption: string) => void {
  let decoding = false;
  let pending: { z: Float32Array; caption: string } | null = null;
  const decodeNext = () => {
    if (decoding || !pending) return;
    const { z, caption } = pending;
    pending = null;
    decoding = true;
    void ctx.worker.ask({ type: 'decodeLatents', latents: z, count: 1 }, ['images']).then((event) => {
      decoding = false;
      if (event.type === 'images') {
        paint('decoded', event.pixels, 1, event.width, event.height, 1, 1);
        ctx.part('decoded-caption').textContent = caption;
      }
      decodeNext();
    });
  };
  return (z, caption) => {
    pending = { z, caption };
    decodeNext();
  };
}

/** Encodes the reader's own image (drawn, or a test image picked by number) and shows it on the map; returns the pad. */
function bindOwnImage(
  ctx: LabContext,
  map: LatentMap,
  paint: Paint,
  size: () => { width: number; height: number },
): { clear(): void } {
  const { s } = ctx;
  const encoding = ctx.part('draw-encoding');
  const encode = (pixels: Float32Array | null) => {
    if (!pixels || ctx.phase === 'loading' || ctx.phase === 'failed') {
      map.setProbe(null);
      encoding.textContent = '';
      return;
    }
    void ctx.worker.ask({ type: 'encodeImage', pixels }, ['encoding']).then((event) => {
      if (event.type !== 'encoding') {
        encoding.textContent = event.message;
        return;
      }
      const both = new Float32Array(pixels.length * 2);
      both.set(pixels);
      both.set(event.reconstruction, pixels.length);
      paint('draw-reconstruction', both, 2, size().width, size().height, 2, 2);
      map.setProbe({ mean: event.mean, logVar: event.logVar });
      const [a, b] = map.dims();
      const sd = (i: number) => Math.exp(0.5 * (event.logVar[i] ?? 0)).toFixed(2);
      encoding.textContent = fill(s.drawEncoding, {
        x: (event.mean[a] ?? 0).toFixed(2),
        y: (event.mean[b] ?? 0).toFixed(2),
        sx: sd(a),
        sy: sd(b),
        elbo: formatNats(event.elbo),
      });
    });
  };
  const pad = createDrawPad(ctx.part<HTMLCanvasElement>('draw-pad'), { onChange: encode });
  ctx.part<HTMLButtonElement>('draw-clear').addEventListener('click', () => pad.clear());
  const pick = ctx.part<HTMLInputElement>('pick');
  const pickMessage = ctx.figure.querySelector(`#${ctx.id}-pick-message`) as HTMLElement;
  const usePick = () => {
    const result = parseSetting('seed', pick.value);
    const index = result.ok ? result.value : -1;
    if (!Number.isInteger(index) || index < 0 || index >= LATENT_POINTS) {
      pickMessage.textContent = fill(s.problemWhole, { min: 0, max: LATENT_POINTS - 1 });
      pick.setAttribute('aria-invalid', 'true');
      return;
    }
    pickMessage.textContent = '';
    pick.removeAttribute('aria-invalid');
    pad.clear();
    void ctx.worker.ask({ type: 'reconstruct', count: 1, offset: index }, ['images']).then((event) => {
      if (event.type === 'images' && event.originals) encode(event.originals);
    });
  };
  ctx.part('pick-use').addEventListener('click', usePick);
  pick.addEventListener('keydown', (event) => event.key === 'Enter' && usePick());
  return pad;
}

/** Builds the image panels; `klPerDim()` gives the latest KL per dimension, to pick the map's dimensions. */
export function createImageViews(ctx: LabContext, klPerDim: () => readonly number[]): ImageViews {
  const { s } = ctx;
  const canvas = (name: string) => ctx.part<HTMLCanvasElement>(name);
  const paint: Paint = (name, pixels, count, width, height, columns, scale) =>
    paintGrid(canvas(name), pixels, count, width, height, { columns, scale, gap: 2, colors: themeColors(ctx.figure) });
  let sampleSeed = 1;
  let size = { width: 28, height: 28 };
  const map = createLatentMap(ctx, liveDecoder(ctx, paint));
  const pad = bindOwnImage(ctx, map, paint, () => size);

  ctx.part('new-samples').addEventListener('click', () => {
    sampleSeed += 1;
    ctx.worker.send({ type: 'sample', count: PREVIEW_COUNT, seed: sampleSeed });
  });

  const refreshLatents = () => {
    ctx.worker.send({ type: 'encodeTestSet', limit: LATENT_POINTS });
    if (ctx.settings.latentSize === 2) ctx.worker.send({ type: 'decodeGrid', side: GRID_SIDE });
  };

  return {
    onImages(event) {
      size = { width: event.width, height: event.height };
      if (event.kind === 'reconstructions' && event.originals) {
        paint(
          'reconstructions',
          pairRows(event.originals, event.pixels, event.count, event.width * event.height),
          event.count * 2,
          event.width,
          event.height,
          event.count,
          2,
        );
      } else if (event.kind === 'samples') {
        paint('samples', event.pixels, event.count, event.width, event.height, event.count, 2);
      } else if (event.kind === 'grid') {
        const side = Math.round(Math.sqrt(event.count));
        paint('grid', event.pixels, event.count, event.width, event.height, side, 1);
      }
    },
    onLatents(event) {
      map.onLatents(event, klPerDim());
    },
    refresh() {
      ctx.worker.send({ type: 'reconstruct', count: PREVIEW_COUNT });
      ctx.worker.send({ type: 'sample', count: PREVIEW_COUNT, seed: sampleSeed });
      refreshLatents();
      const gridPanel = ctx.part('[data-panel="grid"]');
      const note = ctx.part('grid-note');
      canvas('grid').hidden = ctx.settings.latentSize !== 2;
      note.textContent = ctx.settings.latentSize === 2 ? s.gridNote : s.gridOnly2;
      gridPanel.dataset['available'] = String(ctx.settings.latentSize === 2);
    },
    refreshLatents,
    clear() {
      map.clear();
      pad.clear();
      for (const name of ['reconstructions', 'samples', 'grid', 'decoded', 'draw-reconstruction']) {
        const c = canvas(name);
        c.getContext('2d')?.clearRect(0, 0, c.width, c.height);
      }
    },
  };
}
