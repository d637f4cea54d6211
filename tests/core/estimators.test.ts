import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import {
  activeUnits,
  encodeMeans,
  importanceWeightedBound,
  logImportanceWeights,
  logMeanExp,
  meanKlPerDim,
} from '../../src/core/estimators';
import { Trainer } from '../../src/core/trainer';
import { createRng } from '../../src/core/random';
import { assertAllClose, assertClose, makeStrokes, useBackend } from './helpers';

const SIDE = 8;
const data = makeStrokes(256, SIDE, 1);
const test_ = makeStrokes(200, SIDE, 2);
let trainer: Trainer;

beforeAll(async () => {
  await useBackend('cpu');
  // A partly trained model: its q is decent but not the true posterior, so the bounds differ visibly.
  trainer = new Trainer(
    { inputSize: SIDE * SIDE, hiddenSizes: [32], latentSize: 3, batchSize: 16, learningRate: 3e-3, seed: 7 },
    data,
    test_,
  );
  for (let i = 0; i < 150; i++) trainer.step();
});
afterAll(() => trainer.dispose());

const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0) / xs.length;
const standardError = (xs: ArrayLike<number>) => {
  const m = mean(xs);
  return Math.sqrt(Array.from(xs).reduce((s, v) => s + (v - m) ** 2, 0) / (xs.length - 1) / xs.length);
};

describe('logMeanExp', () => {
  test('logMeanExp(values) equals log(mean(exp(values))) and survives values near ±1000', () => {
    assertClose(logMeanExp([0, Math.log(3)]), Math.log(2), 1e-15);
    assertClose(logMeanExp([1000, 1000]), 1000, 1e-12);
    assertClose(logMeanExp([-1000, -1000 + Math.log(3)]), -1000 + Math.log(2), 1e-12);
    expect(logMeanExp([-Infinity, -Infinity])).toBe(-Infinity);
  });
});

describe('importanceWeightedBound', () => {
  test('importanceWeightedBound(model, x, K = 1) is log p(x|z) + log p(z) − log q(z|x) for the same z, by hand', () => {
    const model = trainer.model;
    const count = 4;
    const pixels = test_.images.subarray(0, count * SIDE * SIDE);
    const bound = importanceWeightedBound(model, pixels, count, 1, createRng(5));
    const eps = createRng(5).fillNormal(new Float32Array(count * 3));
    const x = tf.tensor2d(pixels, [count, SIDE * SIDE]);
    const { mu, logVar } = model.encode(x);
    const [m, lv] = [mu.dataSync(), logVar.dataSync()];
    const z = Float32Array.from(eps, (e, i) => m[i]! + Math.exp(lv[i]! / 2) * e);
    const probs = model.decode(tf.tensor2d(z, [count, 3])).dataSync();
    for (let row = 0; row < count; row++) {
      let logW = 0;
      for (let i = 0; i < SIDE * SIDE; i++) {
        const [xi, p] = [pixels[row * SIDE * SIDE + i]!, probs[row * SIDE * SIDE + i]!];
        logW += xi * Math.log(p) + (1 - xi) * Math.log(1 - p);
      }
      for (let d = 0; d < 3; d++) {
        const k = row * 3 + d;
        logW += -0.5 * z[k]! ** 2 + 0.5 * (eps[k]! ** 2 + lv[k]!);
      }
      // Sums of 64 float32 terms of order 0.1–1; the log(1 − p) route by hand loses a little more.
      assertClose(bound[row]!, logW, 2e-3, `row ${row}`);
    }
  });

  test('the mean of importanceWeightedBound(K = 1) matches the ELBO with its closed-form KL within 4 standard errors', () => {
    const count = 50;
    const repeats = 40;
    const rng = createRng(6);
    const samples: number[] = [];
    for (let r = 0; r < repeats; r++)
      samples.push(mean(importanceWeightedBound(trainer.model, test_.images, count, 1, rng)));
    const elbo = trainer.evaluate(test_, count).elbo;
    // evaluate() itself uses one z per image, so its own noise adds to the spread; compare with a tolerance of
    // 4 SE of the repeated K = 1 means plus 4 SE of one more such mean.
    const se = standardError(samples);
    const oneDrawSpread = se * Math.sqrt(repeats);
    assertClose(mean(samples), elbo, 4 * se + 4 * oneDrawSpread, 'E[L_1] vs ELBO');
  });

  test('importanceWeightedBound(model, x, K) ≥ the ELBO and grows with K = 1, 5, 50 on average (paired, > 4 SE)', () => {
    const count = 200;
    // E[L_1] is the ELBO. Averaging independent draws of each L_K per image (20, 8 and 2 of them) cuts the noise, so
    // the systematic gap between K's stands out; the test is paired over the same 200 images.
    const rng = createRng(99);
    const averaged = (k: number, draws: number) => {
      const sum = new Float64Array(count);
      for (let r = 0; r < draws; r++)
        importanceWeightedBound(trainer.model, test_.images, count, k, rng).forEach(
          (v, i) => (sum[i] = sum[i]! + v / draws),
        );
      return sum;
    };
    const bounds = [averaged(1, 20), averaged(5, 8), averaged(50, 2)];
    for (let j = 1; j < bounds.length; j++) {
      const differences = Array.from(bounds[j]!, (v, i) => v - bounds[j - 1]![i]!);
      expect(mean(differences)).toBeGreaterThan(4 * standardError(differences));
    }
  });
});

describe('active units and per-dimension KL', () => {
  test('activeUnits(means, count, latent) computes Cov_x(E_q[z_u]) and applies the 10⁻² threshold', () => {
    // dim 0 varies (variance 1), dim 1 is constant, dim 2 varies just below the threshold
    const rows = [
      [1, 5, 0.05],
      [-1, 5, -0.05],
      [1, 5, 0.05],
      [-1, 5, -0.05],
    ];
    const result = activeUnits(Float32Array.from(rows.flat()), 4, 3);
    assertAllClose(result.variances, [4 / 3, 0, (4 * 0.0025) / 3], 1e-7);
    expect(result.active).toEqual([true, false, false]);
    expect(result.count).toBe(1);
  });

  test('encodeMeans(model, pixels, count) agrees with model.encode, and chunking does not change it', () => {
    const whole = encodeMeans(trainer.model, test_.images, 30, 500);
    const chunked = encodeMeans(trainer.model, test_.images, 30, 7);
    assertAllClose(chunked, whole, 1e-6);
    const mu = trainer.model.encode(tf.tensor2d(test_.images.subarray(0, 30 * 64), [30, 64])).mu.dataSync();
    assertAllClose(whole, mu, 1e-6);
  });

  test('meanKlPerDim(model, pixels, count) equals the klPerDim of trainer.evaluate()', () => {
    assertAllClose(meanKlPerDim(trainer.model, test_.images, 200, 64), trainer.evaluate(test_).klPerDim, 1e-4);
  });

  test('logImportanceWeights(model, x, eps) returns one finite weight per row', () => {
    const w = logImportanceWeights(
      trainer.model,
      tf.tensor2d(test_.images.subarray(0, 5 * 64), [5, 64]),
      tf.randomNormal([5, 3]) as tf.Tensor2D,
    );
    expect(w.shape).toEqual([5]);
    expect(Array.from(w.dataSync()).every(Number.isFinite)).toBe(true);
  });
});
