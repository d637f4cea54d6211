/** WeightSnapshotter and context-loss recovery on the cpu backend, with a fake canvas standing in for WebGL's. */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_CANDIDATES,
  WeightSnapshotter,
  isWebGLContextLost,
  restoreVariables,
  resumeOnNextBackend,
  snapshotVariables,
  watchContextLoss,
} from '../../../src/core/backend';

const cpuOnly = DEFAULT_CANDIDATES.filter((c) => c.name === 'cpu');
let variables: tf.Variable[] = [];

beforeEach(async () => {
  await tf.setBackend('cpu');
  variables = [
    tf.variable(tf.tensor2d([[1, 2, 3], [4, 5, 6]]), true, 'enc/w'),
    tf.variable(tf.tensor1d([0.5, -0.25]), false, 'enc/b'),
  ];
});

afterEach(() => {
  for (const v of variables) if (!v.isDisposed) v.dispose();
  tf.disposeVariables();
});

/** Adds `delta` to every variable, like an optimizer step. */
function step(delta: number): void {
  for (const v of variables) v.assign(tf.tidy(() => tf.add(v, delta)));
}

describe('snapshotVariables(step, variables) and restoreVariables(snapshot)', () => {
  it('round-trips names, shapes, trainability and values into new variables', async () => {
    const snap = await snapshotVariables(7, variables);
    step(100);
    const restored = restoreVariables(snap);
    expect(restored.map((v) => [v.name, v.shape, v.trainable])).toEqual([['enc/w', [2, 3], true], ['enc/b', [2], false]]);
    expect(Array.from(await restored[0]!.data())).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(await restored[1]!.data())).toEqual([0.5, -0.25]);
    expect(variables.every((v) => v.isDisposed)).toBe(true); // the old ones, registered under the same names
    variables = restored;
  });

  it('keeps the values of the moment it was called, even if a step runs while it reads back', async () => {
    const pending = snapshotVariables(1, variables);
    step(10);
    const snap = await pending;
    expect(Array.from(snap.variables[0]!.values)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    await snapshotVariables(0, variables);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses int32 variables', async () => {
    const counter = tf.variable(tf.scalar(3, 'int32'), false, 'counter');
    await expect(snapshotVariables(0, [counter])).rejects.toThrow(/counter is int32/);
    counter.dispose();
  });
});

describe('WeightSnapshotter(every)', () => {
  it('maybeSnapshot(step, vars) snapshots only on multiples of every', async () => {
    const s = new WeightSnapshotter(50);
    const taken: number[] = [];
    for (let i = 0; i <= 120; i += 10) if (await s.maybeSnapshot(i, variables)) taken.push(i);
    expect(taken).toEqual([0, 50, 100]);
    expect(s.last?.step).toBe(100);
  });

  it('maybeSnapshot(step, vars) does not start a second read while one is in flight', async () => {
    const s = new WeightSnapshotter(1);
    const first = s.maybeSnapshot(1, variables);
    expect(await s.maybeSnapshot(2, variables)).toBe(false);
    expect(await first).toBe(true);
  });

  it('restore() brings back the last snapshot after later steps', async () => {
    const s = new WeightSnapshotter(10);
    await s.maybeSnapshot(10, variables);
    step(1);
    const { step: at, variables: restored } = s.restore();
    expect(at).toBe(10);
    expect(Array.from(await restored[1]!.data())).toEqual([0.5, -0.25]);
    variables = restored;
  });

  it('restore() before any snapshot throws', () => {
    expect(() => new WeightSnapshotter(5).restore()).toThrow(/no snapshot has been taken yet/);
  });

  it.each([0, -1, 2.5, Number.NaN])('new WeightSnapshotter(%s) throws a RangeError', (every) => {
    expect(() => new WeightSnapshotter(every)).toThrow(RangeError);
  });
});

/** A stand-in for the tfjs WebGL backend: a canvas that can fire events, and a GL context that can be lost. */
function fakeWebGLBackend() {
  const canvas = new EventTarget();
  let lost = false;
  const gl = { isContextLost: () => lost };
  return { backend: { canvas, gpgpu: { gl } }, lose: () => ((lost = true), canvas.dispatchEvent(new Event('webglcontextlost'))) };
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

describe('resumeOnNextBackend(lost, snapshotter)', () => {
  it('skips the lost backend and faster ones, restores the snapshot, and says so', async () => {
    const s = new WeightSnapshotter(100);
    await s.maybeSnapshot(400, variables);
    step(5);
    const recovery = await resumeOnNextBackend('webgl', s, { candidates: DEFAULT_CANDIDATES.filter((c) => c.name !== 'wasm') });
    expect(recovery.choice.name).toBe('cpu');
    expect(recovery.choice.tried.slice(0, 2)).toEqual([
      { name: 'webgpu', ok: false, reason: 'not retried: the WebGL context was lost' },
      { name: 'webgl', ok: false, reason: 'not retried: the WebGL context was lost' },
    ]);
    expect(recovery.message).toBe('The WebGL context was lost; training resumed on plain JavaScript (CPU) from the snapshot at step 400.');
    expect(Array.from(await recovery.variables[0]!.data())).toEqual([1, 2, 3, 4, 5, 6]);
    variables = recovery.variables;
  });

  it('with only the cpu candidate, still resumes', async () => {
    const s = new WeightSnapshotter(1);
    await s.snapshot(3, variables);
    const recovery = await resumeOnNextBackend('wasm', s, { candidates: cpuOnly });
    expect(recovery.message).toMatch(/^The wasm backend failed; training resumed on/);
    variables = recovery.variables;
  });
});
