import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import {
  adamReference,
  fusedAdamForActiveBackend,
  fusedAdamPassesCheck,
  prepareFusedAdam,
  webglAdamProgram,
  webgpuAdamProgram,
  type AdamConstants,
  type FusedAdam,
} from '../../src/core/adam-kernels';
import { adamUpdate } from '../../src/core/adam';
import { assertAllClose, useBackend } from './helpers';

beforeAll(() => useBackend('cpu'));

/** The fused update written with tfjs ops: what a correct GPU kernel must compute. */
const opsFused =
  (tweak: Partial<AdamConstants> = {}): FusedAdam =>
  ({ weights, gradient, first, second }, constants) => {
    const c = { ...constants, ...tweak };
    const m = tf.add(first, tf.mul(1 - c.beta1, tf.sub(gradient, first)));
    const v = tf.add(second, tf.mul(1 - c.beta2, tf.sub(tf.square(gradient), second)));
    return {
      weights: tf.sub(weights, tf.div(tf.mul(c.alpha, m), tf.add(tf.sqrt(v), c.epsilonHat))),
      first: m,
      second: v,
    };
  };

describe('adamReference(w, g, m, v, constants)', () => {
  test('matches adamUpdate (the tfjs-ops update the book shows) element by element', () => {
    const c = { alpha: 0.01, epsilonHat: 1e-6, beta1: 0.9, beta2: 0.999 };
    const [w, g, m, v] = [
      [0.3, -1.2, 2],
      [0.5, -0.25, 0],
      [0.01, 0.2, -0.1],
      [0.001, 0.04, 0.3],
    ];
    const moments = { first: tf.variable(tf.tensor1d(m!)), second: tf.variable(tf.tensor1d(v!)) };
    const step = adamUpdate(moments, tf.tensor1d(g!), c.beta1, c.beta2, c.alpha, c.epsilonHat);
    const expected = w!.map((wi, i) => adamReference(wi, g![i]!, m![i]!, v![i]!, c));
    assertAllClose(
      tf.sub(tf.tensor1d(w!), step).dataSync(),
      expected.map((e) => e[0]),
      1e-7,
      'weights',
    );
    assertAllClose(
      moments.first.dataSync(),
      expected.map((e) => e[1]),
      1e-7,
      'first moment',
    );
    assertAllClose(
      moments.second.dataSync(),
      expected.map((e) => e[2]),
      1e-7,
      'second moment',
    );
    tf.dispose([moments.first, moments.second, step]);
  });
});

describe('fusedAdamPassesCheck(fused)', () => {
  test('accepts a correct update and leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    await expect(fusedAdamPassesCheck(opsFused())).resolves.toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });

  test.each([
    ['β₂ off by 0.009 (a wrong constant in the shader)', opsFused({ beta2: 0.999 })],
    ['ε̂ ignored', opsFused({ epsilonHat: 0 })],
  ])('rejects an update with %s', async (_, fused) => {
    await expect(fusedAdamPassesCheck(fused)).resolves.toBe(false);
  });

  test('rejects kernels that return zeros (what a lost WebGPU device reads back) or the wrong size, or that throw', async () => {
    const zeros: FusedAdam = ({ weights }) => ({
      weights: tf.zerosLike(weights),
      first: tf.zerosLike(weights),
      second: tf.zerosLike(weights),
    });
    const short: FusedAdam = (operands, c) => {
      const out = opsFused()(operands, c);
      return { ...out, second: tf.slice(tf.reshape(out.second, [-1]), 0, 2) };
    };
    const throws: FusedAdam = () => {
      throw new Error('shader failed to link');
    };
    const before = tf.memory().numTensors;
    for (const fused of [zeros, short, throws]) await expect(fusedAdamPassesCheck(fused)).resolves.toBe(false);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('prepareFusedAdam() on a backend without custom kernels', () => {
  test('resolves false on cpu and training keeps to tfjs ops', async () => {
    await expect(prepareFusedAdam()).resolves.toBe(false);
    expect(fusedAdamForActiveBackend()).toBeNull();
  });
});

describe('the kernel programs', () => {
  test('WebGL: packed, reading only the operands each output needs, with the step constants as uniforms', () => {
    const weights = webglAdamProgram('weights', [3, 5]);
    expect(weights).toMatchObject({
      variableNames: ['W', 'G', 'M', 'V'],
      outputShape: [3, 5],
      packedInputs: true,
      packedOutput: true,
    });
    expect(weights.customUniforms.map((u) => u.name)).toEqual([
      'alpha',
      'epsilonHat',
      'oneMinusBeta1',
      'oneMinusBeta2',
    ]);
    expect(weights.userCode).toContain('sqrt(v + oneMinusBeta2 * (g * g - v))');
    expect(webglAdamProgram('first', [7]).variableNames).toEqual(['G', 'M']);
    expect(webglAdamProgram('second', [7]).variableNames).toEqual(['G', 'V']);
  });

  test('WebGPU: one invocation per number, enough workgroups to cover every weight', () => {
    const program = webgpuAdamProgram('weights', [784, 256]);
    expect(program.dispatch).toEqual([Math.ceil((784 * 256) / 128), 1, 1]);
    expect(program.uniforms).toBe('alpha : f32, epsilonHat : f32, oneMinusBeta1 : f32, oneMinusBeta2 : f32,');
    expect(program.getUserCode()).toContain('uniforms.alpha * (m + uniforms.oneMinusBeta1 * (g - m))');
    expect(program.getUserCode()).toContain('if (index < uniforms.size)');
  });
});
