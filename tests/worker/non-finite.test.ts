/** The worker after a loss that turns NaN: it names the step, says where the model is back at, and trains on from there. */
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { Trainer } from '../../src/core/trainer';
import { parseCheckpoint } from '../../src/core/checkpoint';
import { assertAllClose, useBackend } from '../core/helpers';
import { bundle, config, harness } from './harness';

let cleanup: (() => Promise<void>) | null = null;
beforeAll(() => useBackend('cpu'));
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

/** Adam's first steps move every weight by about the learning rate: at 10³⁰ the next forward pass overflows. */
const DIVERGES = 1e30;

describe('createHandler after a non-finite loss', () => {
  // The rate is raised after step 5, whose own update no finite loss has vouched for yet: training returns to step 4.
  test('training at a rate that diverges stops with an error naming the step and the restored step, and leaks nothing', async () => {
    const h = harness();
    cleanup = async () => void (await h.send({ type: 'dispose' }));
    await h.send({ type: 'init', config, dataset: 'strokes' });
    await h.send({ type: 'step', count: 5 });
    await h.send({ type: 'memory', id: 1 });
    await h.send({ type: 'setLive', learningRate: DIVERGES });
    await h.send({ type: 'train', metricsEvery: 1 });
    await h.until(() => h.of('status').at(-1)?.state === 'paused');
    const error = h.of('error')[0]!;
    expect(error).toMatchObject({ code: 'non-finite', step: 7, restoredStep: 4 });
    expect(error.message).toMatch(
      /at step 7\. Try a smaller learning rate \(now 1e\+30\): the model is back as it was after step 4/,
    );
    expect(h.of('status').at(-1)).toMatchObject({ state: 'paused', step: 4 });
    await h.send({ type: 'memory', id: 2 });
    expect(h.byId(2, 'memory')?.numTensors).toBe(h.byId(1, 'memory')?.numTensors);
  });

  test('after the error a smaller rate trains on without a reset, to the weights of a run that never diverged', async () => {
    const h = harness();
    cleanup = async () => void (await h.send({ type: 'dispose' }));
    await h.send({ type: 'init', config, dataset: 'strokes' });
    await h.send({ type: 'step', count: 5 });
    await h.send({ type: 'setLive', learningRate: DIVERGES });
    await h.send({ type: 'step', count: 3 });
    expect(h.of('error')[0]).toMatchObject({ code: 'non-finite', step: 7, restoredStep: 4 });
    await h.send({ type: 'setLive', learningRate: 1e-3 });
    await h.send({ type: 'train', metricsEvery: 1, maxSteps: 10 });
    await h.until(() => h.of('status').at(-1)?.state === 'paused');
    const resumed = h.of('metrics').filter((m) => m.learningRate === 1e-3);
    expect(resumed.map((m) => m.step)).toEqual([5, 6, 7, 8, 9, 10]);
    expect(resumed.every((m) => Number.isFinite(m.objective))).toBe(true);

    await h.send({ type: 'saveCheckpoint', id: 3 });
    const saved = parseCheckpoint(h.byId(3, 'checkpoint')!.bytes).weights;
    const clean = new Trainer(config, bundle.train, bundle.test);
    for (let i = 0; i < 4; i++) clean.step();
    clean.setLearningRate(1e-3);
    for (let i = 0; i < 6; i++) clean.step();
    clean.model.getWeights().forEach((w, i) => assertAllClose(saved[i]!.values, w.values, 0, w.name));
    clean.dispose();
  });
});
