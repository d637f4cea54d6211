/** Drives the real VAE worker from a page: init on a chosen backend, train some steps, and report what came back. */
import type { WorkerEvent, WorkerRequest } from '../worker/protocol';

/** What a smoke run saw, as plain data for the page and the end-to-end test. */
export interface WorkerSmokeOutcome {
  backend: string | null;
  parameterCount: number;
  metrics: { step: number; objective: number; elbo: number; kl: number; msPerStep: number }[];
  longestTaskMs: number;
  error: string | null;
}

/** Trains `steps` steps of the default VAE on MNIST in the worker and resolves with the outcome. */
export function runWorkerSmoke(options: {
  backend: string | null;
  allowSoftwareWebGL: boolean;
  steps: number;
  onEvent?: (e: WorkerEvent) => void;
}): Promise<WorkerSmokeOutcome> {
  const outcome: WorkerSmokeOutcome = { backend: null, parameterCount: 0, metrics: [], longestTaskMs: 0, error: null };
  const observer =
    'PerformanceObserver' in globalThis
      ? new PerformanceObserver((list) => {
          for (const entry of list.getEntries())
            outcome.longestTaskMs = Math.max(outcome.longestTaskMs, entry.duration);
        })
      : null;
  try {
    observer?.observe({ type: 'longtask', buffered: false });
  } catch {
    // Long-task timing is Chromium-only; elsewhere the figure stays 0.
  }
  const worker = new Worker(new URL('../worker/vae.worker.ts', import.meta.url), { type: 'module' });
  const send = (request: WorkerRequest) => worker.postMessage(request);
  return new Promise((resolve) => {
    const finish = () => {
      observer?.disconnect();
      worker.onmessage = null;
      send({ type: 'dispose' });
      setTimeout(() => worker.terminate(), 100);
      resolve(outcome);
    };
    worker.onerror = (e) => {
      outcome.error = e.message || 'worker failed to start';
      finish();
    };
    worker.onmessage = ({ data }: MessageEvent<WorkerEvent>) => {
      options.onEvent?.(data);
      if (data.type === 'error') {
        outcome.error = `${data.code}: ${data.message}`;
        finish();
      } else if (data.type === 'metrics') {
        outcome.metrics.push({
          step: data.step,
          objective: data.objective,
          elbo: data.elbo,
          kl: data.kl,
          msPerStep: data.msPerStep,
        });
      } else if (data.type === 'status') {
        outcome.backend = data.backend || outcome.backend;
        if (data.state === 'ready') outcome.parameterCount = data.parameterCount;
        if (data.state === 'ready') send({ type: 'train', metricsEvery: 5, imagesEvery: 0, maxSteps: options.steps });
        if (data.state === 'paused' && data.step >= options.steps) finish();
      }
    };
    send({
      type: 'init',
      config: {},
      dataset: 'mnist',
      ...(options.backend ? { backend: options.backend } : {}),
      allowSoftwareWebGL: options.allowSoftwareWebGL,
    });
  });
}
