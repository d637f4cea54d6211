/** timeTrainingSteps(config, limits): real training steps on the active backend, timed, leaving no tensors. */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { timeTrainingSteps } from '../../../src/core/backend';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('timeTrainingSteps()', () => {
  it('times the asked number of steps after the warm-up, with the median, and leaves no tensors', async () => {
    const before = tf.memory().numTensors;
    let clock = 0;
    const ticks: number[] = [];
    // Each reading of the clock advances it by 1 ms, so a step (begin, end, budget check) reads as 1 ms.
    const now = () => {
      ticks.push(clock);
      return clock++;
    };
    const config = { inputSize: 784, hiddenSizes: [16], latentSize: 2, batchSize: 8 };
    const ms = await timeTrainingSteps(config, { warmupSteps: 1, steps: 3, budgetMs: 1e9 }, now);
    expect(ms).toBe(1);
    // One start reading, then three per timed step (begin, end, budget check).
    expect(ticks).toHaveLength(1 + 3 * 3);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops at the time budget but always times one step', async () => {
    let clock = 0;
    const now = () => (clock += 100);
    const config = { inputSize: 784, hiddenSizes: [16], latentSize: 2, batchSize: 8 };
    const ms = await timeTrainingSteps(config, { warmupSteps: 0, steps: 50, budgetMs: 50 }, now);
    expect(ms).toBe(100);
  });
});
