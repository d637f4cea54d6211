import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { createHandler, type HandlerOptions } from '../../src/worker/handler';
import { Trainer } from '../../src/core/trainer';
import { parseCheckpoint } from '../../src/core/checkpoint';
import { DatasetError } from '../../src/core/data/format';
import type { WorkerEvent, WorkerRequest } from '../../src/worker/protocol';
import { assertAllClose, useBackend } from '../core/helpers';
import { SIDE, bundle, config, countingSchedule, harness, isPlain, until } from './harness';

let cleanup: (() => Promise<void>) | null = null;
beforeAll(() => useBackend('cpu'));
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

async function ready() {
  const h = harness();
  cleanup = async () => void (await h.send({ type: 'dispose' }));
  await h.send({ type: 'init', config, dataset: 'strokes', id: 1 });
  return h;
}

describe('createHandler', () => {
  test("handle({type: 'init'}) posts loading, then ready with the backend and the parameter count", async () => {
    const h = await ready();
    const statuses = h.of('status');
    expect(statuses.map((s) => s.state)).toEqual(['loading', 'ready']);
    expect(statuses[1]).toMatchObject({ id: 1, backend: 'cpu', step: 0, dataset: 'strokes', latentSize: 2 });
    expect(statuses[0]).not.toHaveProperty('latentSize');
    expect(statuses[1]!.parameterCount).toBeGreaterThan(0);
  });

  test('a request before init answers with a not-initialised error', async () => {
    const h = harness();
    await h.send({ type: 'step', count: 1, id: 7 });
    expect(h.of('error')[0]).toMatchObject({ code: 'not-initialised', id: 7 });
  });

  test("handle({type: 'init'}) with an invalid config answers invalid-config naming the fields", async () => {
    const h = harness();
    await h.send({ type: 'init', config: { ...config, beta: -1, batchSize: 1000 }, dataset: 'strokes' });
    expect(h.of('error')[0]).toMatchObject({ code: 'invalid-config', fields: ['beta', 'batchSize'] });
  });

  test("handle({type: 'init'}) with an unknown dataset answers a dataset error", async () => {
    const h = harness();
    await h.send({ type: 'init', config, dataset: 'nope' });
    expect(h.of('error')[0]).toMatchObject({ code: 'dataset', message: 'No dataset called nope.' });
  });

  test('a damaged dataset file answers a dataset error that carries its cause, for the page to word', async () => {
    const h = harness({
      loadDataset: async () => Promise.reject(new DatasetError('truncated', 'mnist.bin is truncated.')),
    });
    await h.send({ type: 'init', config, dataset: 'strokes' });
    expect(h.of('error')[0]).toMatchObject({
      code: 'dataset',
      reason: 'truncated',
      message: 'mnist.bin is truncated.',
    });
    expect(h.of('error')[0]).not.toHaveProperty('step');
  });

  test("handle({type: 'step', count: 3}) trains three steps and posts one metrics event of plain numbers and typed arrays", async () => {
    const h = await ready();
    await h.send({ type: 'step', count: 3 });
    const metrics = h.of('metrics');
    expect(metrics).toHaveLength(1);
    expect(metrics[0]!.step).toBe(3);
    expect(metrics[0]!.klPerDim).toBeInstanceOf(Float64Array);
    expect(h.events.every(isPlain)).toBe(true);
  });

  test("handle({type: 'train', maxSteps: 20, metricsEvery: 5}) reports steps 5, 10, 15, 20 and pauses by itself", async () => {
    const h = await ready();
    await h.send({ type: 'train', maxSteps: 20, metricsEvery: 5, imagesEvery: 10 });
    await h.until(() => h.of('status').some((s) => s.state === 'paused'));
    expect(h.of('metrics').map((m) => m.step)).toEqual([5, 10, 15, 20]);
    const images = h.of('images');
    expect(images.map((i) => `${i.kind}@${i.step}`)).toEqual([
      'reconstructions@10',
      'samples@10',
      'reconstructions@20',
      'samples@20',
    ]);
    expect(images[0]!.pixels).toHaveLength(8 * SIDE * SIDE);
    expect(images[0]!.originals).toHaveLength(8 * SIDE * SIDE);
    expect(h.events.every(isPlain)).toBe(true);
  });

  test("handle({type: 'pause'}) stops the loop; setLive({beta}) during training shows up in later metrics", async () => {
    const h = await ready();
    await h.send({ type: 'train', metricsEvery: 1 });
    await h.until(() => h.of('metrics').length >= 3);
    await h.send({ type: 'setLive', beta: 0.25 });
    await h.until(() => h.of('metrics').some((m) => m.beta === 0.25));
    await h.send({ type: 'pause' });
    const count = h.of('metrics').length;
    expect(await h.stopped(), 'the loop scheduled another slice after pause').toBe(true);
    expect(h.of('metrics').length).toBe(count);
    expect(h.of('status').at(-1)!.state).toBe('paused');
    const betas = h.of('metrics').map((m) => m.beta);
    expect(betas[0]).toBe(1);
    expect(betas.at(-1)).toBe(0.25);
  });

  test('an absurd learning rate stops training with a non-finite error naming the step, then a paused status', async () => {
    const h = await ready();
    await h.send({ type: 'setLive', learningRate: 1e6 });
    await h.send({ type: 'train', metricsEvery: 1 });
    await h.until(() => h.of('error').length > 0);
    const error = h.of('error')[0]!;
    expect(error.code).toBe('non-finite');
    expect(error.message).toMatch(/at step \d+\. Try a smaller learning rate/);
    await h.until(() => h.of('status').at(-1)?.state === 'paused');
  });

  test('evaluate, reconstruct, sample, decodeGrid, decodeLatents, encodeTestSet and importanceWeighted answer with the right shapes', async () => {
    const h = await ready();
    await h.send({ type: 'step', count: 5 });
    await h.send({ type: 'evaluate', id: 11 });
    await h.send({ type: 'reconstruct', count: 4, offset: 2, id: 12 });
    await h.send({ type: 'sample', count: 3, seed: 9, id: 13 });
    await h.send({ type: 'decodeGrid', side: 5, id: 14 });
    await h.send({ type: 'decodeLatents', latents: new Float32Array([0, 0, 1, -1]), count: 2, id: 15 });
    await h.send({ type: 'encodeTestSet', limit: 30, id: 16 });
    await h.send({ type: 'importanceWeighted', k: 10, count: 6, seed: 1, id: 17 });
    const byId = (id: number) => h.events.find((e) => e.id === id);
    expect(byId(11)).toMatchObject({ type: 'evaluation', step: 5, count: 40 });
    expect(byId(12)).toMatchObject({ type: 'images', kind: 'reconstructions', count: 4, width: SIDE, height: SIDE });
    expect((byId(12) as { originals: Float32Array }).originals).toEqual(bundle.test.images.slice(2 * 64, 6 * 64));
    expect((byId(13) as { pixels: Float32Array }).pixels).toHaveLength(3 * 64);
    expect((byId(14) as { pixels: Float32Array }).pixels).toHaveLength(25 * 64);
    expect(byId(15)).toMatchObject({ type: 'images', kind: 'decoded', count: 2 });
    const latents = byId(16) as Extract<WorkerEvent, { type: 'latents' }>;
    expect(latents.means).toHaveLength(60);
    expect(Array.from(latents.labels)).toEqual(Array.from(bundle.test.labels.slice(0, 30)));
    expect(latents.unitVariances).toHaveLength(2);
    const iw = byId(17) as Extract<WorkerEvent, { type: 'importanceWeighted' }>;
    expect(iw.bounds).toHaveLength(6);
    expect(Number.isFinite(iw.meanBound)).toBe(true);
    expect(h.events.every(isPlain)).toBe(true);
  });

  test.each([
    // request, what the message names
    [{ type: 'sample', count: -1, seed: 1 }, /count must be a whole number from 1/],
    [{ type: 'importanceWeighted', k: 0, count: 5, seed: 1 }, /k must be a whole number from 1 to 5000/],
    [{ type: 'decodeGrid', side: 1000 }, /side must be a whole number from 1 to 64/],
    [{ type: 'decodeGrid', side: 4, dims: [0, 7] }, /dims must be a whole number from 0 to 1/],
    [{ type: 'decodeLatents', latents: new Float32Array(3), count: 2 }, /latents holds 3 numbers, 2 × 2 needed/],
    [{ type: 'reconstruct', count: 2, offset: 999 }, /offset must be/],
  ] as [WorkerRequest, RegExp][])(
    'a nonsensical request %o answers bad-request and says why',
    async (request, message) => {
      const h = await ready();
      await h.send({ ...request, id: 30 });
      expect(h.of('error')[0]).toMatchObject({ code: 'bad-request', id: 30 });
      expect(h.of('error')[0]!.message).toMatch(message);
    },
  );

  test("a checkpoint from handle({type: 'saveCheckpoint'}) restores the same reconstructions in a fresh handler", async () => {
    const h = await ready();
    await h.send({ type: 'step', count: 10 });
    await h.send({ type: 'saveCheckpoint', id: 20 });
    await h.send({ type: 'reconstruct', count: 2, id: 21 });
    const bytes = (h.events.find((e) => e.id === 20) as { bytes: Uint8Array }).bytes;
    const original = (h.events.find((e) => e.id === 21) as { pixels: Float32Array }).pixels;

    const other = harness();
    await other.send({ type: 'init', config: {}, dataset: 'strokes', checkpoint: bytes });
    await other.send({ type: 'reconstruct', count: 2, id: 22 });
    expect((other.events.find((e) => e.id === 22) as { pixels: Float32Array }).pixels).toEqual(original);
    await other.send({ type: 'init', config: {}, dataset: 'strokes', checkpoint: bytes.slice(0, 100), id: 23 });
    expect(other.of('error').at(-1)).toMatchObject({ code: 'checkpoint', id: 23 });
    await other.send({ type: 'dispose' });
  });

  test("handle({type: 'dispose'}) frees every tensor the handler made", async () => {
    const before = tf.memory().numTensors;
    const h = harness();
    await h.send({ type: 'init', config, dataset: 'strokes' });
    await h.send({ type: 'step', count: 3 });
    await h.send({ type: 'encodeTestSet' });
    await h.send({ type: 'dispose' });
    expect(tf.memory().numTensors).toBe(before);
    expect(h.of('status').at(-1)!.state).toBe('disposed');
  });
});

