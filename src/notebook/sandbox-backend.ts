/**
 * The sandbox's backend: WebAssembly, else plain JavaScript. Cells are small and their recorded outputs come from the
 * CPU-exact path, so the sandbox imports only these two backends (not the chooser's WebGL/WebGPU, ~640 KB of code).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { selfTest } from '../core/backend/self-test';

/** The backends a cell can run on, in the order they are tried. */
export const SANDBOX_BACKENDS = ['wasm', 'cpu'] as const;

/** Why a backend did not start, or null when it runs and passes the self-test with synchronous reads. */
async function tryBackend(name: (typeof SANDBOX_BACKENDS)[number]): Promise<string | null> {
  try {
    if (!(await tf.setBackend(name))) return `${name}: tfjs could not start it`;
    return await selfTest({ syncRead: true });
  } catch (error) {
    return `${name}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * Starts WebAssembly with its .wasm files under `wasmPrefix` (wasmPaths in core/backend), on one thread (the lockdown
 * forbids the workers threads need), or falls back to cpu; resolves with the backend's name.
 */
export async function startSandboxBackend(wasmPrefix: string): Promise<string> {
  setWasmPaths(wasmPrefix);
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  const failures: string[] = [];
  for (const name of SANDBOX_BACKENDS) {
    const failure = await tryBackend(name);
    if (failure === null) return name;
    failures.push(failure);
  }
  throw new Error(`No backend runs cells here: ${failures.join('; ')}`);
}
