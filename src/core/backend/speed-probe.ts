/** Times a few real training steps of the lab's model on the active backend: the backend probe's measurement. */
import * as tf from '@tensorflow/tfjs-core';
import type { VaeConfig } from '../config';
import { resolveConfig } from '../config';
import { Trainer, type ImageSet } from '../trainer';

/** How long the probe runs on one backend. */
export interface SpeedProbeLimits {
  /** Untimed steps first: shader compiles, first allocations, the WebAssembly thread pool waking up. */
  readonly warmupSteps: number;
  /** Timed steps at most. */
  readonly steps: number;
  /** Stop timing after this many ms (at least one timed step runs), so a slow backend costs little. */
  readonly budgetMs: number;
}

/** The lab's probe: 2 warm-up steps, then up to 6 timed steps or 1.5 s, whichever ends first. */
export const DEFAULT_PROBE_LIMITS: SpeedProbeLimits = Object.freeze({ warmupSteps: 2, steps: 6, budgetMs: 1500 });

/** Random binary images of the model's input size, from a fixed linear congruential stream (no data download). */
function syntheticImages(inputSize: number, count: number): ImageSet {
  const images = new Float32Array(inputSize * count);
  let state = 12345;
  for (let i = 0; i < images.length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    images[i] = state >>> 31;
  }
  return { images, labels: new Uint8Array(count), count };
}

/** Waits until the backend has finished all queued work (a GPU runs ahead of the JavaScript that queued it). */
async function drain(): Promise<void> {
  const probe = tf.tidy(() => tf.add(tf.zeros([1]), 1));
  try {
    await probe.data();
  } finally {
    probe.dispose();
  }
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Trains a fresh model of `config`'s size on synthetic data with the active backend and resolves the median ms per
 * step (each step timed to its drained end). Leaves no tensors behind.
 */
export async function timeTrainingSteps(
  config: Partial<VaeConfig>,
  limits: SpeedProbeLimits = DEFAULT_PROBE_LIMITS,
  now: () => number = () => performance.now(),
): Promise<number> {
  const resolved = resolveConfig(config);
  const data = syntheticImages(resolved.inputSize, resolved.batchSize * 2);
  const trainer = new Trainer(config, data, null);
  try {
    for (let i = 0; i < limits.warmupSteps; i++) trainer.step();
    await drain();
    const times: number[] = [];
    const start = now();
    while (times.length < Math.max(1, limits.steps)) {
      const begin = now();
      trainer.step();
      await drain();
      times.push(now() - begin);
      if (now() - start >= limits.budgetMs) break;
    }
    return median(times);
  } finally {
    trainer.dispose();
  }
}
