import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { VaeModel } from '../../src/core/model';
import { resolveConfig } from '../../src/core/config';
import { reconstructImages } from '../../src/core/inference';
import { encodeMeans } from '../../src/core/estimators';
import { encodeImage } from '../../src/worker/encode-image';
import type { WorkerRequest } from '../../src/worker/protocol';
import { assertClose, useBackend } from '../core/helpers';
import { SIDE, bundle, config, harness, isPlain } from './harness';

const INPUT = SIDE * SIDE;
const firstTestImage = () => bundle.test.images.slice(0, INPUT);
let model: VaeModel | null = null;
beforeAll(() => useBackend('cpu'));
afterEach(() => {
  model?.dispose();
  model = null;
});

describe('encodeImage(model, pixels)', () => {
  test('gives the encoder mean encodeMeans gives and the reconstruction reconstructImages gives', () => {
    model = VaeModel.create(resolveConfig(config), 3);
    const pixels = firstTestImage();
    const encoding = encodeImage(model, pixels);
    expect(encoding.mean).toEqual(encodeMeans(model, pixels, 1));
    expect(encoding.logVar).toHaveLength(2);
    expect(encoding.reconstruction).toEqual(reconstructImages(model, pixels, 1));
  });

  test('elbo = −(Bernoulli cross-entropy of decode(μ) + ½Σ(μ² + σ² − 1 − log σ²)), recomputed by hand in float64', () => {
    model = VaeModel.create(resolveConfig(config), 3);
    const pixels = firstTestImage();
    const { mean, logVar, reconstruction, elbo } = encodeImage(model, pixels);
    let kl = 0;
    mean.forEach((mu, d) => (kl += 0.5 * (mu * mu + Math.exp(logVar[d]!) - 1 - logVar[d]!)));
    let crossEntropy = 0;
    pixels.forEach((x, i) => {
      const p = reconstruction[i]!;
      crossEntropy -= x * Math.log(p) + (1 - x) * Math.log(1 - p);
    });
    expect(kl).toBeGreaterThan(0);
    assertClose(elbo, -(crossEntropy + kl), 1e-3, 'elbo');
  });

  test('is deterministic and leaves tf.memory().numTensors unchanged', () => {
    model = VaeModel.create(resolveConfig(config), 3);
    const before = tf.memory().numTensors;
    const [a, b] = [encodeImage(model, firstTestImage()), encodeImage(model, firstTestImage())];
    expect(tf.memory().numTensors).toBe(before);
    expect(a.elbo).toBe(b.elbo);
  });
});

describe("handle({type: 'encodeImage'})", () => {
  test('answers an encoding event with the step, typed arrays of the right lengths, and the request id', async () => {
    const h = harness();
    await h.send({ type: 'init', config, dataset: 'strokes' });
    await h.send({ type: 'step', count: 4 });
    await h.send({ type: 'reconstruct', count: 1, id: 1 });
    await h.send({ type: 'encodeImage', pixels: firstTestImage(), id: 2 });
    const encoding = h.byId(2, 'encoding')!;
    expect(encoding).toMatchObject({ step: 4 });
    expect(encoding.mean).toBeInstanceOf(Float32Array);
    expect(encoding.mean).toHaveLength(2);
    expect(encoding.logVar).toHaveLength(2);
    expect(encoding.reconstruction).toEqual(h.byId(1, 'images')!.pixels);
    expect(Number.isFinite(encoding.elbo)).toBe(true);
    expect(h.events.every(isPlain)).toBe(true);
    await h.send({ type: 'dispose' });
  });

  test.each([
    // pixels, what the message names
    [new Float32Array(INPUT - 1), /pixels holds 63 numbers, this model reads 64/],
    [new Float32Array(INPUT).fill(Number.NaN), /pixel 0 is NaN/],
    [Float32Array.from({ length: INPUT }, (_, i) => (i === 5 ? 1.5 : 0)), /numbers in \[0, 1\]; pixel 5 is 1.5/],
    [Float32Array.from({ length: INPUT }, (_, i) => (i === 9 ? Number.POSITIVE_INFINITY : 0.5)), /pixel 9 is Infinity/],
  ])('pixels %# answer bad-request and say why', async (pixels, message) => {
    const h = harness();
    await h.send({ type: 'init', config, dataset: 'strokes' });
    await h.send({ type: 'encodeImage', pixels, id: 3 } as WorkerRequest);
    expect(h.of('error')[0]).toMatchObject({ code: 'bad-request', id: 3 });
    expect(h.of('error')[0]!.message).toMatch(message);
    expect(h.of('encoding')).toHaveLength(0);
    await h.send({ type: 'dispose' });
  });
});
