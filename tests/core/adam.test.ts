import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { Adam, adamStepSize } from '../../src/core/adam';
import { VaeModel } from '../../src/core/model';
import { resolveConfig } from '../../src/core/config';
import { computeTerms } from '../../src/core/objective';
import { createRng } from '../../src/core/random';
import type { FusedAdam } from '../../src/core/adam-kernels';
import { assertAllClose, assertClose, useBackend } from './helpers';

/** A fused update built from tfjs ops, standing in for the GPU kernels (which Node cannot run). */
const opsFused: FusedAdam = ({ weights, gradient, first, second }, c) => {
  const m = tf.add(first, tf.mul(1 - c.beta1, tf.sub(gradient, first)));
  const v = tf.add(second, tf.mul(1 - c.beta2, tf.sub(tf.square(gradient), second)));
  return {
    weights: tf.sub(weights, tf.div(tf.mul(c.alpha, m), tf.add(tf.sqrt(v), c.epsilonHat))),
    first: m,
    second: v,
  };
};

beforeAll(() => useBackend('cpu'));

describe('Adam', () => {
  test('adamStepSize(α, β₁, β₂, ε, 1) = α·√(1 − β₂)/(1 − β₁) by hand', () => {
    const { alpha, epsilonHat } = adamStepSize(0.01, 0.9, 0.999, 1e-7, 1);
    assertClose(alpha, (0.01 * Math.sqrt(0.001)) / 0.1, 1e-15);
    assertClose(epsilonHat, 1e-7 * Math.sqrt(0.001), 1e-20);
  });

  test.each([
    ['ops', 'ops'],
    ['a fused update', 'fused'],
  ] as const)(
    'new Adam({learningRate, kernels: %s}) takes the same 30 steps as tf.train.adam on a VAE objective',
    (_, kind) => {
      const config = resolveConfig({ inputSize: 10, hiddenSizes: [6], latentSize: 2 });
      const [a, b] = [VaeModel.create(config, 3), VaeModel.create(config, 3)];
      const rng = createRng(4);
      const x = tf.tensor2d(rng.fillUniform(new Float32Array(40)), [4, 10]);
      const eps = tf.tensor2d(rng.fillNormal(new Float32Array(8)), [4, 2]);
      const ours = new Adam({ learningRate: 0.01, kernels: kind === 'ops' ? 'ops' : opsFused });
      const reference = tf.train.adam(0.01);
      for (let i = 0; i < 30; i++) {
        if (i === 15) {
          // A learning-rate change mid-run must act the same way in both.
          ours.learningRate = 0.003;
          (reference as unknown as { learningRate: number }).learningRate = 0.003;
        }
        tf.dispose(ours.minimize(() => computeTerms(a, x, eps, 1).loss, true, a.variables()) as tf.Scalar);
        tf.dispose(reference.minimize(() => computeTerms(b, x, eps, 1).loss, true, b.variables()) as tf.Scalar);
      }
      // The same arithmetic in a different order: float32 rounding differences only.
      a.getWeights().forEach((w, i) => assertAllClose(w.values, b.getWeights()[i]!.values, 2e-5, w.name));
      expect(ours.iterations).toBe(30);
      expect(ours.path).toBe(kind);
      [a, b].forEach((m) => m.dispose());
      reference.dispose();
      const before = tf.memory().numTensors;
      ours.dispose();
      // Two moment estimates per variable are freed.
      expect(tf.memory().numTensors).toBe(before - 2 * a.variables().length);
    },
  );

  test('adam.setState(adam.getState(vars), otherVars) continues exactly on a rebuilt model', () => {
    const config = resolveConfig({ inputSize: 10, hiddenSizes: [6], latentSize: 2 });
    const [a, b] = [VaeModel.create(config, 3), VaeModel.create(config, 8)];
    const rng = createRng(4);
    const x = tf.tensor2d(rng.fillUniform(new Float32Array(40)), [4, 10]);
    const eps = tf.tensor2d(rng.fillNormal(new Float32Array(8)), [4, 2]);
    const [first, second] = [new Adam({ learningRate: 0.01 }), new Adam({ learningRate: 0.01 })];
    expect(first.getState(a.variables())).toEqual({ step: 0, first: new Float32Array(0), second: new Float32Array(0) });
    const step = (optimizer: Adam, model: VaeModel) =>
      tf.dispose(optimizer.minimize(() => computeTerms(model, x, eps, 1).loss, true, model.variables()) as tf.Scalar);
    for (let i = 0; i < 5; i++) step(first, a);
    const state = first.getState(a.variables());
    expect(state.step).toBe(5);
    expect(state.first).toHaveLength(a.parameterCount());
    // The first moment is a running mean of gradients: not zero after five steps.
    expect(state.first.some((m) => m !== 0)).toBe(true);
    b.setWeights(a.getWeights());
    second.setState(state, b.variables());
    expect(second.iterations).toBe(5);
    for (let i = 0; i < 3; i++) {
      step(first, a);
      step(second, b);
    }
    a.getWeights().forEach((w, i) => assertAllClose(w.values, b.getWeights()[i]!.values, 1e-7, w.name));
    expect(() =>
      second.setState({ step: 1, first: new Float32Array(3), second: new Float32Array(3) }, b.variables()),
    ).toThrow(/holds 3 and 3 moments/);
    [first, second].forEach((o) => o.dispose());
    [a, b].forEach((m) => m.dispose());
    tf.dispose([x, eps]);
  });

  test('adam.setState(fresh state) after updates differs from keeping the moments, so the state matters', () => {
    const config = resolveConfig({ inputSize: 10, hiddenSizes: [6], latentSize: 2 });
    const [a, b] = [VaeModel.create(config, 3), VaeModel.create(config, 3)];
    const x = tf.tensor2d(createRng(4).fillUniform(new Float32Array(40)), [4, 10]);
    const eps = tf.zeros([4, 2]) as tf.Tensor2D;
    const [kept, restarted] = [new Adam({ learningRate: 0.01 }), new Adam({ learningRate: 0.01 })];
    const step = (optimizer: Adam, model: VaeModel) =>
      tf.dispose(optimizer.minimize(() => computeTerms(model, x, eps, 1).loss, true, model.variables()) as tf.Scalar);
    for (let i = 0; i < 4; i++) {
      step(kept, a);
      step(restarted, b);
    }
    restarted.setState({ step: 0, first: new Float32Array(0), second: new Float32Array(0) }, b.variables());
    step(kept, a);
    step(restarted, b);
    const gap = Math.max(
      ...a.getWeights().flatMap((w, i) => Array.from(w.values, (v, j) => Math.abs(v - b.getWeights()[i]!.values[j]!))),
    );
    expect(gap).toBeGreaterThan(1e-5);
    [kept, restarted].forEach((o) => o.dispose());
    [a, b].forEach((m) => m.dispose());
    tf.dispose([x, eps]);
  });

  test('kernels that throw (a driver that refuses them) hand over to tfjs ops for good, with the same numbers', () => {
    const config = resolveConfig({ inputSize: 10, hiddenSizes: [6], latentSize: 2 });
    const [a, b] = [VaeModel.create(config, 3), VaeModel.create(config, 3)];
    const x = tf.tensor2d(createRng(4).fillUniform(new Float32Array(40)), [4, 10]);
    const eps = tf.tensor2d(createRng(5).fillNormal(new Float32Array(8)), [4, 2]);
    let calls = 0;
    const refusing: FusedAdam = () => {
      calls += 1;
      throw new Error('shader failed to compile');
    };
    const [failing, plain] = [
      new Adam({ learningRate: 0.01, kernels: refusing }),
      new Adam({ learningRate: 0.01, kernels: 'ops' }),
    ];
    for (let i = 0; i < 3; i++) {
      tf.dispose(failing.minimize(() => computeTerms(a, x, eps, 1).loss, true, a.variables()) as tf.Scalar);
      tf.dispose(plain.minimize(() => computeTerms(b, x, eps, 1).loss, true, b.variables()) as tf.Scalar);
    }
    expect(calls).toBe(1);
    expect(failing.path).toBe('ops');
    a.getWeights().forEach((w, i) => assertAllClose(w.values, b.getWeights()[i]!.values, 0, w.name));
    [failing, plain].forEach((o) => o.dispose());
    [a, b].forEach((m) => m.dispose());
    tf.dispose([x, eps]);
  });
});