describe('backend recovery', () => {
  /**
   * A handler on a pretend WebGL backend whose `failAt`-th step rejects (a thrown context loss) or never settles (a
   * stalled read); `recoverBackend` moves it to cpu. `whileStalled` sees the events so far once the stalled step is pending.
   */
  async function trainThroughFailure(options: {
    failAt: number;
    mode: 'reject' | 'stall';
    snapshotEvery: number;
    maxSteps: number;
    watchBackendLoss?: HandlerOptions['watchBackendLoss'];
    whileStalled?: (events: readonly WorkerEvent[]) => void;
  }) {
    const events: WorkerEvent[] = [];
    const failures: string[] = [];
    const slices = countingSchedule();
    const handle = createHandler((event) => events.push(event), {
      loadDataset: async () => bundle,
      prepareBackend: async () => 'webgl-pretend',
      recoverBackend: async (_error, failed) => {
        failures.push(failed);
        return 'cpu';
      },
      ...(options.watchBackendLoss ? { watchBackendLoss: options.watchBackendLoss } : {}),
      snapshotEvery: options.snapshotEvery,
      sliceMs: 5,
      schedule: slices.schedule,
    });
    await handle({ type: 'init', config, dataset: 'strokes' });
    const original = Trainer.prototype.stepAsync;
    let calls = 0;
    const spy = vi.spyOn(Trainer.prototype, 'stepAsync').mockImplementation(function (this: Trainer) {
      calls += 1;
      if (calls !== options.failAt) return original.call(this);
      return options.mode === 'reject'
        ? Promise.reject(new Error('WebGL context lost (pretend)'))
        : new Promise<never>(() => undefined);
    });
    try {
      await handle({ type: 'train', maxSteps: options.maxSteps, metricsEvery: 1 });
      if (options.mode === 'stall') {
        // Stalled: the step never settles, no slice waits, and nothing runnable is left, so nothing can move by itself.
        await until(() => calls >= options.failAt && slices.pending() === 0);
        await slices.drained();
        expect(slices.pending()).toBe(0);
        options.whileStalled?.(events);
      }
      await until(() => events.some((e) => e.type === 'status' && e.state === 'paused'));
    } finally {
      spy.mockRestore();
    }
    const steps = events.filter((e) => e.type === 'metrics').map((e) => (e as { step: number }).step);
    return { events, failures, handle, steps };
  }

  test('a failing step with recoverBackend continues on the new backend from the last CPU snapshot, and says so', async () => {
    const { events, failures, handle, steps } = await trainThroughFailure({
      failAt: 10,
      mode: 'reject',
      snapshotEvery: 4,
      maxSteps: 14,
    });
    expect(failures).toEqual(['webgl-pretend']);
    const resumed = events.find((e) => e.type === 'status' && e.message !== undefined);
    expect(resumed).toMatchObject({
      state: 'training',
      backend: 'cpu',
      step: 8,
      switched: { from: 'webgl-pretend', to: 'cpu', step: 8 },
    });
    expect((resumed as { message: string }).message).toMatch(
      /webgl-pretend backend failed; training resumed on cpu from the snapshot at step 8/,
    );
    // Steps 1–9 ran, step 10 failed, training went on from the snapshot at 8: 9, 10, … 14.
    expect(steps).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 10, 11, 12, 13, 14]);
    expect(events.some((e) => e.type === 'error')).toBe(false);
    // Adam's moments and t, the random streams and the batch order came back with the weights: step 9 repeats exactly,
    // and after step 14 the weights are those of a trainer that never failed.
    const objectives = events.filter((e) => e.type === 'metrics').map((e) => (e as { objective: number }).objective);
    expect(objectives[9]).toBe(objectives[8]);
    await handle({ type: 'saveCheckpoint', id: 40 });
    const bytes = (events.find((e) => e.id === 40) as { bytes: Uint8Array }).bytes;
    const recovered = parseCheckpoint(bytes).weights;
    const uninterrupted = new Trainer(config, bundle.train, bundle.test);
    for (let i = 0; i < 14; i++) uninterrupted.step();
    uninterrupted.model.getWeights().forEach((w, i) => assertAllClose(recovered[i]!.values, w.values, 1e-6, w.name));
    uninterrupted.dispose();
    await handle({ type: 'dispose' });
  });

  test('a backend lost before the first periodic snapshot resumes from the model as it was at init', async () => {
    const { events, handle, steps } = await trainThroughFailure({
      failAt: 3,
      mode: 'reject',
      snapshotEvery: 100,
      maxSteps: 5,
    });
    expect(events.find((e) => e.type === 'status' && e.switched)).toMatchObject({
      switched: { from: 'webgl-pretend', to: 'cpu', step: 0 },
    });
    expect(steps).toEqual([1, 2, 1, 2, 3, 4, 5]);
    expect(events.some((e) => e.type === 'error')).toBe(false);
    await handle({ type: 'dispose' });
  });

  test('a step that never settles (a lost WebGL context stalls reads) is abandoned when the backend is reported lost', async () => {
    let reportLoss: (() => void) | null = null;
    const watched: string[] = [];
    let switchedWhileStalled: boolean | null = null;
    const { events, handle, steps } = await trainThroughFailure({
      failAt: 6,
      mode: 'stall',
      snapshotEvery: 4,
      maxSteps: 10,
      watchBackendLoss: (onLost) => {
        watched.push('armed');
        reportLoss = onLost;
        return () => watched.push('stopped');
      },
      whileStalled: (soFar) => {
        switchedWhileStalled = soFar.some((e) => e.type === 'status' && e.switched !== undefined);
        reportLoss!();
      },
    });
    expect(switchedWhileStalled).toBe(false); // stuck, as a real lost context would be, until the loss is reported
    expect(events.find((e) => e.type === 'status' && e.switched)).toMatchObject({
      backend: 'cpu',
      switched: { from: 'webgl-pretend', to: 'cpu', step: 4 },
    });
    expect(steps).toEqual([1, 2, 3, 4, 5, 5, 6, 7, 8, 9, 10]);
    expect(watched).toEqual(['armed', 'stopped', 'armed']);
    await handle({ type: 'dispose' });
  });
});
