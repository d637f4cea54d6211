/** Trainer.setObjective(loss): a reader's per-example loss trains the model; a broken one leaves the model untouched. */
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { Trainer } from '../../src/core/trainer';
import type { VaeConfig } from '../../src/core/config';
import { NonFiniteLossError, ObjectiveError } from '../../src/core/errors';
import { bernoulliReconstruction, gaussianKlPerDim } from '../../src/core/losses';
import type { ObjectiveInputs, PerExampleObjective } from '../../src/core/objective';
import { assertAllClose, makeStrokes, useBackend } from './helpers';

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
const live: Trainer[] = [];
const make = (objective: PerExampleObjective | null = null) => {
  const trainer = new Trainer(tiny, data);
  trainer.setObjective(objective);
  live.push(trainer);
  return trainer;
};
afterEach(() => live.splice(0).forEach((t) => t.dispose()));
beforeAll(async () => void (await useBackend('cpu')));
/** A trainer's whole state with the weights' values only (variable names carry a per-model prefix). */
const stateOf = (trainer: Trainer) => {
  const { weights, ...rest } = trainer.snapshot();
  return { ...rest, weights: weights.map((w) => w.values) };
};

/** The book's loss, written as a reader would: reconstruction summed over pixels + β·KL. */
const book: PerExampleObjective = ({ logits, x, mu, logVar, beta }: ObjectiveInputs) =>
  tf.add(bernoulliReconstruction(logits, x), tf.mul(tf.sum(gaussianKlPerDim(mu, logVar), 1), beta));
/** Chapter 6's first experiment: the reconstruction averaged over pixels. */
const averaged: PerExampleObjective = ({ logits, x, mu, logVar, beta }: ObjectiveInputs) =>
  tf.add(tf.div(bernoulliReconstruction(logits, x), x.shape[1]), tf.mul(tf.sum(gaussianKlPerDim(mu, logVar), 1), beta));

describe.each([
  // the reader's code throws
  [
    'a throw',
    'threw',
    () => {
      throw new Error('boom');
    },
  ],
  // a [batch, 1] column instead of [batch]
  ['a column', 'shape', ({ logits, x }: ObjectiveInputs) => tf.expandDims(bernoulliReconstruction(logits, x), 1)],
  // the batch mean, a scalar
  ['a scalar', 'shape', ({ logits, x }: ObjectiveInputs) => tf.mean(bernoulliReconstruction(logits, x))],
  // a plain number
  ['a number', 'not-tensor', () => 3],
  // a tensor no weight reaches
  ['a constant', 'constant', ({ x }: ObjectiveInputs) => tf.sum(x, 1)],
] as const)('Trainer.step() with a loss that returns %s', (_, problem, objective) => {
  test(`throws ObjectiveError '${problem}', leaves the model as before the step, and leaks no tensor`, () => {
    const trainer = make();
    trainer.step();
    trainer.step();
    const before = stateOf(trainer);
    const tensors = tf.memory().numTensors;
    trainer.setObjective(objective as PerExampleObjective);
    for (let i = 0; i < 3; i++) {
      let error: unknown;
      try {
        trainer.step();
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(ObjectiveError);
      expect((error as ObjectiveError).problem).toBe(problem);
      expect(tf.memory().numTensors).toBe(tensors);
      expect(stateOf(trainer)).toEqual(before);
    }
    trainer.setObjective(null);
    expect(trainer.step().step).toBe(3);
  });
});

describe.each(['cpu', 'wasm'] as const)('on %s', (backend) => {
  beforeAll(async () => {
    expect(await useBackend(backend), `the ${backend} backend must start in Node`).toBe(backend);
  });

  test("setObjective(book's loss written as a cell) trains exactly like the book's own loss", () => {
    const reference = make();
    const reader = make(book);
    for (let i = 0; i < 4; i++) {
      const [a, b] = [reference.step(), reader.step()];
      assertAllClose(
        [b.reconstruction, b.kl, b.objective],
        [a.reconstruction, a.kl, a.objective],
        1e-4,
        `step ${i + 1}`,
      );
    }
    stateOf(reader).weights.forEach((w, i) => assertAllClose(w, stateOf(reference).weights[i]!, 1e-4, `weight ${i}`));
  });

  test('setObjective(averaged over pixels) trains with it; reconstruction and KL stay the book’s measurements', () => {
    const reference = make();
    const reader = make(averaged);
    reader.step();
    const metrics = reader.step();
    reference.step();
    // The objective is the reader's: reconstruction / 64 + KL, not reconstruction + KL.
    expect(metrics.objective).toBeCloseTo(metrics.reconstruction / (SIDE * SIDE) + metrics.kl, 3);
    expect(metrics.objective).toBeLessThan(metrics.reconstruction);
    expect(metrics.elbo).toBeCloseTo(-(metrics.reconstruction + metrics.kl), 3);
    expect(stateOf(reader).weights[0]).not.toEqual(stateOf(reference.step() && reference).weights[0]);
    expect(reader.customObjective).toBe(true);
  });

  test('a loss that yields NaN throws NonFiniteLossError and returns the model to its state before the step', () => {
    const trainer = make(({ logits, x }: ObjectiveInputs) => tf.mul(bernoulliReconstruction(logits, x), NaN));
    const before = stateOf(trainer);
    const tensors = tf.memory().numTensors;
    expect(() => trainer.step()).toThrow(NonFiniteLossError);
    expect(tf.memory().numTensors).toBe(tensors);
    expect(stateOf(trainer)).toEqual(before);
    trainer.setObjective(book);
    expect(trainer.step().step).toBe(1);
  });
});
