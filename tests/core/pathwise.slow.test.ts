/** The pathwise op (src/core/pathwise.ts) against the same objective built from per-layer ops on tfjs's tape. */
import { afterAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { VaeModel } from '../../src/core/model';
import { DEFAULT_CONFIG, type ModelConfig } from '../../src/core/config';
import { computeTerms } from '../../src/core/objective';
import { reconstructionTerm } from '../../src/core/pathwise';
import { gaussianKlPerDim } from '../../src/core/losses';
import { reparameterize } from '../../src/core/sampler';
import { assertAllClose, assertClose, useBackend } from './helpers';

afterAll(() => useBackend('cpu'));

/** The mean objective from `encode`, `reparameterize` and `decodeLogits`, each layer its own op on the tape. */
function tapeLoss(model: VaeModel, x: tf.Tensor2D, eps: tf.Tensor2D, beta: number): tf.Scalar {
  return tf.tidy(() => {
    const { mu, logVar } = model.encode(x);
    const logits = model.decodeLogits(reparameterize(mu, logVar, eps));
    const kl = tf.sum(gaussianKlPerDim(mu, logVar), 1);
    return tf.mean(tf.add(reconstructionTerm(model, logits, x), tf.mul(beta, kl)));
  });
}

describe.each(['cpu', 'wasm'] as const)('the pathwise op on %s', (backend) => {
  test.each([
    // no hidden layer: the head reads the data, the output layer reads z
    [[], 'bernoulli', 'elu'],
    [[], 'gaussian', 'tanh'],
    // two hidden layers each way
    [[6, 4], 'bernoulli', 'sigmoid'],
    [[6, 4], 'gaussian', 'elu'],
  ] as const)(
    'hidden %j, %s, %s: same loss and gradients as the tape, no tensor left',
    async (hidden, likelihood, act) => {
      await useBackend(backend);
      const config: ModelConfig = {
        ...DEFAULT_CONFIG,
        inputSize: 7,
        hiddenSizes: [...hidden],
        latentSize: 3,
        activation: act,
        likelihood,
        decoderStd: 0.7,
      };
      const model = VaeModel.create(config, 3);
      const x = tf.randomUniform([5, 7], 0, 1, 'float32', 1) as tf.Tensor2D;
      const eps = tf.randomNormal([5, 3], 0, 1, 'float32', 2) as tf.Tensor2D;
      const before = tf.memory().numTensors;
      const op = tf.variableGrads(() => computeTerms(model, x, eps, 1.7).loss, model.variables());
      const tape = tf.variableGrads(() => tapeLoss(model, x, eps, 1.7), model.variables());
      assertClose(op.value.dataSync()[0]!, tape.value.dataSync()[0]!, 1e-4, 'loss');
      for (const { name } of model.variables()) {
        const expected = tape.grads[name]!.dataSync();
        const scale = Math.max(1, ...Array.from(expected, Math.abs));
        assertAllClose(op.grads[name]!.dataSync(), expected, 1e-5 * scale, name);
      }
      tf.dispose([op.value, tape.value, ...Object.values(op.grads), ...Object.values(tape.grads)]);
      expect(tf.memory().numTensors).toBe(before);
      tf.dispose([x, eps]);
      model.dispose();
    },
  );
});
