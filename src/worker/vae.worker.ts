/** The Web Worker entry: wires `createHandler` to postMessage, with the real dataset loader and backend chooser. */
/// <reference lib="webworker" />
import { createHandler } from './handler';
import { createFetchLoader } from './datasets';
import { BACKEND_ORDER, backendsAfter, chooseBackend, isBackendName, isWebGLContextLost, wasmPaths, watchContextLoss, type BackendName } from '../core/backend';
import type { InitRequest, WorkerRequest } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const baseUrl = import.meta.env.BASE_URL;
let lastInit: InitRequest | null = null;

const handle = createHandler((event, transfer) => self.postMessage(event, transfer ?? []), {
  loadDataset: createFetchLoader(baseUrl),
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
    const choice = await chooseBackend({ skip, allowSoftwareWebGL: lastInit?.allowSoftwareWebGL ?? false, wasmPathPrefix: wasmPaths(baseUrl), requireSyncReads: true });
    return choice.name;
  },
});

self.onmessage = (message: MessageEvent<WorkerRequest>) => void handle(message.data);
