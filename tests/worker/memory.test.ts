/** The 'memory' request: the benchmark's view of the worker's tfjs memory over a long run. */
import { describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { useBackend } from '../core/helpers';
import { config, harness } from './harness';

useBackend('cpu');

describe("handle({type: 'memory'})", () => {
  test('reports the live tensors and bytes, and they stay flat while training', async () => {
    const h = harness();
    await h.send({ type: 'init', config, dataset: 'strokes' });
    // Adam's moments are created by the first step; from then on nothing may grow.
    await h.send({ type: 'step', count: 1 });
    await h.send({ type: 'memory', id: 1 });
    expect(h.byId(1, 'memory')).toEqual({
      type: 'memory',
      id: 1,
      numTensors: tf.memory().numTensors,
      numBytes: tf.memory().numBytes,
    });
    await h.send({ type: 'step', count: 30 });
    await h.send({ type: 'memory', id: 2 });
    expect(h.byId(2, 'memory')?.numTensors).toBe(h.byId(1, 'memory')?.numTensors);
    await h.send({ type: 'dispose' });
  });
});
