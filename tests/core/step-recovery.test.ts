/** StepRecovery through the trainer: a step in flight when the whole state is replaced is undone, and says why. */
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { Trainer } from '../../src/core/trainer';
import type { VaeConfig } from '../../src/core/config';
import { makeStrokes, useBackend } from './helpers';

const SIDE = 8;
const data = makeStrokes(64, SIDE, 3);
const tiny: Partial<VaeConfig> = { inputSize: SIDE * SIDE, hiddenSizes: [8], latentSize: 2, batchSize: 16, seed: 5 };
const live: Trainer[] = [];
afterEach(() => live.splice(0).forEach((t) => t.dispose()));
beforeAll(() => useBackend('cpu'));

function make(): Trainer {
  const trainer = new Trainer(tiny, data);
  live.push(trainer);
  return trainer;
}

describe('a step in flight when the state is replaced', () => {
  test.each([
    // [what replaces the state, the reason the step's read-back gives]
    ['reset', (t: Trainer) => t.reset(), /reset before this step/],
    ['restore', (t: Trainer) => t.restore(t.snapshot()), /restored before this step/],
    ['restoreWeights', (t: Trainer) => t.restoreWeights(t.model.getWeights(), 2), /weights were restored/],
  ] as const)('%s: reading it throws why, and the trainer counts from the new state', async (_, replace, reason) => {
    const trainer = make();
    trainer.step();
    const before = tf.memory().numTensors;
    const pending = trainer.stepAsync();
    replace(trainer);
    await expect(pending).rejects.toThrow(reason);
    const after = trainer.stepCount;
    expect(trainer.step().step).toBe(after + 1);
    expect(tf.memory().numTensors).toBe(before);
  });
});
