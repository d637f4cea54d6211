/** Noticing a lost WebGL context, with a fake canvas standing in for WebGL's, on the cpu backend. */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { isWebGLContextLost, watchContextLoss } from '../../../src/core/backend';

beforeEach(async () => {
  await tf.setBackend('cpu');
});

/** A stand-in for the tfjs WebGL backend: a canvas that can fire events, and a GL context that can be lost. */
function fakeWebGLBackend() {
  const canvas = new EventTarget();
  let lost = false;
  const gl = { isContextLost: () => lost };
  return {
    backend: { canvas, gpgpu: { gl } },
    lose: () => ((lost = true), canvas.dispatchEvent(new Event('webglcontextlost'))),
  };
}

describe('watchContextLoss(onLost, backend)', () => {
  it('calls onLost once when the canvas reports webglcontextlost', () => {
    const { backend, lose } = fakeWebGLBackend();
    const events: string[] = [];
    const stop = watchContextLoss((e) => events.push(e.type), backend);
    expect(stop).toBeTypeOf('function');
    expect(isWebGLContextLost(backend)).toBe(false);
    lose();
    lose();
    expect(events).toEqual(['webglcontextlost']);
    expect(isWebGLContextLost(backend)).toBe(true);
  });

  it('stops listening when its returned function is called', () => {
    const { backend, lose } = fakeWebGLBackend();
    let calls = 0;
    watchContextLoss(() => (calls += 1), backend)!();
    lose();
    expect(calls).toBe(0);
  });

  it('returns null on a backend without a canvas (cpu, wasm, Node)', () => {
    expect(watchContextLoss(() => {})).toBeNull();
    expect(watchContextLoss(() => {}, null)).toBeNull();
    expect(isWebGLContextLost()).toBe(false);
  });
});
