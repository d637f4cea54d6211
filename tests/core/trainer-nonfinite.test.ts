/** A NaN never reaches the weights: a non-finite loss returns the trainer to a sound state, on cpu and on wasm. */
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { Trainer } from '../../src/core/trainer';
import type { VaeConfig } from '../../src/core/config';
import { NonFiniteLossError } from '../../src/core/errors';
import { makeStrokes, useBackend } from './helpers';

const SIDE = 8;
const data = makeStrokes(96, SIDE, 1);
const tiny: Partial<VaeConfig> = {
  inputSize: SIDE * SIDE,
  hiddenSizes: [16],
  latentSize: 3,
  batchSize: 16,
  learningRate: 3e-3,
  seed: 7,
};
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

/** Steps until one throws; returns the error and the tensor count before each step. */
function stepUntilNonFinite(trainer: Trainer, limit = 40) {
  const tensorsBefore = new Map<number, number>();
  for (let i = 0; i < limit; i++) {
    tensorsBefore.set(trainer.stepCount + 1, tf.memory().numTensors);
    try {
      trainer.step();
    } catch (error) {
      return { error: error as NonFiniteLossError, tensorsBefore };
    }
  }
  throw new Error(`no step became non-finite in ${limit} steps`);
}

/** A trainer that took `steps` ordinary steps. */
const sound = (steps: number) => {
  const trainer = make();
  for (let i = 0; i < steps; i++) trainer.step();
  return trainer;
};
/** The state of a trainer that took `steps` ordinary steps (the trainer is freed at once). */
const stateAfter = (steps: number) => {
  const trainer = sound(steps);
  const state = trainer.snapshot();
  live.splice(live.indexOf(trainer), 1);
  trainer.dispose();
  return state;
};

/** A trainer that took SOUND_STEPS ordinary steps and then runs at a learning rate that diverges. */
function diverging() {
  const trainer = sound(SOUND_STEPS);
  trainer.setLearningRate(DIVERGES);
  return trainer;
}

/** A trainer that took `steps` ordinary steps and then runs at β = 10³⁰⁰, which float32 holds as ∞: the objective overflows at once. */
function overflowing(steps: number) {
  const trainer = sound(steps);
  trainer.setBeta(1e300);
  return trainer;
}

describe.each(['cpu', 'wasm'] as const)('on %s', (backend) => {
  beforeAll(async () => {
    expect(await useBackend(backend), `the ${backend} backend must start in Node`).toBe(backend);
  });

  test('an objective that overflows at step t throws NonFiniteLossError and leaves the trainer exactly as after step t − 2', () => {
    const trainer = overflowing(30);
    const { error, tensorsBefore } = stepUntilNonFinite(trainer);
    expect(error).toBeInstanceOf(NonFiniteLossError);
    expect(error).toMatchObject({ step: 31, quantity: 'objective', restoredStep: 29 });
    // Step t's loss is computed before its update, so it vouches for nothing after step t − 2: step t − 1 is undone too.
    expect(error.message).toMatch(
      /at step 31\. Try a smaller learning rate \(now 0\.003\): the model is back as it was after step 29/,
    );
    expect(trainer.stepCount).toBe(29);
    expect(tf.memory().numTensors).toBe(tensorsBefore.get(31));
    // Weights, Adam's t and both moments, the random streams, the batch order and cursor, the baseline.
    expect(trainer.snapshot()).toEqual(stateAfter(29));
  });

  test('a loss that breaks again before getting past the last roll-back goes back to the older restore point (step 0 here)', () => {
    const trainer = overflowing(30);
    expect(stepUntilNonFinite(trainer).error).toMatchObject({ step: 31, restoredStep: 29 });
    const before = tf.memory().numTensors;
    const { error } = stepUntilNonFinite(trainer);
    expect(error).toMatchObject({ step: 30, restoredStep: 0 });
    expect(trainer.snapshot()).toEqual(stateAfter(0));
    expect(tf.memory().numTensors).toBe(before);
  });

  test('a learning rate raised until it diverges returns to the state before the raise that a finite loss vouched for', () => {
    const trainer = diverging();
    const { error, tensorsBefore } = stepUntilNonFinite(trainer);
    expect(error.step).toBeGreaterThan(SOUND_STEPS + 1);
    // The raise came after step 5, whose own update no loss has vouched for yet: back to after step 4.
    expect(error.restoredStep).toBe(SOUND_STEPS - 1);
    expect(error.message).toMatch(
      new RegExp(
        `at step ${error.step}\\. Try a smaller learning rate \\(now 1e\\+30\\): the model is back as it was after step ${SOUND_STEPS - 1}`,
      ),
    );
    expect(trainer.snapshot()).toEqual(stateAfter(SOUND_STEPS - 1));
    expect(tf.memory().numTensors).toBe(tensorsBefore.get(error.step));
  });

  test('an input that is NaN at the first step leaves the trainer as built: step 0, no Adam moments, no tensor left over', () => {
    const broken = { ...data, images: data.images.map((value, i) => (i % 7 === 0 ? Number.NaN : value)) };
    const trainer = make({}, broken);
    const built = trainer.snapshot();
    const { error, tensorsBefore } = stepUntilNonFinite(trainer, 1);
    expect(error).toMatchObject({ step: 1, restoredStep: 0 });
    expect(trainer.snapshot()).toEqual(built);
    expect(trainer.snapshot().optimizer.first).toHaveLength(0);
    expect(tf.memory().numTensors).toBe(tensorsBefore.get(1));
  });

  test('after the roll-back a smaller learning rate goes on without a reset, exactly as a trainer that never diverged', () => {
    const trainer = diverging();
    const { error } = stepUntilNonFinite(trainer);
    const reference = make();
    for (let i = 0; i < error.restoredStep; i++) reference.step();
    for (const t of [trainer, reference]) t.setLearningRate(1e-3);
    const [resumed, clean] = [trainer, reference].map((t) => Array.from({ length: 6 }, () => t.step()));
    expect(resumed!.map((m) => m.step)).toEqual(Array.from({ length: 6 }, (_, i) => error.restoredStep + 1 + i));
    expect(resumed!.every((m) => Number.isFinite(m.objective))).toBe(true);
    expect(resumed!.map((m) => m.objective)).toEqual(clean!.map((m) => m.objective));
    expect(trainer.snapshot()).toEqual(reference.snapshot());
  });

  test('a step read late: when the first of two steps in flight is non-finite, the second is undone with it', async () => {
    const trainer = diverging();
    await trainer.stepAsync(); // step 6 at 10³⁰: its own loss is finite, the weights it leaves are not usable
    const before = tf.memory().numTensors;
    const [first, second] = await Promise.allSettled([trainer.stepAsync(), trainer.stepAsync()]);
    expect(first).toMatchObject({
      status: 'rejected',
      reason: { name: 'NonFiniteLossError', step: SOUND_STEPS + 2, restoredStep: SOUND_STEPS - 1 },
    });
    expect(second.status === 'rejected' && second.reason).toBe(first.status === 'rejected' && first.reason);
    expect(trainer.stepCount).toBe(SOUND_STEPS - 1);
    expect(tf.memory().numTensors).toBe(before);
    expect(trainer.snapshot()).toEqual(stateAfter(SOUND_STEPS - 1));
  });
});
