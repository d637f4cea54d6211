/** A NaN never reaches the weights: a non-finite loss returns the trainer to its last sound state, on cpu and on wasm. */
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { Trainer, type TrainerSnapshot } from '../../src/core/trainer';
import type { VaeConfig } from '../../src/core/config';
import { NonFiniteLossError } from '../../src/core/errors';
import { makeStrokes, useBackend } from './helpers';

const SIDE = 8;
const data = makeStrokes(96, SIDE, 1);
const tiny: Partial<VaeConfig> = { inputSize: SIDE * SIDE, hiddenSizes: [16], latentSize: 3, batchSize: 16, learningRate: 3e-3, seed: 7 };
/** Adam moves every weight by about the learning rate in its first steps: at 10³⁰ the next forward pass overflows. */
const DIVERGES = 1e30;
const SOUND_STEPS = 5;
const live: Trainer[] = [];
const make = (config: Partial<VaeConfig> = {}, train = data) => {
  const trainer = new Trainer({ ...tiny, ...config }, train);
  live.push(trainer);
  return trainer;
};
afterEach(() => live.splice(0).forEach((t) => t.dispose()));
/** A trainer's whole state with the weights' values only (variable names carry a per-model prefix). */
const stateOf = (trainer: Trainer) => {
  const { weights, ...rest } = trainer.snapshot();
  return { ...rest, weights: weights.map((w) => w.values) };
};

/** Steps until one throws; returns the error, the snapshot after every finite step, and the tensor count before each. */
function stepUntilNonFinite(trainer: Trainer, limit = 40) {
  const after = new Map<number, TrainerSnapshot>([[trainer.stepCount, trainer.snapshot()]]);
  const tensorsBefore = new Map<number, number>();
  for (let i = 0; i < limit; i++) {
    tensorsBefore.set(trainer.stepCount + 1, tf.memory().numTensors);
    try {
      trainer.step();
    } catch (error) {
      return { error: error as NonFiniteLossError, after, tensorsBefore };
    }
    after.set(trainer.stepCount, trainer.snapshot());
  }
  throw new Error(`no step became non-finite in ${limit} steps`);
}

/** A trainer that took SOUND_STEPS ordinary steps and then runs at a learning rate that diverges. */
function diverging() {
  const trainer = make();
  for (let i = 0; i < SOUND_STEPS; i++) trainer.step();
  trainer.setLearningRate(DIVERGES);
  return trainer;
}

describe.each(['cpu', 'wasm'] as const)('on %s', (backend) => {
  beforeAll(async () => {
    expect(await useBackend(backend), `the ${backend} backend must start in Node`).toBe(backend);
  });

  test('a learning rate that diverges throws NonFiniteLossError at step t and leaves the trainer exactly as after step t − 2', () => {
    const trainer = diverging();
    const { error, after, tensorsBefore } = stepUntilNonFinite(trainer);
    expect(error).toBeInstanceOf(NonFiniteLossError);
    expect(error.step).toBeGreaterThan(SOUND_STEPS + 1);
    // Step t's loss is computed before its update, at the weights step t − 1 made: that update is undone as well.
    expect(error.restoredStep).toBe(error.step - 2);
    expect(error.message).toMatch(new RegExp(`at step ${error.step}\\. Try a smaller learning rate \\(now 1e\\+30\\): the model is back as it was after step ${error.restoredStep}`));
    expect(trainer.stepCount).toBe(error.restoredStep);
    // Weights, Adam's t and both moments, the random streams, the batch order and cursor, the baseline.
    expect(trainer.snapshot()).toEqual(after.get(error.restoredStep));
    expect(tf.memory().numTensors).toBe(tensorsBefore.get(error.step));
  });

  test('an input that is NaN at the first step leaves the trainer as built: step 0, no Adam moments, no tensor left over', () => {
    const broken = { ...data, images: data.images.map((value, i) => (i % 7 === 0 ? Number.NaN : value)) };
    const trainer = make({}, broken);
    const { error, after, tensorsBefore } = stepUntilNonFinite(trainer, 1);
    expect(error).toMatchObject({ step: 1, restoredStep: 0 });
    expect(trainer.snapshot()).toEqual(after.get(0));
    expect(trainer.snapshot().optimizer.first).toHaveLength(0);
    expect(tf.memory().numTensors).toBe(tensorsBefore.get(1));
  });

  test('after the roll-back a smaller learning rate goes on without a reset, exactly as a trainer that never diverged', () => {
    const trainer = diverging();
    const { error } = stepUntilNonFinite(trainer);
    // The reference replays the same schedule up to the restored step, then both continue at the smaller rate.
    const reference = make();
    for (let i = 0; i < error.restoredStep; i++) {
      if (i === SOUND_STEPS) reference.setLearningRate(DIVERGES);
      reference.step();
    }
    for (const t of [trainer, reference]) t.setLearningRate(1e-3);
    const [resumed, clean] = [trainer, reference].map((t) => Array.from({ length: 6 }, () => t.step()));
    expect(resumed!.map((m) => m.step)).toEqual(Array.from({ length: 6 }, (_, i) => error.restoredStep + 1 + i));
    expect(resumed!.every((m) => Number.isFinite(m.objective))).toBe(true);
    expect(resumed!.map((m) => m.objective)).toEqual(clean!.map((m) => m.objective));
    expect(stateOf(trainer)).toEqual(stateOf(reference));
  });

  test('a step read late: when the first of two steps in flight is non-finite, the second is undone with it', async () => {
    const trainer = diverging();
    await trainer.stepAsync(); // step 6 at 10³⁰: its own loss is finite, the weights it leaves are not usable
    const sound = make();
    for (let i = 0; i < SOUND_STEPS; i++) sound.step();
    const before = tf.memory().numTensors;
    const [first, second] = await Promise.allSettled([trainer.stepAsync(), trainer.stepAsync()]);
    expect(first).toMatchObject({ status: 'rejected', reason: { name: 'NonFiniteLossError', step: SOUND_STEPS + 2, restoredStep: SOUND_STEPS } });
    expect(second.status === 'rejected' && second.reason).toBe(first.status === 'rejected' && first.reason);
    expect(trainer.stepCount).toBe(SOUND_STEPS);
    expect(stateOf(trainer)).toEqual(stateOf(sound));
    expect(tf.memory().numTensors).toBe(before);
  });
});
