import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { adamModuleBytes } from '../../src/core/adam-wasm';
import { adamReference, fusedAdamForActiveBackend, prepareFusedAdam } from '../../src/core/adam-kernels';
import { Adam } from '../../src/core/adam';
import { VaeModel } from '../../src/core/model';
import { resolveConfig } from '../../src/core/config';
import { computeTerms } from '../../src/core/objective';
import { createRng } from '../../src/core/random';
import { assertAllClose, useBackend } from './helpers';

beforeAll(() => useBackend('wasm'));
afterAll(() => useBackend('cpu'));

describe('the SIMD Adam module', () => {
  test('is valid WebAssembly for both tfjs builds (memory shared with threads, or not)', () => {
    expect(WebAssembly.validate(adamModuleBytes(false))).toBe(true);
    expect(WebAssembly.validate(adamModuleBytes(true))).toBe(true);
  });
});

describe('prepareFusedAdam() on wasm', () => {
  test('passes its check, and the update matches adamReference on every number (1,027 of them: a tail of 3)', async () => {
    await expect(prepareFusedAdam()).resolves.toBe(true);
    const fused = fusedAdamForActiveBackend();
    expect(fused).not.toBeNull();
    const rng = createRng(3);
    const size = 1027;
    const [w, g, m] = [0, 1, 2].map(() => rng.fillNormal(new Float32Array(size)));
    const v = Float32Array.from(rng.fillNormal(new Float32Array(size)), (n) => n * n);
    const operands = { weights: tf.tensor(w!), gradient: tf.tensor(g!), first: tf.tensor(m!), second: tf.tensor(v) };
    const c = { alpha: 0.02, epsilonHat: 1e-4, beta1: 0.85, beta2: 0.995 };
    const before = tf.memory().numTensors;
    const out = fused!(operands, c);
    const expected = Array.from(w!, (wi, i) => adamReference(wi, g![i]!, m![i]!, v[i]!, c));
    (['weights', 'first', 'second'] as const).forEach((part, k) =>
      assertAllClose(
        out[part].dataSync(),
        expected.map((e) => e[k]!),
        1e-5,
        part,
      ),
    );
    // New tensors, the operands untouched: restore points rely on it.
    assertAllClose(operands.weights.dataSync(), w!, 0, 'weights before the update');
    tf.dispose([out.weights, out.first, out.second]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(Object.values(operands));
  });

  test('30 Adam steps of a VAE with the SIMD update land where the tfjs-ops update does', () => {
    const config = resolveConfig({ inputSize: 10, hiddenSizes: [6], latentSize: 2 });
    const [a, b] = [VaeModel.create(config, 3), VaeModel.create(config, 3)];
    const rng = createRng(4);
    const x = tf.tensor2d(rng.fillUniform(new Float32Array(40)), [4, 10]);
    const eps = tf.tensor2d(rng.fillNormal(new Float32Array(8)), [4, 2]);
    const [fused, ops] = [new Adam({ learningRate: 0.01 }), new Adam({ learningRate: 0.01, kernels: 'ops' })];
    for (let i = 0; i < 30; i++) {
      tf.dispose(fused.minimize(() => computeTerms(a, x, eps, 1).loss, true, a.variables()) as tf.Scalar);
      tf.dispose(ops.minimize(() => computeTerms(b, x, eps, 1).loss, true, b.variables()) as tf.Scalar);
    }
    expect([fused.path, ops.path]).toEqual(['fused', 'ops']);
    a.getWeights().forEach((weight, i) => assertAllClose(weight.values, b.getWeights()[i]!.values, 2e-5, weight.name));
    [a, b, fused, ops].forEach((t) => t.dispose());
    tf.dispose([x, eps]);
  });
});
