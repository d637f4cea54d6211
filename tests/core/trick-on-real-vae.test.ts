/**
 * The claim of chapter 5's race widget, checked in Node where it is cheap: the Trainer with the widget's own config
 * (src/components/widgets/trick-on-real-vae-state.ts), same seed, pathwise against the score function.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateDatasets } from '../../scripts/datasets/build.mjs';
import { datasetPath, loadDatasetFile } from '../../src/core/data/node';
import { getSplit, type DatasetSplit } from '../../src/core/data';
import { Trainer } from '../../src/core/trainer';
import {
  CLAIM_MARGIN,
  MEASURED,
  RACE_CONFIG,
  raceConfig,
  type RunKey,
} from '../../src/components/widgets/trick-on-real-vae-state';
import { assertClose, useBackend } from './helpers';

let train: DatasetSplit;
let heldOut: DatasetSplit;

beforeAll(async () => {
  if (!existsSync(datasetPath('mnist'))) generateDatasets({ root: resolve(import.meta.dirname, '../..') });
  const mnist = await loadDatasetFile('mnist');
  train = getSplit(mnist, 'train');
  heldOut = getSplit(mnist, 'test');
  await useBackend('wasm');
});
afterAll(() => useBackend('cpu'));

/** Held-out −ELBO (the widget's evaluation: first `evalSize` test images) before training and after `steps` steps. */
function race(
  key: RunKey,
  steps: number,
  seed: number = RACE_CONFIG.seed,
): { start: number; end: number; atEval: number } {
  const trainer = new Trainer({ ...raceConfig(key), seed }, train, heldOut);
  try {
    const start = -trainer.evaluate(heldOut, RACE_CONFIG.evalSize).elbo;
    let atEval = NaN;
    for (let i = 0; i < steps; i++) {
      const metrics = trainer.step();
      if (metrics.heldOut) atEval = -metrics.heldOut.elbo;
    }
    return { start, end: -trainer.evaluate(heldOut, RACE_CONFIG.evalSize).elbo, atEval };
  } finally {
    trainer.dispose();
  }
}

describe('the race on MNIST 784-128-8 (the trick-on-real-vae widget)', () => {
  test(`after ${MEASURED.step} steps from the same weights, pathwise beats the score function with a baseline by > ${CLAIM_MARGIN} nats`, () => {
    const pathwise = race('pathwise', MEASURED.step);
    const scoreBaseline = race('scoreBaseline', MEASURED.step);
    // Same seed, same weights: the runs start from the very same held-out −ELBO.
    expect(scoreBaseline.start).toBe(pathwise.start);
    // The periodic evaluation the widget plots is the same number as an evaluation after the last step.
    expect(pathwise.atEval).toBe(pathwise.end);
    expect(scoreBaseline.end - pathwise.end).toBeGreaterThan(CLAIM_MARGIN);
    // The numbers the component prints without JavaScript were measured this way (on wasm, which useBackend guarantees).
    assertClose(pathwise.start, MEASURED.start, 0.1, 'start');
    assertClose(pathwise.end, MEASURED.pathwise, MEASURED.tolerance, 'pathwise');
    assertClose(scoreBaseline.end, MEASURED.scoreBaseline, MEASURED.tolerance, 'score with baseline');
  });

  test('plain REINFORCE (no baseline) trails both, and the gap holds for another seed', () => {
    const plain = race('score', MEASURED.step);
    assertClose(plain.end, MEASURED.score, MEASURED.tolerance, 'score');
    expect(plain.end).toBeGreaterThan(MEASURED.pathwise + CLAIM_MARGIN);
    // Seed 3 had the smallest gap of seeds 1–5 (11.3 nats).
    const pathwise = race('pathwise', MEASURED.step, 3);
    const scoreBaseline = race('scoreBaseline', MEASURED.step, 3);
    expect(scoreBaseline.end - pathwise.end).toBeGreaterThan(CLAIM_MARGIN);
  });
});
