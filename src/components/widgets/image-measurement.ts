/**
 * What the two pretrained-bound widgets (ElboGap, PriorSamples) share: the worker started on the pretrained model, the
 * test-image picker, and the measurement of the picked image — its running summary, progress, failure and status line.
 */
import { fill } from '../../i18n/widgets/pretrained';
import type { PretrainedStrings } from '../../i18n/widgets/pretrained';
import { JobGeneration, requirePart } from './kit';
import { paintGrid, themeColors } from './lab/image-grid';
import {
  DEFAULT_IMAGE,
  formatCount,
  planSamples,
  summarize,
  type BoundPlan,
  type BoundSummary,
} from './pretrained-bounds';
import {
  backendName,
  measureImage,
  startPretrained,
  testImages,
  watchTheme,
  type PretrainedVae,
} from './pretrained-vae';
import { bindTestImagePicker } from './test-image-picker';

/** The parts of a widget a measurement redraws. */
export type MeasurementPart = 'stats' | 'status' | 'chart';

/** The widget's own elements and words the shared part needs. */
export interface MeasurementOptions {
  readonly figure: HTMLElement;
  /** The figure's name in its data-widget attribute, for error messages. */
  readonly widget: string;
  readonly plan: BoundPlan;
  readonly p: PretrainedStrings;
  /** The status line's templates while measuring and when done ({image}, {percent}, {samples}). */
  readonly templates: { readonly computing: string; readonly computed: string };
  readonly status: HTMLElement;
  readonly progress: HTMLProgressElement;
  /** The picked digit's canvas and the fieldset that holds the picker. */
  readonly digit: HTMLCanvasElement;
  readonly pickerRoot: HTMLElement;
  /** The backend line ("Engine: …"). */
  readonly backend: HTMLElement;
  /** Schedules a redraw of these parts in the next frame. */
  request(...parts: MeasurementPart[]): void;
  /** The picked image's measurement finished. */
  onMeasured(summary: BoundSummary, image: number): void;
}

/** The picked image, its pixels, the summary so far and the state of the measurement, read by the widget's drawing. */
export interface ImageMeasurement {
  readonly image: number;
  readonly pixels: { readonly data: Float32Array; readonly width: number; readonly height: number } | null;
  readonly summary: BoundSummary;
  readonly computing: boolean;
  /** Puts the failure into the status line: `template` gets {message}. */
  fail(template: string, error: unknown): void;
  /** Draws the status line and progress bar. */
  drawStatus(): void;
  /**
   * Starts the worker, then the picker on the default image. `ready` runs once the worker is up, before the first
   * pick (PriorSamples paints its samples there); `repaint` redraws the widget's own canvases when the theme changes.
   */
  start(ready: (vae: PretrainedVae) => Promise<void> | void, repaint: () => void): void;
}

/** Creates the shared state; nothing runs until `start`. */
export function createImageMeasurement(o: MeasurementOptions): ImageMeasurement {
  const total = planSamples(o.plan);
  const jobs = new JobGeneration();
  let vae: PretrainedVae | null = null;
  let image = DEFAULT_IMAGE;
  let pixels: ImageMeasurement['pixels'] = null;
  let summary = summarize(o.plan, new Map());
  let samplesDone = 0;
  let failure: string | null = null;

  const fail = (template: string, error: unknown) => {
    failure = fill(template, { message: error instanceof Error ? error.message : String(error) });
    o.figure.dataset['state'] = 'failed';
    o.request('status', 'stats');
  };
  const paintDigit = () => {
    if (pixels)
      paintGrid(o.digit, pixels.data, 1, pixels.width, pixels.height, {
        columns: 1,
        scale: 1,
        gap: 0,
        colors: themeColors(o.figure),
      });
  };

  async function measure(next: number): Promise<void> {
    if (!vae) return;
    image = next;
    summary = summarize(o.plan, new Map());
    samplesDone = 0;
    failure = null;
    o.figure.dataset['state'] = 'computing';
    o.request('stats', 'status', 'chart');
    const alive = jobs.next();
    try {
      const final = await measureImage(vae.worker, o.plan, next, alive, (update) => {
        ({ summary, samplesDone } = update);
        o.request(...((update.seriesDone ? ['status', 'stats', 'chart'] : ['status']) as MeasurementPart[]));
      });
      if (!final) return;
      o.figure.dataset['state'] = 'ready';
      o.request('status', 'stats', 'chart');
      o.onMeasured(final, next);
    } catch (error) {
      if (alive()) fail(o.p.requestFailed, error);
    }
  }

  return {
    get image() {
      return image;
    },
    get pixels() {
      return pixels;
    },
    get summary() {
      return summary;
    },
    get computing() {
      return o.figure.dataset['state'] === 'computing';
    },
    fail,
    drawStatus() {
      const state = o.figure.dataset['state'];
      o.progress.hidden = state !== 'computing';
      o.progress.value = samplesDone / total;
      if (failure) o.status.textContent = failure;
      else if (state === 'computing')
        o.status.textContent = fill(o.templates.computing, {
          image,
          percent: Math.floor((100 * samplesDone) / total),
          samples: formatCount(total),
        });
      else if (state === 'ready')
        o.status.textContent = fill(o.templates.computed, { image, samples: formatCount(total) });
    },
    start(ready, repaint) {
      o.figure.dataset['state'] = 'starting';
      void startPretrained(o.p, (text) => (o.status.textContent = text)).then(
        async (started) => {
          vae = started;
          o.backend.textContent = fill(o.p.engine, { backend: backendName(o.p, started.backend) });
          o.backend.dataset['backend'] = started.backend;
          const picker = bindTestImagePicker(requirePart<HTMLElement>(o.pickerRoot, '[data-picker="root"]', o.widget), {
            s: o.p,
            load: (offset, count) => testImages(started.worker, offset, count),
            onPick: (next, data, size) => {
              pixels = { data, ...size };
              paintDigit();
              o.digit.setAttribute('aria-label', fill(o.p.imageAria, { n: next }));
              void measure(next);
            },
            onError: (message) => fail(o.p.requestFailed, message),
          });
          watchTheme(() => {
            repaint();
            paintDigit();
            picker.repaint();
          });
          await ready(started);
          picker.pick(DEFAULT_IMAGE);
        },
        (error: unknown) => fail(o.p.startFailed, error),
      );
    },
  };
}
