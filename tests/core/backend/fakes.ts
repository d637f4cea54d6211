/** Fake tfjs backends for chooser tests: real CPU backends under other names, optionally with a lying matMul. */
import * as tf from '@tensorflow/tfjs-core';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { BackendCandidate, ProbeResult } from '../../../src/core/backend';
import type { BackendName } from '../../../src/core/backend';

/** How a fake misbehaves. */
export interface FakeBehaviour {
  /** The probe's verdict (default: usable). */
  readonly probe?: ProbeResult | (() => Promise<ProbeResult>);
  /** load() rejects with this message. */
  readonly loadFails?: string;
  /** The backend's factory throws, so tf.setBackend resolves false. */
  readonly startFails?: boolean;
  /** matMul adds this to its first output. */
  readonly matMulOffBy?: number;
  /** Creating a tensor from more numbers than this throws, as a software WebGPU adapter does for big buffers. */
  readonly maxUploadFloats?: number;
  /** Synchronous reads return zeros (asynchronous ones stay right), as on a WebGPU software adapter. */
  readonly syncReadZeros?: boolean;
}

const registered = new Set<string>();

/** Registers `name` as a copy of the CPU backend (kernels included), misbehaving as asked. */
function registerClone(name: Exclude<BackendName, 'cpu'>, behaviour: FakeBehaviour): void {
  if (tf.findBackendFactory(name)) tf.removeBackend(name);
  tf.registerBackend(name, () => {
    if (behaviour.startFails) throw new Error(`fake ${name} refuses to start`);
    const backend = new MathBackendCPU();
    // Silences the once-per-instance "install tfjs-node" banner, which would print for every fake.
    (backend as unknown as { firstUse: boolean }).firstUse = false;
    const limit = behaviour.maxUploadFloats;
    if (limit !== undefined) {
      const write = backend.write.bind(backend);
      backend.write = (values, shape, dtype) => {
        if (values.length > limit)
          throw new Error(`createBuffer failed, size (${values.length * 4}) is too large for the implementation`);
        return write(values, shape, dtype);
      };
    }
    if (behaviour.syncReadZeros) {
      const readSync = backend.readSync.bind(backend);
      backend.read = async (dataId) => readSync(dataId);
      backend.readSync = (dataId) => new Float32Array(readSync(dataId).length);
    }
    return backend;
  });
  for (const kernel of tf.getKernelsForBackend('cpu')) {
    if (tf.getKernel(kernel.kernelName, name)) tf.unregisterKernel(kernel.kernelName, name);
    const off = behaviour.matMulOffBy;
    const kernelFunc: tf.KernelFunc =
      kernel.kernelName === 'BatchMatMul' && off !== undefined
        ? (args) => {
            const out = kernel.kernelFunc(args) as tf.TensorInfo;
            const values = (args.backend as MathBackendCPU).data.get(out.dataId)!.values as Float32Array;
            values[0] = values[0]! + off;
            return out;
          }
        : kernel.kernelFunc;
    tf.registerKernel({ ...kernel, backendName: name, kernelFunc });
  }
  registered.add(name);
}

/** A candidate named like a real backend but running on a CPU clone. */
export function fakeCandidate(name: Exclude<BackendName, 'cpu'>, behaviour: FakeBehaviour = {}): BackendCandidate {
  return {
    name,
    probe: async () => {
      const p = behaviour.probe ?? { ok: true, note: `fake ${name}`, software: false };
      return typeof p === 'function' ? p() : p;
    },
    load: async () => {
      if (behaviour.loadFails) throw new Error(behaviour.loadFails);
      registerClone(name, behaviour);
    },
  };
}

/** Removes every fake backend and its kernels, back to plain cpu. */
export async function removeFakes(): Promise<void> {
  await tf.setBackend('cpu');
  for (const name of registered) {
    if (tf.findBackendFactory(name)) tf.removeBackend(name);
    for (const kernel of tf.getKernelsForBackend(name)) tf.unregisterKernel(kernel.kernelName, name);
  }
  registered.clear();
}
