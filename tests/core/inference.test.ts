import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { VaeModel } from '../../src/core/model';
import { resolveConfig } from '../../src/core/config';
import { decodeLatents, latentGrid, normalQuantile, reconstructImages, sampleImages } from '../../src/core/inference';
import { createRng } from '../../src/core/random';
import { assertAllClose, assertClose, useBackend } from './helpers';

beforeAll(() => useBackend('cpu'));

describe('normalQuantile', () => {
  test.each([
    // p, Φ⁻¹(p) from standard tables (R's qnorm)
    [0.5, 0],
    [0.975, 1.959963984540054],
    [0.8413447460685429, 1],
    [0.001, -3.090232306167813],
    [1e-10, -6.361340902404056],
  ])('normalQuantile(%d) = %d to 1e-8 relative', (p, expected) => {
    assertClose(normalQuantile(p), expected, 1e-8 * Math.max(1, Math.abs(expected)));
  });

  test('normalQuantile is odd around ½ and infinite at 0 and 1', () => {
    assertClose(normalQuantile(0.3), -normalQuantile(0.7), 1e-12);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });
});

describe('latentGrid', () => {
  test('latentGrid(3, 4, [1, 2]) spans Φ⁻¹(1/6 … 5/6) along dims 1 (→ right) and 2 (→ up), zeros elsewhere', () => {
    const grid = latentGrid(3, 4, [1, 2]);
    expect(grid).toHaveLength(36);
    const q = [normalQuantile(1 / 6), 0, normalQuantile(5 / 6)];
    // top-left, centre, bottom-right
    assertAllClose(grid.subarray(0, 4), [0, q[0]!, q[2]!, 0], 1e-6);
    assertAllClose(grid.subarray(16, 20), [0, 0, 0, 0], 1e-6);
    assertAllClose(grid.subarray(32, 36), [0, q[2]!, q[0]!, 0], 1e-6);
  });
});

describe('images from a model', () => {
  const config = resolveConfig({ inputSize: 9, hiddenSizes: [5], latentSize: 2 });

  test('sampleImages(model, n, rng) gives n images in [0, 1], the same for the same seed', () => {
    const model = VaeModel.create(config, 1);
    const a = sampleImages(model, 4, createRng(3));
    expect(a).toHaveLength(36);
    expect(a.every((p) => p >= 0 && p <= 1)).toBe(true);
    expect(Array.from(sampleImages(model, 4, createRng(3)))).toEqual(Array.from(a));
    model.dispose();
  });

  test('reconstructImages(model, x, n) decodes μ(x); with an rng it decodes a sample instead', () => {
    const model = VaeModel.create(config, 1);
    const x = createRng(5).fillUniform(new Float32Array(18));
    const viaMean = reconstructImages(model, x, 2);
    const { mu } = model.encode(tfTensor(x, 2));
    assertAllClose(viaMean, decodeLatents(model, mu.dataSync() as Float32Array, 2), 1e-6);
    expect(Array.from(reconstructImages(model, x, 2, createRng(1)))).not.toEqual(Array.from(viaMean));
    model.dispose();
  });
});

function tfTensor(values: Float32Array, rows: number): tf.Tensor2D {
  return tf.tensor2d(values, [rows, values.length / rows]);
}
