/** Starting a model in the worker: the backend the page asks for, the pretrained checkpoint (downloaded with progress), init. */
import { BACKEND_TITLES, isBackendName, parseBackendOverride } from '../../../core/backend/names';
import { fill } from '../../../i18n/widgets/vae-lab';
import type { LabContext } from './context';
import { formatBytes } from './numbers';
import { checkpointFor, toVaeConfig, type LabSettings } from './settings';
import { engineWish, storageOrNull } from './engine-line';
import { yieldToMain } from '../../../lib/when-near-viewport';

/** What the page knows about a pretrained checkpoint from its JSON sidecar. */
export interface CheckpointInfo {
  readonly name: string;
  readonly steps: number;
  readonly testElbo: number | null;
}

/** How the reader names a backend, in the page's language. */
export function backendTitle(ctx: LabContext, backend: string): string {
  if (backend === 'cpu') return ctx.s.backendCpu;
  return isBackendName(backend) ? BACKEND_TITLES[backend] : backend;
}

/** Reads `?backend=` and `?softwareWebGL=1` from the page URL (tests and curious readers force a backend this way). */
export function backendRequest(search: string): {
  backend?: string;
  allowSoftwareWebGL: boolean;
  error: string | null;
} {
  const { override, error } = parseBackendOverride(search);
  const allowSoftwareWebGL = new URLSearchParams(search).get('softwareWebGL') === '1';
  return { ...(override ? { backend: override } : {}), allowSoftwareWebGL, error };
}

/** Downloads `url` as bytes, reporting progress; rejects with a readable message on an HTTP error. */
async function download(url: string, onProgress: (loaded: number, total: number | null) => void): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const total = Number(response.headers.get('content-length')) || null;
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  let since = performance.now();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onProgress(loaded, total);
    // A body already in the cache arrives as a burst of chunks that would all be read in one task: yield now and then.
    if (performance.now() - since > 8) since = await yieldToMain().then(() => performance.now());
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/** Fetches the pretrained checkpoint for `name` and what its sidecar says about it. */
async function fetchCheckpoint(
  ctx: LabContext,
  name: string,
  progress: HTMLProgressElement,
): Promise<{ bytes: Uint8Array; info: CheckpointInfo }> {
  const base = `${import.meta.env.BASE_URL}checkpoints/${name}`;
  const sidecar = (await fetch(`${base}.json`)
    .then((r) => (r.ok ? r.json() : null))
    .catch(() => null)) as { curve?: { step?: number; testElbo?: number }[] } | null;
  const last = sidecar?.curve?.at(-1);
  const info = {
    name,
    steps: typeof last?.step === 'number' ? last.step : 0,
    testElbo: typeof last?.testElbo === 'number' ? last.testElbo : null,
  };
  const bytes = await download(`${base}.bin`, (loaded, total) => {
    progress.hidden = false;
    progress.max = total ?? loaded;
    progress.value = loaded;
    ctx.setStatus(
      fill(ctx.s.stateDownloadCheckpoint, { loaded: formatBytes(loaded), total: total ? formatBytes(total) : '?' }),
    );
  });
  return { bytes, info };
}

/**
 * Builds the model for `settings` in the worker: from `savedBytes` when given (a restored or imported model), else from
 * the matching pretrained checkpoint, else from random weights. Resolves with the checkpoint used (null: none).
 * The worker answers with status 'ready' (or an error), which the client's listeners handle.
 */
export async function startModel(
  ctx: LabContext,
  settings: LabSettings,
  savedBytes?: Uint8Array,
): Promise<CheckpointInfo | null> {
  const progress = ctx.part<HTMLProgressElement>('progress');
  let checkpoint: Uint8Array | undefined = savedBytes;
  let info: CheckpointInfo | null = null;
  const name = savedBytes ? null : checkpointFor(settings);
  if (name) {
    try {
      ({ bytes: checkpoint, info } = await fetchCheckpoint(ctx, name, progress));
    } catch (error) {
      ctx.warn(fill(ctx.s.checkpointFailed, { message: error instanceof Error ? error.message : String(error) }));
    }
  } else if (!savedBytes && settings.start === 'checkpoint') {
    ctx.warn(ctx.s.noCheckpoint);
  }
  const request = backendRequest(location.search);
  if (request.error) ctx.warn(request.error);
  ctx.setStatus(ctx.s.stateLoadingEngine);
  ctx.worker.send(
    {
      type: 'init',
      config: toVaeConfig(settings),
      dataset: settings.dataset,
      allowSoftwareWebGL: request.allowSoftwareWebGL,
      engine: engineWish(location.search, storageOrNull()),
      ...(request.backend ? { backend: request.backend } : {}),
      ...(checkpoint ? { checkpoint } : {}),
    },
    checkpoint ? [checkpoint.buffer] : [],
  );
  return info;
}
