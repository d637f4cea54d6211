import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { parseCheckpoint, serializeCheckpoint } from '../../src/core/checkpoint';
import { resolveConfig, type VaeConfig } from '../../src/core/config';
import { checkpointConflicts } from '../../src/worker/init-trainer';
import { useBackend } from '../core/helpers';
import { config, harness } from './harness';

beforeAll(() => useBackend('cpu'));

/** A checkpoint of the harness model after `steps` steps at β = 0.5. */
async function savedCheckpoint(steps: number) {
  const h = harness();
  await h.send({ type: 'init', config, dataset: 'strokes' });
  await h.send({ type: 'setLive', beta: 0.5 });
  await h.send({ type: 'step', count: steps });
  await h.send({ type: 'saveCheckpoint', id: 1 });
  await h.send({ type: 'dispose' });
  return h.byId(1, 'checkpoint')!.bytes;
}

describe('checkpointConflicts(saved, requested)', () => {
  const saved = resolveConfig(config);
  test.each([
    // requested config, conflicting fields
    [{}, []],
    [{ beta: 4, learningRate: 1e-2, seed: 9 }, []],
    [{ latentSize: 2, hiddenSizes: [16] }, []],
    [{ latentSize: 3 }, ['latentSize']],
    [{ hiddenSizes: [16, 16], activation: 'tanh' }, ['hiddenSizes', 'activation']],
    [{ inputSize: 784, likelihood: 'gaussian' }, ['inputSize', 'likelihood']],
  ] as [Partial<VaeConfig>, string[]][])('%o conflicts in %o', (requested, fields) => {
    expect(checkpointConflicts(saved, requested).map((issue) => issue.field)).toEqual(fields);
  });

  test('the message names both values and the way out', () => {
    expect(checkpointConflicts(saved, { hiddenSizes: [32] })[0]!.message).toBe(
      "the checkpoint was trained with [16], the request asks for [32]; leave it out to use the checkpoint's",
    );
  });
});

describe("handle({type: 'init', checkpoint})", () => {
  test('a checkpoint from saveCheckpoint says what it is: meta holds the dataset, step and β', async () => {
    const { meta, config: saved } = parseCheckpoint(await savedCheckpoint(6));
    expect(meta).toEqual({ dataset: 'strokes', step: 6, beta: 0.5 });
    expect(saved.beta).toBe(0.5);
  });

  test('a config whose latent size contradicts the checkpoint answers invalid-config naming it, and builds nothing', async () => {
    const bytes = await savedCheckpoint(2);
    const before = tf.memory().numTensors;
    const h = harness();
    await h.send({
      type: 'init',
      config: { latentSize: 3, hiddenSizes: [16] },
      dataset: 'strokes',
      checkpoint: bytes,
      id: 4,
    });
    const error = h.of('error')[0]!;
    expect(error).toMatchObject({ code: 'invalid-config', fields: ['latentSize'], id: 4 });
    expect(error.message).toMatch(/latentSize: the checkpoint was trained with 2, the request asks for 3/);
    expect(tf.memory().numTensors).toBe(before);
    await h.send({ type: 'step', count: 1, id: 5 });
    expect(h.of('error')[1]).toMatchObject({ code: 'not-initialised', id: 5 });
  });

  test('training settings may differ from the checkpoint: the request wins, the weights load', async () => {
    const bytes = await savedCheckpoint(3);
    const h = harness();
    await h.send({
      type: 'init',
      config: { ...config, beta: 2, learningRate: 1e-2 },
      dataset: 'strokes',
      checkpoint: bytes,
      id: 6,
    });
    expect(h.of('error')).toEqual([]);
    expect(h.of('status').at(-1)).toMatchObject({ state: 'ready', id: 6, latentSize: 2, dataset: 'strokes' });
    await h.send({ type: 'step', count: 1 });
    expect(h.of('metrics')[0]).toMatchObject({ beta: 2, learningRate: 1e-2 });
    await h.send({ type: 'saveCheckpoint', id: 7 });
    await h.send({ type: 'dispose' });
    expect(parseCheckpoint(h.byId(7, 'checkpoint')!.bytes).config.beta).toBe(2);
  });

  test('a checkpoint whose weights do not fit its own config answers a checkpoint error, not an internal one', async () => {
    const good = parseCheckpoint(await savedCheckpoint(1));
    const bytes = serializeCheckpoint({ ...good.config, hiddenSizes: [8] }, good.weights);
    const h = harness();
    await h.send({ type: 'init', config: {}, dataset: 'strokes', checkpoint: bytes, id: 8 });
    expect(h.of('error')[0]).toMatchObject({ code: 'checkpoint', id: 8 });
    expect(h.of('error')[0]!.message).toMatch(
      /Not a usable VAE checkpoint: Weight encoder\/dense0\/kernel has shape \[64,16\]/,
    );
  });
});
