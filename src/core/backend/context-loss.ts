/** Noticing a lost WebGL context and resuming training on the next backend from the last CPU snapshot. */
// DOM-optional: the WebGL backend's canvas (an HTMLCanvasElement, or an OffscreenCanvas in a worker) is reached
// by duck typing, so nothing here needs the webgl package or a DOM, and in Node every check is a harmless no-op.
import * as tf from '@tensorflow/tfjs-core';
import { backendsAfter, chooseBackend } from './choose';
import type { BackendChoice, ChooseBackendOptions } from './choose';
import { BACKEND_TITLES } from './names';
import type { BackendName } from './names';
import type { WeightSnapshotter } from './snapshot';

interface EventTargetLike {
  addEventListener(type: string, listener: (event: Event) => void): void;
  removeEventListener(type: string, listener: (event: Event) => void): void;
}

/** The canvas and GL context of a tfjs WebGL backend, if `backend` is one. */
function webglParts(backend: unknown): { canvas: EventTargetLike | null; gl: { isContextLost(): boolean } | null } {
  const b = backend as { canvas?: unknown; gpgpu?: { gl?: unknown } } | null | undefined;
  const canvas = b?.canvas as Partial<EventTargetLike> | undefined;
  const gl = b?.gpgpu?.gl as { isContextLost?: unknown } | undefined;
  return {
    canvas: typeof canvas?.addEventListener === 'function' && typeof canvas.removeEventListener === 'function' ? (canvas as EventTargetLike) : null,
    gl: typeof gl?.isContextLost === 'function' ? (gl as { isContextLost(): boolean }) : null,
  };
}

/**
 * Calls onLost once when the active (or given) WebGL backend loses its context. Returns a function that stops
 * listening, or null when there is nothing to watch (another backend, or no canvas events here).
 */
export function watchContextLoss(onLost: (event: Event) => void, backend: unknown = tf.backend()): (() => void) | null {
  const { canvas } = webglParts(backend);
  if (!canvas) return null;
  let fired = false;
  const listener = (event: Event) => {
    if (fired) return;
    fired = true;
    onLost(event);
  };
  canvas.addEventListener('webglcontextlost', listener);
  return () => canvas.removeEventListener('webglcontextlost', listener);
}

/** True when the active (or given) backend is WebGL and its context is lost; a check for errors thrown mid-step. */
export function isWebGLContextLost(backend: unknown = tf.backend()): boolean {
  return webglParts(backend).gl?.isContextLost() ?? false;
}

/** Where training continues after a backend died. */
export interface Recovery {
  readonly choice: BackendChoice;
  /** The step of the snapshot the weights came from. */
  readonly step: number;
  readonly variables: tf.Variable[];
  /** A sentence for the page, e.g. "The WebGL context was lost; training resumed on WebAssembly from the snapshot at step 400." */
  readonly message: string;
}

/**
 * Chooses a backend after `lost` (never `lost` or a faster one), then restores the snapshot's variables there.
 * The caller swaps the returned variables into its model and rebuilds its optimizer.
 */
export async function resumeOnNextBackend(
  lost: BackendName,
  snapshotter: WeightSnapshotter,
  options: Omit<ChooseBackendOptions, 'skip' | 'override'> = {},
): Promise<Recovery> {
  const why = lost === 'webgl' ? 'the WebGL context was lost' : `the ${lost} backend failed`;
  const allowed = new Set<BackendName>(backendsAfter(lost));
  const skip: Partial<Record<BackendName, string>> = {};
  for (const name of ['webgpu', 'webgl', 'wasm', 'cpu'] as const) if (!allowed.has(name)) skip[name] = `not retried: ${why}`;
  const choice = await chooseBackend({ ...options, skip });
  const { step, variables } = snapshotter.restore();
  const message = `${why[0]!.toUpperCase()}${why.slice(1)}; training resumed on ${BACKEND_TITLES[choice.name]} from the snapshot at step ${step}.`;
  return { choice, step, variables, message };
}
