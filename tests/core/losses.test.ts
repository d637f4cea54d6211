import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import {
  bernoulliReconstruction,
  betaObjective,
  binarizeInto,
  binaryEntropy,
  crossEntropyFloor,
  diagonalGaussianLogDensity,
  elbo,
  gaussianKlPerDim,
  gaussianReconstruction,
  standardNormalLogDensity,
} from '../../src/core/losses';
import { createRng } from '../../src/core/random';
import { assertAllClose, assertClose, useBackend } from './helpers';

beforeAll(() => useBackend('cpu'));

const read = (t: tf.Tensor) => Array.from(t.dataSync());
const sigmoid = (l: number) => 1 / (1 + Math.exp(-l));

describe('gaussianKlPerDim', () => {
  test('gaussianKlPerDim(mu, logVar) is 0 at the prior', () => {
    assertAllClose(read(gaussianKlPerDim(tf.zeros([2, 3]), tf.zeros([2, 3]))), [0, 0, 0, 0, 0, 0], 0);
  });

  test('gaussianKlPerDim(mu, logVar) equals ½(μ² + σ² − 1 − log σ²) per dimension', () => {
    const mu = [0.5, -2, 1.5];
    const logVar = [-1, 0.3, 2];
    const expected = mu.map((m, i) => 0.5 * (m * m + Math.exp(logVar[i]!) - 1 - logVar[i]!));
    // float32 rounding on values of order 1–4.
    assertAllClose(read(gaussianKlPerDim(tf.tensor2d([mu]), tf.tensor2d([logVar]))), expected, 1e-5);
  });

  test('gaussianKlPerDim(mu, logVar) matches a Monte Carlo estimate of E_q[log q − log p] within 4 standard errors', () => {
    const [m, lv] = [0.7, -0.5];
    const sd = Math.exp(lv / 2);
    const n = 100_000;
    const rng = createRng(21);
    let sum = 0;
    let sumSquares = 0;
    for (let i = 0; i < n; i++) {
      const eps = rng.normal();
      const z = m + sd * eps;
      // log q(z) − log p(z); the 2π terms cancel.
      const term = -0.5 * (eps * eps + lv) + 0.5 * z * z;
      sum += term;
      sumSquares += term * term;
    }
    const mean = sum / n;
    const se = Math.sqrt((sumSquares / n - mean * mean) / n);
    const closed = read(gaussianKlPerDim(tf.tensor2d([[m]]), tf.tensor2d([[lv]])))[0]!;
    assertClose(closed, mean, 4 * se, 'KL');
  });
});

