import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { VaeModel, transposesWeights } from '../../src/core/model';
import { DEFAULT_CONFIG, type ModelConfig } from '../../src/core/config';
import { computeTerms } from '../../src/core/objective';
import { Rng, createRng } from '../../src/core/random';
import { assertClose, useBackend } from './helpers';

beforeAll(() => useBackend('cpu'));

const tiny = (overrides: Partial<ModelConfig> = {}): ModelConfig => ({
  ...DEFAULT_CONFIG,
  inputSize: 6,
  hiddenSizes: [5],
  latentSize: 2,
  ...overrides,
});

describe('VaeModel', () => {
  test('VaeModel.create(config, seed) gives the same weights for the same seed and different ones otherwise', () => {
    const a = VaeModel.create(tiny(), 3);
    const b = VaeModel.create(tiny(), 3);
    const c = VaeModel.create(tiny(), 4);
    const flat = (m: VaeModel) => m.getWeights().flatMap((w) => Array.from(w.values));
    expect(flat(a)).toEqual(flat(b));
    expect(flat(a)).not.toEqual(flat(c));
    [a, b, c].forEach((m) => m.dispose());
  });

  test('model.encode(x) returns μ and log σ² of shape [batch, latent]; model.decode(z) returns pixels in [0, 1]', () => {
    const model = VaeModel.create(tiny({ hiddenSizes: [7, 4], latentSize: 3 }), 1);
    const { mu, logVar } = model.encode(tf.randomUniform([4, 6]) as tf.Tensor2D);
    expect(mu.shape).toEqual([4, 3]);
    expect(logVar.shape).toEqual([4, 3]);
    const pixels = model.decode(mu).dataSync();
    expect(pixels.length).toBe(24);
    expect(pixels.every((p) => p >= 0 && p <= 1)).toBe(true);
    // 6·7+7 + 7·4+4 + 4·6+6 (head: 2·latent) + 3·4+4 + 4·7+7 + 7·6+6
    expect(model.parameterCount()).toBe(49 + 32 + 30 + 16 + 35 + 48);
    model.dispose();
  });

  test('model.setWeights(model.getWeights()) round-trips, and rejects weights of another shape', () => {
    const a = VaeModel.create(tiny(), 1);
    const b = VaeModel.create(tiny(), 2);
    b.setWeights(a.getWeights());
    expect(b.getWeights()).toEqual(a.getWeights());
    const other = VaeModel.create(tiny({ latentSize: 3 }), 1);
    expect(() => other.setWeights(a.getWeights())).toThrow(/shape/);
    [a, b, other].forEach((m) => m.dispose());
  });

  test('VaeModel.create(config, seed, weights) starts from those weights without drawing init noise; wrong ones make no variable', () => {
    const saved = VaeModel.create(tiny(), 1);
    const normal = vi.spyOn(Rng.prototype, 'normal');
    const loaded = VaeModel.create(tiny(), 2, saved.getWeights());
    expect(normal).not.toHaveBeenCalled();
    expect(loaded.getWeights()).toEqual(saved.getWeights());
    // The spy does see the draws of a model built from its seed.
    VaeModel.create(tiny(), 2).dispose();
    expect(normal).toHaveBeenCalled();
    normal.mockRestore();

    const before = tf.memory().numTensors;
    expect(() => VaeModel.create(tiny({ latentSize: 3 }), 1, saved.getWeights())).toThrow(
      /Weight encoder\/head\/kernel has shape \[5,4\], but this model needs \[5,6\] there/,
    );
    expect(() => VaeModel.create(tiny(), 1, saved.getWeights().slice(1))).toThrow(/Expected 8 weight arrays, got 7/);
    expect(tf.memory().numTensors).toBe(before);
    [saved, loaded].forEach((m) => m.dispose());
  });

  test('model.dispose() frees every variable', () => {
    const before = tf.memory().numTensors;
    const model = VaeModel.create(tiny({ hiddenSizes: [8, 8] }), 1);
    expect(tf.memory().numTensors).toBe(before + model.variables().length);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

/** Central differences of the mean objective for every parameter, compared with tfjs's gradient. */
function checkGradients(config: ModelConfig, beta: number): void {
  const model = VaeModel.create(config, 5);
  const rng = createRng(8);
  const batch = 3;
  const x = tf.tensor2d(rng.fillUniform(new Float32Array(batch * config.inputSize)), [batch, config.inputSize]);
  const eps = tf.tensor2d(rng.fillNormal(new Float32Array(batch * config.latentSize)), [batch, config.latentSize]);
  const loss = () => computeTerms(model, x, eps, beta).loss;
  const { grads } = tf.variableGrads(loss, model.variables());
  // float32 on a loss of order 5: rounding ≈ 5e-7, so with h = 1e-2 the central difference carries ≈ 5e-5 of
  // rounding noise and an O(h²) truncation error; 2e-3 absolute plus 2 % relative covers both.
  const h = 1e-2;
  for (const variable of model.variables()) {
    const analytic = grads[variable.name]!.dataSync();
    const values = variable.dataSync().slice();
    for (let i = 0; i < values.length; i++) {
      const evaluate = (delta: number) => {
        const shifted = values.slice();
        shifted[i] = values[i]! + delta;
        variable.assign(tf.tensor(shifted, variable.shape));
        return loss().dataSync()[0]!;
      };
      const numeric = (evaluate(h) - evaluate(-h)) / (2 * h);
      variable.assign(tf.tensor(values, variable.shape));
      assertClose(analytic[i]!, numeric, 2e-3 + 0.02 * Math.abs(numeric), `${variable.name}[${i}]`);
    }
  }
  model.dispose();
}

describe.each(['cpu', 'wasm'] as const)('gradients of the objective on %s', (backend) => {
  // The backward pass differs by backend (explicit transposes on wasm, transposed matMuls elsewhere): check both.
  beforeAll(() => useBackend(backend));
  afterAll(() => useBackend('cpu'));

  test.each([
    // every activation's hand-written backward pass (model.ts activationSlope) is checked here
    ['bernoulli', 'tanh', 1],
    ['bernoulli', 'elu', 4],
    ['gaussian', 'tanh', 0.5],
    ['bernoulli', 'sigmoid', 1],
    // ReLU has a kink; with these seeds no pre-activation lies within h of 0, so differences stay valid.
    ['gaussian', 'relu', 2],
  ] as const)(
    'tf.variableGrads(computeTerms(%s, %s, β=%d).loss) matches central finite differences',
    (likelihood, activation, beta) => {
      checkGradients(
        tiny({ likelihood, activation, decoderStd: 1, inputSize: 5, hiddenSizes: [4], latentSize: 2 }),
        beta,
      );
    },
  );
  test.each(['relu', 'elu', 'tanh', 'sigmoid'] as const)(
    'a NaN weight in the first layer makes the loss NaN with %s (a fused activation must not hide it)',
    (activation) => {
      const model = VaeModel.create(tiny({ activation }), 2);
      const weights = model.getWeights();
      const first = weights[0]!;
      model.setWeights([
        { ...first, values: new Float32Array(first.values.length).fill(Number.NaN) },
        ...weights.slice(1),
      ]);
      const x = tf.ones([2, 6]) as tf.Tensor2D;
      const eps = tf.zeros([2, 2]) as tf.Tensor2D;
      expect(Number.isNaN(tf.tidy(() => computeTerms(model, x, eps, 1).loss).dataSync()[0])).toBe(true);
      tf.dispose([x, eps]);
      model.dispose();
    },
  );
});

describe('the input gradient on wasm: δ·transpose(W) or (W·transpose(δ))ᵀ, whichever moves fewer numbers', () => {
  beforeAll(() => useBackend('wasm'));
  afterAll(() => useBackend('cpu'));

  test("the book's layers at batch 64: the decoder output transposes δ, the encoder head transposes W", () => {
    expect(transposesWeights(64, 256, 784)).toBe(false);
    expect(transposesWeights(64, 256, 32)).toBe(true);
    expect(transposesWeights(64, 16, 256)).toBe(true);
  });

  test('both forms in one model (batch 3: 8 → 4 and 8 → 12 transpose δ, 2 → 8 transposes W) match finite differences', () => {
    expect([transposesWeights(3, 8, 4), transposesWeights(3, 8, 12), transposesWeights(3, 2, 8)]).toEqual([
      false,
      false,
      true,
    ]);
    checkGradients(
      tiny({ likelihood: 'bernoulli', activation: 'tanh', inputSize: 12, hiddenSizes: [8], latentSize: 2 }),
      1,
    );
  });
});
