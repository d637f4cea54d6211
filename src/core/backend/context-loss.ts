/** Noticing a lost WebGL context (the worker then resumes on the next backend: src/worker/vae.worker.ts). */
// DOM-optional: the WebGL backend's canvas (an HTMLCanvasElement, or an OffscreenCanvas in a worker) is reached
// by duck typing, so nothing here needs the webgl package or a DOM, and in Node every check is a harmless no-op.
import * as tf from '@tensorflow/tfjs-core';

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
    canvas:
      typeof canvas?.addEventListener === 'function' && typeof canvas.removeEventListener === 'function'
        ? (canvas as EventTargetLike)
        : null,
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
