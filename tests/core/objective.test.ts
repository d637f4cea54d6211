import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { VaeModel } from '../../src/core/model';
import { DEFAULT_CONFIG, type GradientEstimator, type ModelConfig } from '../../src/core/config';
import { computeTerms } from '../../src/core/objective';
import { createRng } from '../../src/core/random';
import { assertAllClose, assertClose, useBackend } from './helpers';

beforeAll(() => useBackend('cpu'));

const config: ModelConfig = { ...DEFAULT_CONFIG, inputSize: 5, hiddenSizes: [4], latentSize: 2, activation: 'tanh' };

describe('computeTerms', () => {
  test('computeTerms(model, x, eps, β) returns per-example terms whose mean is the pathwise loss', () => {
    const model = VaeModel.create(config, 1);
    const rng = createRng(2);
    const x = tf.tensor2d(rng.fillUniform(new Float32Array(15)), [3, 5]);
    const eps = tf.tensor2d(rng.fillNormal(new Float32Array(6)), [3, 2]);
    const terms = computeTerms(model, x, eps, 3);
    expect(terms.reconstruction.shape).toEqual([3]);
    expect(terms.klPerDim.shape).toEqual([3, 2]);
    const objective = terms.objective.dataSync();
    assertAllClose(
      objective,
      Array.from(terms.reconstruction.dataSync(), (r, i) => r + 3 * terms.kl.dataSync()[i]!),
      1e-5,
    );
    assertClose(terms.loss.dataSync()[0]!, (objective[0]! + objective[1]! + objective[2]!) / 3, 1e-5);
    model.dispose();
  });

  test('computeTerms with the score estimator reports the same terms as pathwise (only the gradient differs)', () => {
    const model = VaeModel.create(config, 1);
    const x = tf.tensor2d(createRng(3).fillUniform(new Float32Array(10)), [2, 5]);
    const eps = tf.tensor2d([
      [0.3, -1],
      [1.2, 0.1],
    ]);
    const a = computeTerms(model, x, eps, 1, 'pathwise');
    const b = computeTerms(model, x, eps, 1, 'score-baseline', 4);
    assertAllClose(b.objective.dataSync(), a.objective.dataSync(), 0);
    model.dispose();
  });
});

/** Mean and standard error, over `repeats` batches of `batch` copies of one x, of the loss gradient for every variable. */
function gradientMoments(
  model: VaeModel,
  estimator: GradientEstimator,
  baseline: number,
  seed: number,
  repeats: number,
  batch: number,
) {
  const rng = createRng(seed);
  const x = tf.tensor2d(
    Float32Array.from({ length: batch * 5 }, (_, i) => [0.9, 0.1, 0.5, 0.7, 0.2][i % 5]!),
    [batch, 5],
  );
  const draws: Float64Array[] = [];
  for (let r = 0; r < repeats; r++) {
    const eps = tf.tensor2d(rng.fillNormal(new Float32Array(batch * 2)), [batch, 2]);
    const { grads } = tf.variableGrads(
      () => computeTerms(model, x, eps, 1, estimator, baseline).loss,
      model.variables(),
    );
    draws.push(Float64Array.from(model.variables().flatMap((v) => Array.from(grads[v.name]!.dataSync()))));
    tf.dispose([eps, grads]);
  }
  const size = draws[0]!.length;
  const mean = new Float64Array(size);
  const se = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    for (const d of draws) mean[i] = mean[i]! + d[i]! / repeats;
    let ss = 0;
    for (const d of draws) ss += (d[i]! - mean[i]!) ** 2;
    se[i] = Math.sqrt(ss / (repeats - 1) / repeats);
  }
  return { mean, se };
}

describe('score-function gradient mode', () => {
  test.each([
    ['score', 0],
    ['score-baseline', 3.4],
  ] as const)(
    'computeTerms(…, %s, b = %d).loss has the same expected gradient as pathwise (every weight, within 5 SE)',
    (estimator, baseline) => {
      const model = VaeModel.create(config, 4);
      const pathwise = gradientMoments(model, 'pathwise', 0, 10, 6, 4000);
      const score = gradientMoments(model, estimator, baseline, 11, 6, 4000);
      // 5 SE rather than 4: about 80 weights are compared at once, and a 4-SE miss has odds ≈ 1 in 16 000 each.
      for (let i = 0; i < pathwise.mean.length; i++) {
        const tolerance = 5 * Math.hypot(pathwise.se[i]!, score.se[i]!) + 1e-6;
        assertClose(score.mean[i]!, pathwise.mean[i]!, tolerance, `weight ${i}`);
      }
      model.dispose();
    },
  );

  test('the score-function gradient is noisier than the pathwise one (the reason the trick exists)', () => {
    const model = VaeModel.create(config, 4);
    const pathwise = gradientMoments(model, 'pathwise', 0, 10, 6, 500);
    const score = gradientMoments(model, 'score', 0, 11, 6, 500);
    const total = (se: Float64Array) => se.reduce((s, v) => s + v * v, 0);
    expect(total(score.se)).toBeGreaterThan(10 * total(pathwise.se));
    model.dispose();
  });
});
