/** The Web Worker entry: wires `createHandler` to postMessage, with the real dataset loader and backend chooser. */
/// <reference lib="webworker" />
import { createHandler } from './handler';
import { createFetchLoader } from './datasets';
import { chooseBackend, isBackendName, wasmPaths } from '../core/backend';
import type { WorkerRequest } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const baseUrl = import.meta.env.BASE_URL;

const handle = createHandler((event, transfer) => self.postMessage(event, transfer ?? []), {
  loadDataset: createFetchLoader(baseUrl),
  prepareBackend: async (request) => {
    const choice = await chooseBackend({
      override: request.backend !== undefined && isBackendName(request.backend) ? request.backend : null,
      allowSoftwareWebGL: request.allowSoftwareWebGL ?? false,
      wasmPathPrefix: wasmPaths(baseUrl),
    });
    return choice.name;
  },
});

self.onmessage = (message: MessageEvent<WorkerRequest>) => void handle(message.data);
