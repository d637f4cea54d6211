import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { reparameterize, standardNormal, stopGradient } from '../../src/core/sampler';
import { createRng } from '../../src/core/random';
import { assertAllClose, assertClose, useBackend } from './helpers';

beforeAll(() => useBackend('cpu'));

describe('reparameterize', () => {
  test('reparameterize(mu, logVar, eps) is μ + exp(½ log σ²)·ε', () => {
    const z = reparameterize(tf.tensor2d([[1, -2]]), tf.tensor2d([[0, Math.log(4)]]), tf.tensor2d([[0.5, -1]]));
    assertAllClose(z.dataSync(), [1.5, -4], 1e-6);
  });

  test('reparameterize(mu, logVar, standardNormal(rng)) has mean μ and variance σ² (within 4 standard errors)', () => {
    const n = 100_000;
    const z = reparameterize(
      tf.fill([n, 1], 0.8) as tf.Tensor2D,
      tf.fill([n, 1], Math.log(0.25)) as tf.Tensor2D,
      standardNormal(createRng(9), n, 1),
    );
    const values = Array.from(z.dataSync());
    const mean = values.reduce((s, v) => s + v, 0) / n;
    const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
    assertClose(mean, 0.8, 4 * Math.sqrt(0.25 / n), 'mean');
    assertClose(variance, 0.25, 4 * 0.25 * Math.sqrt(2 / n), 'variance');
  });

  test('reparameterize passes gradients to μ and log σ²: ∂z/∂μ = 1, ∂z/∂logσ² = ½σε', () => {
    const eps = tf.tensor2d([[0.6]]);
    const grads = tf.grads((mu: tf.Tensor, logVar: tf.Tensor) =>
      reparameterize(mu as tf.Tensor2D, logVar as tf.Tensor2D, eps),
    )([tf.tensor2d([[0.1]]), tf.tensor2d([[Math.log(9)]])]);
    assertClose(grads[0]!.dataSync()[0]!, 1, 1e-6, '∂z/∂μ');
    assertClose(grads[1]!.dataSync()[0]!, 0.5 * 3 * 0.6, 1e-6, '∂z/∂logσ²');
  });
});

describe('standardNormal', () => {
  test('standardNormal(rng, rows, cols) repeats for the same seed and is fresh on every call', () => {
    const first = standardNormal(createRng(1), 2, 3).dataSync();
    expect(Array.from(standardNormal(createRng(1), 2, 3).dataSync())).toEqual(Array.from(first));
    const rng = createRng(1);
    const a = Array.from(standardNormal(rng, 2, 3).dataSync());
    const b = Array.from(standardNormal(rng, 2, 3).dataSync());
    expect(a).not.toEqual(b);
  });
});

describe('stopGradient', () => {
  test('stopGradient(x) passes the value and blocks the gradient', () => {
    const x = tf.tensor1d([2, 3]);
    assertAllClose(stopGradient(x).dataSync(), [2, 3], 0);
    const g = tf.grad((v: tf.Tensor) => tf.sum(tf.add(tf.mul(stopGradient(v), v), v)))(x);
    // d/dv [c·v + v] with c = v held fixed is c + 1.
    assertAllClose(g.dataSync(), [3, 4], 1e-6);
  });
});
