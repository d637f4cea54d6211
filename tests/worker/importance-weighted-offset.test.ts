/** The worker's 'importanceWeighted' request on a chosen test image: `offset` picks where the images start, `binarizeSeed` binarizes them. */
import { beforeAll, describe, expect, test } from 'vitest';
import { importanceWeightedBound } from '../../src/core/estimators';
import { modelFromCheckpoint, parseCheckpoint } from '../../src/core/checkpoint';
import { binarizeInto } from '../../src/core/losses';
import { Rng } from '../../src/core/random';
import type { WorkerEvent } from '../../src/worker/protocol';
import { useBackend } from '../core/helpers';
import { SIDE, bundle, config, harness } from './harness';

const INPUT = SIDE * SIDE;
type Bounds = Extract<WorkerEvent, { type: 'importanceWeighted' }>;

beforeAll(() => useBackend('cpu'));

/** A handler that trained a few steps, and the same weights as a model of our own (from its checkpoint). */
async function trained() {
  const h = harness();
  await h.send({ type: 'init', config, dataset: 'strokes' });
  await h.send({ type: 'step', count: 20 });
  await h.send({ type: 'saveCheckpoint', id: 1 });
  const bytes = h.byId(1, 'checkpoint')!.bytes;
  const model = modelFromCheckpoint(parseCheckpoint(bytes));
  const dispose = async () => {
    model.dispose();
    await h.send({ type: 'dispose' });
  };
  return { h, model, dispose };
}

describe("handle({type: 'importanceWeighted', offset})", () => {
  test('offset 7, count 2 gives the bounds importanceWeightedBound gives on test images 7 and 8 with the same seed', async () => {
    const { h, model, dispose } = await trained();
    try {
      await h.send({ type: 'importanceWeighted', k: 12, count: 2, seed: 4, offset: 7, id: 2 });
      const answer = h.byId(2, 'importanceWeighted') as Bounds;
      const expected = importanceWeightedBound(
        model,
        bundle.test.images.slice(7 * INPUT, 9 * INPUT),
        2,
        12,
        new Rng(4),
      );
      expect(Array.from(answer.bounds)).toEqual(Array.from(expected));
      expect(answer.meanBound).toBeCloseTo((expected[0]! + expected[1]!) / 2, 12);
      // A different image gives a different bound (the strokes differ), so the offset really moved.
      await h.send({ type: 'importanceWeighted', k: 12, count: 2, seed: 4, id: 3 });
      const first = h.byId(3, 'importanceWeighted') as Bounds;
      expect(Array.from(first.bounds)).toEqual(
        Array.from(importanceWeightedBound(model, bundle.test.images, 2, 12, new Rng(4))),
      );
      expect(first.bounds[0]).not.toBe(answer.bounds[0]);
    } finally {
      await dispose();
    }
  });

  test('near the end the count shrinks to the images left; past the end is a bad request that names the range', async () => {
    const { h, dispose } = await trained();
    try {
      const last = bundle.test.count - 1;
      await h.send({ type: 'importanceWeighted', k: 3, count: 5, seed: 1, offset: last - 1, id: 4 });
      expect((h.byId(4, 'importanceWeighted') as Bounds).bounds).toHaveLength(2);
      for (const [id, offset] of [
        [5, bundle.test.count],
        [6, -1],
        [7, 2.5],
      ] as const) {
        await h.send({ type: 'importanceWeighted', k: 3, count: 1, seed: 1, offset, id });
        const error = h.byId(id, 'error');
        expect(error, `offset ${offset}`).toMatchObject({ code: 'bad-request' });
        expect(error!.message).toMatch(new RegExp(`offset must be a whole number from 0 to ${last}`));
      }
    } finally {
      await dispose();
    }
  });
});

describe("handle({type: 'importanceWeighted', binarizeSeed})", () => {
  test('binarizeSeed bounds one binarization of the image (binarizeInto with that seed); the same seed, the same image', async () => {
    const { h, model, dispose } = await trained();
    try {
      for (const id of [10, 11])
        await h.send({ type: 'importanceWeighted', k: 8, count: 1, seed: 2, offset: 5, binarizeSeed: 77, id });
      await h.send({ type: 'importanceWeighted', k: 8, count: 1, seed: 2, offset: 5, id: 12 });
      const grey = bundle.test.images.slice(5 * INPUT, 6 * INPUT);
      const binary = binarizeInto(grey, new Rng(77), new Float32Array(INPUT));
      expect(new Set(binary)).toEqual(new Set([0, 1]));
      const [a, b, g] = [10, 11, 12].map((id) => (h.byId(id, 'importanceWeighted') as Bounds).bounds[0]!);
      expect(a).toBe(importanceWeightedBound(model, binary, 1, 8, new Rng(2))[0]);
      expect(b).toBe(a);
      expect(g).toBe(importanceWeightedBound(model, grey, 1, 8, new Rng(2))[0]);
      expect(g).not.toBe(a);
      await h.send({ type: 'importanceWeighted', k: 8, count: 1, seed: 2, binarizeSeed: -3, id: 13 });
      expect(h.byId(13, 'error')).toMatchObject({ code: 'bad-request' });
      expect(h.byId(13, 'error')!.message).toMatch(/binarizeSeed must be a whole number/);
    } finally {
      await dispose();
    }
  });
});
