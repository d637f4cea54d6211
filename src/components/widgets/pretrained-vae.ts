/**
 * The page's side of the widgets that use the pretrained MNIST VAE: download the checkpoint, start the worker on it
 * (with the backend `?backend=` asks for), and the few requests they make: test images, prior samples, and a plan of
 * importance-weighted bounds sent one at a time so a newer question cancels the rest quickly.
 */
import { BACKEND_TITLES, isBackendName } from '../../core/backend/names';
import { fill, type PretrainedStrings } from '../../i18n/widgets/pretrained';
import type { ImagesEvent } from '../../worker/protocol';
import { LabWorker } from './lab/lab-worker';
import { formatBytes } from './lab/numbers';
import { backendRequest } from './lab/session';
import {
  BINARIZE_SEED,
  CHECKPOINT,
  DATASET,
  planRequests,
  summarize,
  type BoundPlan,
  type BoundSummary,
  type PlannedRequest,
} from './pretrained-bounds';

/** A started worker with the pretrained model, and the backend it runs on. */
export interface PretrainedVae {
  readonly worker: LabWorker;
  readonly backend: string;
}

/** How a backend is named to readers, in their language. */
export function backendName(s: PretrainedStrings, backend: string): string {
  if (backend === 'cpu') return s.backendCpu;
  return isBackendName(backend) ? BACKEND_TITLES[backend] : backend;
}

/** Downloads `url` as bytes, calling `onProgress(loaded, total)` as chunks arrive. */
async function download(url: string, onProgress: (loaded: number, total: number | null) => void): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const total = Number(response.headers.get('content-length')) || null;
  const bytes = new Uint8Array(await response.arrayBuffer());
  onProgress(bytes.length, total ?? bytes.length);
  return bytes;
}

/**
 * Downloads the checkpoint and starts a worker on it; `status` receives a sentence for the page at each stage.
 * Rejects with a readable message when the download, the dataset or the model fails.
 */
export async function startPretrained(s: PretrainedStrings, status: (message: string) => void): Promise<PretrainedVae> {
  const progress = (template: string) => (loaded: number, total: number | null) =>
    status(fill(template, { loaded: formatBytes(loaded), total: total ? formatBytes(total) : '?' }));
  status(fill(s.downloadModel, { loaded: formatBytes(0), total: '?' }));
  const checkpoint = await download(
    `${import.meta.env.BASE_URL}checkpoints/${CHECKPOINT}.bin`,
    progress(s.downloadModel),
  );
  let crashed: (message: string) => void = () => undefined;
  const worker = new LabWorker((message) => crashed(message));
  const request = backendRequest(location.search);
  status(s.startingEngine);
  const stops: (() => void)[] = [];
  const ready = new Promise<string>((resolve, reject) => {
    crashed = (message) => reject(new Error(message));
    stops.push(
      worker.on('progress', (event) => progress(s.downloadData)(event.loaded, event.total)),
      worker.on('status', (event) => event.state === 'ready' && resolve(event.backend)),
      worker.on('error', (event) => reject(new Error(event.message))),
    );
  });
  worker.send(
    {
      type: 'init',
      config: {},
      dataset: DATASET,
      checkpoint,
      allowSoftwareWebGL: request.allowSoftwareWebGL,
      ...(request.backend ? { backend: request.backend } : {}),
    },
    [checkpoint.buffer],
  );
  try {
    return { worker, backend: await ready };
  } catch (error) {
    worker.terminate();
    throw error;
  } finally {
    stops.forEach((off) => off());
  }
}

/** Test images `offset … offset + count − 1` as pixels in [0, 1] (the originals the worker's 'reconstruct' returns). */
export async function testImages(worker: LabWorker, offset: number, count: number): Promise<ImagesEvent> {
  const event = await worker.ask({ type: 'reconstruct', offset, count }, ['images']);
  if (event.type === 'error') throw new Error(event.message);
  return { ...event, pixels: event.originals ?? event.pixels };
}

