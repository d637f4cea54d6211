/** The Web Worker entry: wires `createHandler` to postMessage, with the real dataset loader and backend chooser. */
/// <reference lib="webworker" />
import { createHandler } from './handler';
import { createFetchLoader } from './datasets';
import {
  BACKEND_ORDER,
  backendsAfter,
  chooseBackend,
  isBackendName,
  isWebGLContextLost,
  wasmPaths,
  watchContextLoss,
  type BackendName,
} from '../core/backend';
import type { InitRequest, WorkerRequest } from './protocol';
import { createObjectiveCompiler } from './reader-objective';
import { lockDown } from '../notebook/lockdown';

declare const self: DedicatedWorkerGlobalScope;

const baseUrl = import.meta.env.BASE_URL;
let lastInit: InitRequest | null = null;
// Captured before a reader's loss locks this worker down (reader-objective.ts): the lab still posts and loads datasets.
const post = self.postMessage.bind(self);
const siteFetch = self.fetch.bind(self);

const handle = createHandler((event, transfer) => post(event, transfer ?? []), {
  // The full lockdown, function constructors included: code built from a string could otherwise call import() and reach
  // the network. tfjs only reads f.constructor (its isFunction), which the stand-in answers.
  compileObjective: createObjectiveCompiler(() => lockDown(self as unknown as typeof globalThis)),
  loadDataset: createFetchLoader(baseUrl, siteFetch),
  prepareBackend: async (request) => {
    lastInit = request;
    const choice = await chooseBackend({
      override: request.backend !== undefined && isBackendName(request.backend) ? request.backend : null,
      allowSoftwareWebGL: request.allowSoftwareWebGL ?? false,
      wasmPathPrefix: wasmPaths(baseUrl),
      requireSyncReads: true,
    });
    return choice.name;
  },
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
    return choice.name;
  },
});

self.onmessage = (message: MessageEvent<WorkerRequest>) => void handle(message.data);
