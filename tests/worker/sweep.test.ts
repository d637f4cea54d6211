import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { Trainer } from '../../src/core/trainer';
import { parseCheckpoint } from '../../src/core/checkpoint';
import type { WorkerRequest } from '../../src/worker/protocol';
import { useBackend } from '../core/helpers';
import { bundle, config, harness, isPlain } from './harness';

type Harness = ReturnType<typeof harness>;
let live: Harness[] = [];
beforeAll(() => useBackend('cpu'));
afterEach(async () => {
  for (const h of live) await h.send({ type: 'dispose' });
  live = [];
});

async function ready(extra: Parameters<typeof harness>[0] = {}) {
  const h = harness(extra);
  live.push(h);
  await h.send({ type: 'init', config, dataset: 'strokes', id: 1 });
  return h;
}

/** The main model's weights, read through a checkpoint. */
async function mainWeights(h: Harness, id: number) {
  await h.send({ type: 'saveCheckpoint', id });
  return parseCheckpoint(h.byId(id, 'checkpoint')!.bytes).weights.map((w) => Array.from(w.values));
}

describe("handle({type: 'sweep'})", () => {
  test('posts one sweepPoint per β, each what a fresh Trainer from the same weights gives, then sweepDone', async () => {
    const h = await ready();
    await h.send({ type: 'step', count: 3 });
    const before = await mainWeights(h, 2);
    await h.send({ type: 'sweep', betas: [0, 1, 4], stepsPerRun: 6, evalCount: 30, id: 3 });
    await h.until(() => h.of('sweepDone').length > 0);
    expect(h.of('sweepDone')).toEqual([{ type: 'sweepDone', completed: 3, total: 3, cancelled: false, id: 3 }]);
    const points = h.of('sweepPoint');
    expect(points.map((p) => [p.index, p.total, p.beta, p.step, p.id])).toEqual([
      [0, 3, 0, 3, 3],
      [1, 3, 1, 3, 3],
      [2, 3, 4, 3, 3],
    ]);
    const start = parseCheckpoint(h.byId(2, 'checkpoint')!.bytes).weights;
    for (const point of points) {
      const reference = new Trainer({ ...config, beta: point.beta }, bundle.train, bundle.test);
      reference.restoreWeights(start, 0);
      for (let i = 0; i < 6; i++) reference.step();
      const expected = reference.evaluate(bundle.test, 30);
      reference.dispose();
      expect([point.rate, point.distortion, point.elbo]).toEqual([expected.kl, expected.reconstruction, expected.elbo]);
      expect(Array.from(point.klPerDim)).toEqual(expected.klPerDim);
    }
    // β = 4 pays four times as much per nat of KL as β = 0, so after the same steps its rate is lower.
    expect(points[2]!.rate).toBeLessThan(points[0]!.rate);
    expect(await mainWeights(h, 4)).toEqual(before);
    expect(h.events.every(isPlain)).toBe(true);
  });

  test('leaves the main model, its Adam state and its random streams as they were: later steps match a handler that never swept', async () => {
    const [swept, plain] = [await ready(), await ready()];
    for (const h of [swept, plain]) await h.send({ type: 'step', count: 4 });
    await swept.send({ type: 'sweep', betas: [2], stepsPerRun: 5, evalCount: 10 });
    await swept.until(() => swept.of('sweepDone').length > 0);
    for (const h of [swept, plain]) await h.send({ type: 'step', count: 3 });
    expect(swept.of('metrics').at(-1)).toMatchObject({ step: 7, objective: plain.of('metrics').at(-1)!.objective });
    expect(await mainWeights(swept, 10)).toEqual(await mainWeights(plain, 10));
  });

  test('tf.memory().numTensors is the same before and after a sweep', async () => {
    const h = await ready();
    await h.send({ type: 'step', count: 1 });
    const before = tf.memory().numTensors;
    await h.send({ type: 'sweep', betas: [0.5, 3], stepsPerRun: 4, evalCount: 20 });
    await h.until(() => h.of('sweepDone').length > 0);
    expect(h.of('sweepPoint')).toHaveLength(2);
    expect(tf.memory().numTensors).toBe(before);
  });

  test('with sweepProgressMs 0, sweepProgress counts every step of every run', async () => {
    const h = await ready({ sweepProgressMs: 0 });
    await h.send({ type: 'sweep', betas: [1, 2], stepsPerRun: 3, evalCount: 5, id: 6 });
    await h.until(() => h.of('sweepDone').length > 0);
    const progress = h.of('sweepProgress');
    expect(progress.map((p) => [p.index, p.stepInRun])).toEqual([
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 1],
      [1, 2],
      [1, 3],
    ]);
    expect(progress.every((p) => p.total === 2 && p.stepsPerRun === 3 && p.id === 6)).toBe(true);
  });

  test('a sweep during training pauses it first (a paused status), and no metrics come while it runs', async () => {
    const h = await ready();
    await h.send({ type: 'train', metricsEvery: 1 });
    await h.until(() => h.of('metrics').length >= 2);
    await h.send({ type: 'sweep', betas: [1], stepsPerRun: 20, evalCount: 10 });
    const metricsAtSweep = h.of('metrics').length;
    expect(h.events.at(-1)).toMatchObject({ type: 'status', state: 'paused' });
    await h.until(() => h.of('sweepDone').length > 0);
    expect(h.of('metrics')).toHaveLength(metricsAtSweep);
    expect(h.of('sweepDone')[0]!.cancelled).toBe(false);
  });

  test.each([
    // the request that stops a sweep between two steps
    [{ type: 'cancelSweep' }],
    [{ type: 'pause' }],
    [{ type: 'reset' }],
  ] as [WorkerRequest][])(
    '%o stops a running sweep: sweepDone says cancelled, nothing follows, no tensors leak',
    async (stop) => {
      const h = await ready();
      const before = tf.memory().numTensors;
      await h.send({ type: 'sweep', betas: [1, 2], stepsPerRun: 5000, id: 7 });
      await h.until(() => h.of('sweepProgress').length > 0);
      await h.send(stop);
      expect(h.of('sweepDone')).toEqual([{ type: 'sweepDone', completed: 0, total: 2, cancelled: true, id: 7 }]);
      const count = h.of('sweepProgress').length;
      expect(await h.stopped(), 'the sweep scheduled another slice after it was stopped').toBe(true);
      expect(h.of('sweepProgress')).toHaveLength(count);
      expect(h.of('sweepPoint')).toHaveLength(0);
      expect(tf.memory().numTensors).toBe(before);
    },
  );

  test.each([
    // a request for the main model's training, which wins over the sweep
    [{ type: 'step', count: 2 }, 2],
    [{ type: 'train', maxSteps: 3 }, 3],
  ] as [WorkerRequest, number][])(
    '%o during a sweep cancels it and trains the main model to step %i',
    async (request, step) => {
      const h = await ready();
      await h.send({ type: 'sweep', betas: [1], stepsPerRun: 5000, id: 7 });
      await h.until(() => h.of('sweepProgress').length > 0);
      await h.send(request);
      expect(h.of('sweepDone')).toEqual([{ type: 'sweepDone', completed: 0, total: 1, cancelled: true, id: 7 }]);
      await h.until(() => h.of('metrics').some((m) => m.step === step));
    },
  );

  test("handle({type: 'dispose'}) during a sweep ends it and frees every tensor", async () => {
    const before = tf.memory().numTensors;
    const h = harness();
    await h.send({ type: 'init', config, dataset: 'strokes' });
    await h.send({ type: 'sweep', betas: [1], stepsPerRun: 5000 });
    await h.until(() => h.of('sweepProgress').length > 0);
    await h.send({ type: 'dispose' });
    expect(h.of('sweepDone')[0]).toMatchObject({ cancelled: true });
    expect(tf.memory().numTensors).toBe(before);
  });

  test('a run that turns NaN posts a non-finite error naming β, ends the sweep cancelled, and leaves the main model as it was', async () => {
    const h = await ready();
    await h.send({ type: 'step', count: 2 });
    await h.send({ type: 'setLive', learningRate: 1e6 });
    const before = await mainWeights(h, 2);
    const tensors = tf.memory().numTensors;
    await h.send({ type: 'sweep', betas: [0.5, 2], stepsPerRun: 400, evalCount: 10, id: 8 });
    await h.until(() => h.of('sweepDone').length > 0);
    const error = h.of('error')[0]!;
    expect(error).toMatchObject({ code: 'non-finite', id: 8 });
    expect(error.message).toMatch(
      /run at β = 0\.5 became NaN or infinite .* at step \d+ of 400; .*main model is unchanged/,
    );
    expect(h.of('sweepDone')).toEqual([{ type: 'sweepDone', completed: 0, total: 2, cancelled: true, id: 8 }]);
    expect(await mainWeights(h, 3)).toEqual(before);
    expect(tf.memory().numTensors).toBe(tensors);
  });

  test.each([
    // request fields, what the message names
    [{ betas: [], stepsPerRun: 5 }, /betas must list 1 to 12 values, got 0/],
    [{ betas: Array.from({ length: 13 }, () => 1), stepsPerRun: 5 }, /betas must list 1 to 12 values, got 13/],
    [{ betas: [1, Number.NaN], stepsPerRun: 5 }, /each β must be a finite number from 0 to 10, got NaN/],
    [{ betas: [-0.5], stepsPerRun: 5 }, /got -0\.5/],
    [{ betas: [11], stepsPerRun: 5 }, /got 11/],
    [{ betas: [1], stepsPerRun: 0 }, /stepsPerRun must be a whole number from 1 to 5000, got 0/],
    [{ betas: [1], stepsPerRun: 2.5 }, /stepsPerRun .* got 2\.5/],
    [{ betas: [1], stepsPerRun: 5001 }, /stepsPerRun .* got 5001/],
    [{ betas: [1], stepsPerRun: 5, evalCount: 0 }, /evalCount must be a whole number from 1 to 10000, got 0/],
  ])('a sweep with %o answers bad-request and starts nothing', async (fields, message) => {
    const h = await ready();
    await h.send({ type: 'sweep', ...fields, id: 30 } as WorkerRequest);
    expect(h.of('error')[0]).toMatchObject({ code: 'bad-request', id: 30 });
    expect(h.of('error')[0]!.message).toMatch(message);
    expect(await h.stopped(), 'a rejected sweep scheduled a slice').toBe(true);
    expect(h.of('sweepProgress')).toHaveLength(0);
  });

  test('a sweep before init answers not-initialised', async () => {
    const h = harness();
    await h.send({ type: 'sweep', betas: [1], stepsPerRun: 5, id: 5 });
    expect(h.of('error')[0]).toMatchObject({ code: 'not-initialised', id: 5 });
  });
});
