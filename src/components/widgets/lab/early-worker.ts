/**
 * The VAE worker, started before the widget that uses it: the lab's loader starts one, already downloading the lab's
 * dataset, as the lab nears the screen, so the worker's script and the dataset load while the lab's own modules do.
 */
import type { PrefetchRequest } from '../../../worker/protocol';

/** A worker started ahead of its widget, and the error it met before anyone listened (null: none). */
export interface EarlyWorker {
  readonly worker: Worker;
  error: string | null;
}

let early: EarlyWorker | null = null;

/** Starts a new VAE worker. */
export function spawnVaeWorker(): Worker {
  return new Worker(new URL('../../../worker/vae.worker.ts', import.meta.url), { type: 'module' });
}

/** Starts a worker now, downloading `dataset`, for the next `takeVaeWorker` to use; one at a time. */
export function startVaeWorkerEarly(dataset: string): void {
  if (early || typeof Worker !== 'function') return;
  try {
    const started: EarlyWorker = { worker: spawnVaeWorker(), error: null };
    started.worker.addEventListener('error', (event) => {
      started.error ??= event.message || 'the worker failed to start';
    });
    const request: PrefetchRequest = { type: 'prefetch', dataset };
    started.worker.postMessage(request);
    early = started;
  } catch {
    // Nothing is lost: the widget starts its own worker when it mounts, and reports what goes wrong then.
  }
}

/** The worker started early, with any error it met meanwhile; else a new one. */
export function takeVaeWorker(): EarlyWorker {
  const taken = early ?? { worker: spawnVaeWorker(), error: null };
  early = null;
  return taken;
}