describe('bernoulliReconstruction', () => {
  test('bernoulliReconstruction(logits, x) equals −Σ x log σ(l) + (1 − x) log(1 − σ(l)) by hand', () => {
    const logits = [
      [-2, 0, 1.5, 3],
      [0.2, -0.7, 4, -5],
    ];
    const x = [
      [0, 0.5, 1, 0.25],
      [1, 0, 0.9, 0.1],
    ];
    const expected = logits.map((row, r) =>
      row.reduce((s, l, i) => {
        const xi = x[r]![i]!;
        return s - (xi * Math.log(sigmoid(l)) + (1 - xi) * Math.log(1 - sigmoid(l)));
      }, 0),
    );
    // Sums of four float32 terms of order 1.
    assertAllClose(read(bernoulliReconstruction(tf.tensor2d(logits), tf.tensor2d(x))), expected, 1e-5);
  });

  test('bernoulliReconstruction(logits, x) stays finite and exact at logits ±100, where the naive formula overflows', () => {
    // −log σ(−100) = 100 + log(1 + e^{−100}) ≈ 100; the naive log(1 − σ(100)) would be log 0 in float32.
    const value = read(bernoulliReconstruction(tf.tensor2d([[100, -100]]), tf.tensor2d([[0, 1]])));
    assertAllClose(value, [200], 1e-4);
  });

  test('bernoulliReconstruction(logit(x), x) reaches crossEntropyFloor(x), the pixels’ binary entropy', () => {
    const x = [0.1, 0.5, 0.73, 0.999, 0.02];
    const logits = x.map((p) => Math.log(p / (1 - p)));
    const floor = crossEntropyFloor(x);
    assertClose(
      floor,
      x.reduce((s, p) => s + binaryEntropy(p), 0),
      1e-12,
      'floor',
    );
    assertClose(
      read(bernoulliReconstruction(tf.tensor2d([logits]), tf.tensor2d([x])))[0]!,
      floor,
      1e-5,
      'reconstruction',
    );
    // Any other decoder output does worse on the same grey pixels.
    const off = read(bernoulliReconstruction(tf.tensor2d([logits.map((l) => l + 0.3)]), tf.tensor2d([x])))[0]!;
    expect(off).toBeGreaterThan(floor);
  });

  test('tf.grad of bernoulliReconstruction(logits, x) is σ(l) − x, and −l with respect to x', () => {
    const logits = tf.tensor2d([
      [-3, 0.5, 40],
      [2, -0.1, -40],
    ]);
    const x = tf.tensor2d([
      [0, 0.3, 1],
      [1, 0.9, 0],
    ]);
    const [dLogits, dX] = tf.grads((l: tf.Tensor, p: tf.Tensor) =>
      tf.sum(bernoulliReconstruction(l as tf.Tensor2D, p as tf.Tensor2D)),
    )([logits, x]);
    const l = logits.arraySync().flat();
    const p = x.arraySync().flat();
    assertAllClose(
      read(dLogits!),
      l.map((v, i) => sigmoid(v) - p[i]!),
      1e-6,
    );
    assertAllClose(
      read(dX!),
      l.map((v) => -v),
      1e-6,
    );
  });

  test('crossEntropyFloor(pixels) is 0 for binary pixels and D·log 2 for all-grey pixels', () => {
    expect(crossEntropyFloor([0, 1, 1, 0])).toBe(0);
    assertClose(crossEntropyFloor([0.5, 0.5, 0.5]), 3 * Math.log(2), 1e-12);
  });
});

describe('gaussianReconstruction', () => {
  test('gaussianReconstruction(mean, x, σ) is Σ(x − m)²/(2σ²) + ½·D·log(2πσ²), constant included', () => {
    const std = 0.1;
    const x = [0.2, 0.8, 0.5];
    const mean = [0.25, 0.6, 0.5];
    const expected =
      x.reduce((s, xi, i) => s + (xi - mean[i]!) ** 2 / (2 * std * std), 0) + 1.5 * Math.log(2 * Math.PI * std * std);
    assertAllClose(read(gaussianReconstruction(tf.tensor2d([mean]), tf.tensor2d([x]), std)), [expected], 1e-5);
  });
});

describe('objective and ELBO', () => {
  test('betaObjective(recon, kl, β) is recon + β·KL and elbo(recon, kl) = −(recon + KL) ignores β', () => {
    const recon = tf.tensor1d([100, 80]);
    const kl = tf.tensor1d([5, 10]);
    assertAllClose(read(betaObjective(recon, kl, 4)), [120, 120], 0);
    assertAllClose(read(betaObjective(recon, kl, 0)), [100, 80], 0);
    assertAllClose(read(elbo(recon, kl)), [-105, -90], 0);
  });

  test('diagonalGaussianLogDensity(z, 0, 0) equals standardNormalLogDensity(z) equals Σ log N(zᵢ; 0, 1)', () => {
    const z = [
      [0.3, -1.2],
      [2, 0],
    ];
    const expected = z.map((row) => row.reduce((s, v) => s - 0.5 * (Math.log(2 * Math.PI) + v * v), 0));
    assertAllClose(read(standardNormalLogDensity(tf.tensor2d(z))), expected, 1e-5);
    assertAllClose(
      read(diagonalGaussianLogDensity(tf.tensor2d(z), tf.zeros([2, 2]), tf.zeros([2, 2]))),
      expected,
      1e-5,
    );
  });
});

describe('binarizeInto', () => {
  test('binarizeInto(pixels, rng, out) gives 0/1 pixels whose mean is the grey value (within 4 standard errors)', () => {
    const n = 50_000;
    const pixels = new Float32Array(n).fill(0.3);
    const out = binarizeInto(pixels, createRng(4), new Float32Array(n));
    expect(out.every((v) => v === 0 || v === 1)).toBe(true);
    const mean = out.reduce((s, v) => s + v, 0) / n;
    assertClose(mean, 0.3, 4 * Math.sqrt((0.3 * 0.7) / n), 'mean');
  });
});
