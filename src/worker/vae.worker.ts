/** The Web Worker entry: wires `createHandler` to postMessage, with the real dataset loader and backend chooser. */
/// <reference lib="webworker" />
import { createHandler } from './handler';
import { createFetchLoader } from './datasets';
import {
  BACKEND_ORDER,
  backendsAfter,
  chooseBackend,
  chooseMeasured,
  isBackendName,
  isWebGLContextLost,
  planThreads,
  wasmPaths,
  watchContextLoss,
  type BackendName,
  type EngineReport,
} from '../core/backend';
import type { InitRequest, WorkerEvent, WorkerRequest } from './protocol';
import { createObjectiveCompiler } from './reader-objective';
import { lockDown } from '../notebook/lockdown';
import { tf } from '../core/tf';

declare const self: DedicatedWorkerGlobalScope;

const baseUrl = import.meta.env.BASE_URL;
let lastInit: InitRequest | null = null;
/** The engine line's report for the backend in use; null when init did not ask for one, or after a backend switch. */
let engine: EngineReport | null = null;
/** Set once a reader's loss has locked this worker down: no new backend code or thread workers can load after that. */
let lockedDown = false;
// Captured before a reader's loss locks this worker down (reader-objective.ts): the lab still posts and loads datasets.
const post = self.postMessage.bind(self);
const siteFetch = self.fetch.bind(self);

/** True when tfjs has already started `name` here (after the lockdown, only such a backend can still be used). */
const running = (name: BackendName) => tf.findBackend(name) !== null;

/** Posts `event`, with the engine report on status events; the memo list to store goes out once. */
function postWithEngine(event: WorkerEvent, transfer: ArrayBuffer[] = []): void {
  if (event.type !== 'status' || engine === null) return post(event, transfer);
  post({ ...event, engine }, transfer);
  if (engine.memos) {
    const { memos: _sent, ...rest } = engine;
    engine = rest;
  }
}

/**
 * Runs `work` while navigator.hardwareConcurrency reads 2 × `threads`. tfjs's WebAssembly caps its thread pool at half
 * the logical cores (it assumes two per physical core), so on a 2-core device it would run one thread whatever is
 * asked; the count is planned here instead (planThreads), and tfjs reads the cores only while it starts.
 */
async function withThreadsAllowed<T>(threads: number, work: () => Promise<T>): Promise<T> {
  if (threads <= 1) return work();
  Object.defineProperty(navigator, 'hardwareConcurrency', { value: 2 * threads, configurable: true });
  try {
    return await work();
  } finally {
    delete (navigator as { hardwareConcurrency?: number }).hardwareConcurrency;
  }
}

/** The backend for an init: by measured speed with threads when the lab asks (`engine`), else the first that works. */
async function prepareBackend(request: InitRequest): Promise<string> {
  lastInit = request;
  const common = {
    override: request.backend !== undefined && isBackendName(request.backend) ? request.backend : null,
    allowSoftwareWebGL: request.allowSoftwareWebGL ?? false,
    wasmPathPrefix: wasmPaths(baseUrl),
    requireSyncReads: true,
  };
  engine = null;
  const wish = request.engine;
  if (!wish) return (await chooseBackend(common)).name;
  const isolated = self.crossOriginIsolated === true;
  const cores = navigator.hardwareConcurrency;
  const plan = planThreads({ isolated, cores }, wish.threads ?? 'auto');
  const choice = await withThreadsAllowed(plan.threads, () =>
    chooseMeasured({
      ...common,
      // After the lockdown nothing new may load: the backends already running are the only candidates.
      ...(lockedDown
        ? { skip: Object.fromEntries(BACKEND_ORDER.filter((n) => !running(n)).map((n) => [n, 'locked'])) }
        : {}),
      wasmThreads: plan.threads,
      config: request.config,
      memos: wish.memos,
      isolated,
      cores,
      userAgent: navigator.userAgent,
      oneThreadWhy: plan.why,
    }),
  );
  engine = choice.report;
  return choice.name;
}

const handle = createHandler(postWithEngine, {
  // The full lockdown, function constructors included: code built from a string could otherwise call import() and reach
  // the network. tfjs only reads f.constructor (its isFunction), which the stand-in answers.
  compileObjective: createObjectiveCompiler(() => {
    lockedDown = true;
    lockDown(self as unknown as typeof globalThis);
  }),
  loadDataset: createFetchLoader(baseUrl, siteFetch),
  prepareBackend,
  watchBackendLoss: (onLost) => watchContextLoss(onLost),
  // Only a lost WebGL context is worth a backend switch; any other failure is reported as it is.
  recoverBackend: async (_error, failed) => {
    if (!isBackendName(failed) || (failed === 'webgl' && !isWebGLContextLost())) return null;
    const allowed = new Set<BackendName>(backendsAfter(failed));
    const skip: Partial<Record<BackendName, string>> = {};
    for (const name of BACKEND_ORDER) if (!allowed.has(name)) skip[name] = `not retried after ${failed} failed`;
    const choice = await chooseBackend({
      skip,
      allowSoftwareWebGL: lastInit?.allowSoftwareWebGL ?? false,
      wasmPathPrefix: wasmPaths(baseUrl),
      requireSyncReads: true,
    });
    engine = null;
    return choice.name;
  },
});

self.onmessage = (message: MessageEvent<WorkerRequest>) => void handle(message.data);
