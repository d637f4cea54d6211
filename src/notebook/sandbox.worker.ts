/**
 * The sandbox: a module worker from the site's own origin where reader code runs. It loads tfjs (wasm, else cpu), the
 * engine API and the compiler, then locks itself down (lockdown.ts) before the first cell. Plot loads on first use.
 */
/// <reference lib="webworker" />
import { wasmPaths } from '../core/backend/wasm';
import { createAnalysisCache } from './analysis-cache';
import { createApi, createLoaders, type ApiEnvironment } from './api';
import type { AsyncFunctionConstructor } from './compile';
import { lockDown } from './lockdown';
import { NotebookRuntime, errorOf } from './runtime';
import { startSandboxBackend } from './sandbox-backend';
import type { SandboxAnswer, SandboxRequest } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

// Captured before the lockdown replaces them for reader code.
const AsyncFunction = (async () => {}).constructor as AsyncFunctionConstructor;
const post = self.postMessage.bind(self) as (answer: SandboxAnswer) => void;
const privateFetch = self.fetch.bind(self);
const baseUrl = import.meta.env.BASE_URL;

/** Only the book's own data and checkpoints, under the site's base path. */
const ALLOWED = /^(data|checkpoints)\/[\w.-]+\.bin$/;

let plot: unknown;
const env: ApiEnvironment = {
  loadBytes: async (path) => {
    if (!ALLOWED.test(path)) throw new Error(`not one of the book's files: ${path}`);
    const response = await privateFetch(`${baseUrl}${path}`);
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  },
  plot: () => plot,
  seed: 1,
};
const shared = new WeakSet<object>();
const loaders = createLoaders(env, shared);
const runtime = new NotebookRuntime((host, id) => createApi(env, loaders, host, id), AsyncFunction, shared);

const analyzed = createAnalysisCache();
let ready: Promise<string> | null = null;

/** Starts the backend (wasm, else cpu: the recorded outputs use a CPU-exact path) and locks down. */
function start(): Promise<string> {
  ready ??= startSandboxBackend(wasmPaths(baseUrl)).then((name) => {
    lockDown(self as unknown as typeof globalThis);
    return name;
  });
  return ready;
}

/** Loads Plot (and linkedom) the first time a cell uses the name Plot. */
async function ensurePlot(uses: readonly string[]): Promise<void> {
  if (plot || !uses.includes('Plot')) return;
  plot = (await import('./plot-env')).plotForCells();
}

/** Answers one request. */
async function handle(request: SandboxRequest): Promise<SandboxAnswer> {
  const { id } = request;
  switch (request.type) {
    case 'init':
      return { type: 'ready', id, backend: await start() };
    case 'analyze': {
      const result = analyzed(request.source);
      return 'error' in result
        ? { type: 'analysis', id, declares: [], uses: [], error: result.error }
        : { type: 'analysis', id, declares: result.declares, uses: result.uses };
    }
    case 'run': {
      await start();
      const analysis = analyzed(request.source);
      if ('error' in analysis) {
        runtime.forget(request.cell, true);
        return { type: 'result', id, outputs: [], error: analysis.error, ms: 0 };
      }
      const plotError = await ensurePlot(analysis.uses).then(
        () => null,
        (e: unknown) => errorOf(e),
      );
      if (plotError) return { type: 'result', id, outputs: [], error: plotError, ms: 0 };
      const started = performance.now();
      const result = await runtime.run(request.cell, analysis, { theme: request.theme });
      return { type: 'result', id, ...result, ms: performance.now() - started };
    }
    case 'choose':
      runtime.choose(request.cell, request.index, request.value);
      return { type: 'done', id };
    case 'forget':
      runtime.forget(request.cell);
      return { type: 'done', id };
  }
}

self.addEventListener('message', (event: MessageEvent<SandboxRequest>) => {
  handle(event.data).then(post, (error: unknown) =>
    post({ type: 'failed', id: event.data.id, message: error instanceof Error ? error.message : String(error) }),
  );
});