/** `count` images decoded from z ~ N(0, I), drawn with `seed` (the decoder's pixel probabilities). */
export async function priorSamples(worker: LabWorker, count: number, seed: number): Promise<ImagesEvent> {
  const event = await worker.ask({ type: 'sample', count, seed }, ['images']);
  if (event.type === 'error') throw new Error(event.message);
  return event;
}

/** Most z draws a plan keeps queued in the worker: enough to hide the message round trips, little to wait for on a cancel. */
const IN_FLIGHT_SAMPLES = 512;

/**
 * Sends `requests` in order, a few at a time (at most `IN_FLIGHT_SAMPLES` draws of z queued), while `alive()`, handing
 * each answer (the bound on that one image) to `onValue` in order. Resolves true when all were answered, false as soon
 * as `alive()` turns false (queued answers are then ignored); rejects with the worker's message on an error.
 */
export function runPlan(
  worker: LabWorker,
  requests: readonly PlannedRequest[],
  alive: () => boolean,
  onValue: (request: PlannedRequest, value: number) => void,
): Promise<boolean> {
  return new Promise((resolve, reject) => {
    let next = 0;
    let outstanding = 0;
    let queued = 0;
    let over = false;
    const finish = (outcome: boolean | Error) => {
      if (over) return;
      over = true;
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const pump = () => {
      if (over) return;
      if (!alive()) return finish(false);
      if (next >= requests.length && outstanding === 0) return finish(true);
      while (
        next < requests.length &&
        (outstanding === 0 || queued + (requests[next] as PlannedRequest).k <= IN_FLIGHT_SAMPLES)
      ) {
        const request = requests[next++] as PlannedRequest;
        outstanding += 1;
        queued += request.k;
        const { k, image: offset, seed } = request;
        void worker
          .ask({ type: 'importanceWeighted', k, count: 1, offset, seed, binarizeSeed: BINARIZE_SEED }, [
            'importanceWeighted',
          ])
          .then((event) => {
            outstanding -= 1;
            queued -= request.k;
            if (over) return;
            if (event.type === 'error') return finish(new Error(event.message));
            if (!alive()) return finish(false);
            onValue(request, event.bounds[0] ?? Number.NaN);
            pump();
          });
      }
    };
    pump();
  });
}

/** Calls `repaint` after the page switches between light and dark (canvases do not follow CSS by themselves). */
export function watchTheme(repaint: () => void): void {
  if (typeof MutationObserver !== 'function') return;
  new MutationObserver(() => requestAnimationFrame(repaint)).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-theme'],
  });
}

/** Progress of `measureImage`: the summary so far, z drawn so far, and whether a series has just completed. */
export interface MeasureProgress {
  readonly summary: BoundSummary;
  readonly samplesDone: number;
  readonly seriesDone: boolean;
}

/**
 * Runs `plan` on test image `image` and summarises the answers as they arrive (`onProgress` after each). Resolves with
 * the final summary, or null when a newer job cancelled it; rejects with the worker's message on an error.
 */
export async function measureImage(
  worker: LabWorker,
  plan: BoundPlan,
  image: number,
  alive: () => boolean,
  onProgress: (progress: MeasureProgress) => void,
): Promise<BoundSummary | null> {
  const values = new Map<string, number[]>();
  const repeats = new Map([plan.elbo, ...plan.ladder].map((series) => [series.key, series.repeats]));
  let summary = summarize(plan, values);
  let samplesDone = 0;
  const finished = await runPlan(worker, planRequests(plan, image), alive, (request, value) => {
    const list = values.get(request.series) ?? [];
    list.push(value);
    values.set(request.series, list);
    samplesDone += request.k;
    const seriesDone = list.length === repeats.get(request.series);
    if (seriesDone) summary = summarize(plan, values);
    onProgress({ summary, samplesDone, seriesDone });
  });
  return finished ? summary : null;
}
