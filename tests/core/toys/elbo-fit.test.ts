import { describe, expect, test } from 'vitest';
import {
  FIT_DEFAULTS,
  FIT_STEPS,
  elboGradient,
  fitGradient,
  fitPath,
  fitPoint,
  fitStep,
  gaussianOf,
  learningRateAt,
  paramsOf,
  reparameterizedElboGradient,
  type QParams,
} from '../../../src/core/toys/elbo-fit';
import {
  exactPosterior,
  klToPosterior,
  logEvidence,
  toyElbo,
  type Gaussian1D,
  type LinearGaussian,
} from '../../../src/core/toys/linear-gaussian';
import { createRng } from '../../../src/core/random';
import { assertClose } from '../helpers';

/** Chapter 1's toy, the one the widget uses. */
const toy: LinearGaussian = { w: 2, b: 1, s: 0.5 };

const cases: [string, LinearGaussian, number, Gaussian1D][] = [
  // the widget's default: x = 3, q = N(0.5, 0.5²)
  ['chapter 1 toy, default q', toy, 3, { mean: 0.5, variance: 0.25 }],
  // an observation far out, a wide q on the wrong side
  ['chapter 1 toy, far x', toy, 11, { mean: -2, variance: 4 }],
  // a weak decoder: the posterior stays near the prior
  ['weak decoder', { w: 0.3, b: 0, s: 1.2 }, -0.4, { mean: 0.5, variance: 0.3 }],
  // negative weight, narrow q
  ['negative w', { w: -1.5, b: 2, s: 0.5 }, 0, { mean: 1.2, variance: 0.01 }],
];

/** The ELBO as a function of (μ, log σ), for finite differences. */
const elboAt = (model: LinearGaussian, x: number, p: QParams) => toyElbo(model, x, gaussianOf(p));

describe('gaussianOf(params) and paramsOf(q)', () => {
  test('are inverse: (μ, log σ) ↔ N(μ, σ²)', () => {
    const q = { mean: -0.7, variance: 0.09 };
    assertClose(paramsOf(q).logStd, Math.log(0.3), 1e-15);
    const back = gaussianOf(paramsOf(q));
    assertClose(back.mean, q.mean, 0);
    assertClose(back.variance, q.variance, 1e-15);
  });
});

describe.each(cases)('ELBO gradients, %s', (_label, model, x, q) => {
  test('elboGradient(model, x, q) matches central finite differences of toyElbo in μ and log σ', () => {
    const p = paramsOf(q);
    const h = 1e-5;
    const dMean =
      (elboAt(model, x, { ...p, mean: p.mean + h }) - elboAt(model, x, { ...p, mean: p.mean - h })) / (2 * h);
    const dLogStd =
      (elboAt(model, x, { ...p, logStd: p.logStd + h }) - elboAt(model, x, { ...p, logStd: p.logStd - h })) / (2 * h);
    const g = elboGradient(model, x, q);
    assertClose(g.mean, dMean, 1e-6 * Math.max(1, Math.abs(dMean)), '∂/∂μ');
    assertClose(g.logStd, dLogStd, 1e-6 * Math.max(1, Math.abs(dLogStd)), '∂/∂log σ');
  });

  test('elboGradient(model, x, exactPosterior(model, x)) is 0: the posterior is the ELBO’s maximum', () => {
    const g = elboGradient(model, x, exactPosterior(model, x));
    assertClose(g.mean, 0, 1e-9, '∂/∂μ');
    assertClose(g.logStd, 0, 1e-9, '∂/∂log σ');
  });

  test('reparameterizedElboGradient(model, x, q, 20000, rng) is within 4 standard errors of the closed form', () => {
    const estimate = reparameterizedElboGradient(model, x, q, 20_000, createRng(5));
    const exact = elboGradient(model, x, q);
    assertClose(estimate.mean, exact.mean, 4 * estimate.seMean, '∂/∂μ');
    assertClose(estimate.logStd, exact.logStd, 4 * estimate.seLogStd, '∂/∂log σ');
    expect(estimate.samples).toBe(20_000);
  });

  test('its standard error for ∂/∂μ is the closed-form sd w²σ/s² over √n (to 3%)', () => {
    const n = 20_000;
    const estimate = reparameterizedElboGradient(model, x, q, n, createRng(6));
    const sd = (model.w * model.w * Math.sqrt(q.variance)) / (model.s * model.s);
    expect(Math.abs(estimate.seMean / (sd / Math.sqrt(n)) - 1)).toBeLessThan(0.03);
  });
});

describe('reparameterizedElboGradient(model, x, q, samples, rng)', () => {
  const q = { mean: 0.5, variance: 0.25 };
  test('is reproducible from the seed and changes with it', () => {
    const a = reparameterizedElboGradient(toy, 3, q, 64, createRng(1));
    expect(reparameterizedElboGradient(toy, 3, q, 64, createRng(1))).toEqual(a);
    expect(reparameterizedElboGradient(toy, 3, q, 64, createRng(2)).mean).not.toBe(a.mean);
  });
  test('refuses fewer than one sample', () => {
    expect(() => reparameterizedElboGradient(toy, 3, q, 0, createRng(1))).toThrow(RangeError);
  });
  test('fitGradient uses the exact gradient for 0 samples and needs an Rng otherwise', () => {
    expect(fitGradient(toy, 3, q, 0)).toEqual(elboGradient(toy, 3, q));
    expect(() => fitGradient(toy, 3, q, 8)).toThrow(/Rng/);
  });
});

describe('learningRateAt(step, options)', () => {
  test.each([
    [1, 0.05], // constant at first
    [50, 0.05], // up to decayAfter
    [100, 0.025], // then η·decayAfter/t
    [400, 0.00625],
  ])('step %i → %d', (step, rate) => {
    assertClose(learningRateAt(step, FIT_DEFAULTS), rate, 1e-15);
  });
});

describe('fitStep(model, x, params, step, options, rng)', () => {
  const exact = { ...FIT_DEFAULTS, samples: 0 };
  test('moves (μ, log σ) by η times the exact gradient', () => {
    const p = { mean: 0.5, logStd: Math.log(0.5) };
    const g = elboGradient(toy, 3, gaussianOf(p));
    const next = fitStep(toy, 3, p, 1, exact);
    assertClose(next.mean - p.mean, 0.05 * g.mean, 1e-15);
    assertClose(next.logStd - p.logStd, 0.05 * g.logStd, 1e-15);
    expect(toyElbo(toy, 3, gaussianOf(next))).toBeGreaterThan(toyElbo(toy, 3, gaussianOf(p)));
  });
  test('clips each change to ±maxStep, so a far-off start cannot jump to a tiny σ', () => {
    const p = { mean: -6, logStd: Math.log(3) };
    const next = fitStep(toy, 11, p, 1, exact);
    assertClose(next.mean - p.mean, 1, 1e-15);
    assertClose(next.logStd - p.logStd, -1, 1e-15);
  });
});

const starts: [string, Gaussian1D][] = [
  ['the widget default N(0.5, 0.5²)', { mean: 0.5, variance: 0.25 }],
  ['the prior N(0, 1)', { mean: 0, variance: 1 }],
  ['wide and far N(−6, 3²)', { mean: -6, variance: 9 }],
  ['narrow and far N(6, 0.05²)', { mean: 6, variance: 0.0025 }],
];

describe.each(starts)('fitPath from %s', (_label, start) => {
  test.each([3, -9, 11])('with the exact gradient reaches the posterior at x = %d: gap < 1e-6', (x) => {
    const path = fitPath(toy, x, start, FIT_STEPS, { ...FIT_DEFAULTS, samples: 0 });
    expect(path.length).toBe(FIT_STEPS + 1);
    const end = path[FIT_STEPS]!;
    expect(end.gap).toBeLessThan(1e-6);
    const post = exactPosterior(toy, x);
    assertClose(end.mean, post.mean, 1e-3);
    assertClose(end.std, Math.sqrt(post.variance), 1e-3);
  });

  test.each([
    [3, 1],
    [3, 2],
    [-9, 3],
    [11, 4],
  ])('with the reparameterized gradient (FIT_DEFAULTS) at x = %d, seed %i: gap < 1e-3', (x, seed) => {
    const path = fitPath(toy, x, start, FIT_STEPS, FIT_DEFAULTS, createRng(seed));
    expect(path[FIT_STEPS]!.gap).toBeLessThan(1e-3);
    // It really climbed: the start was far worse.
    expect(path[0]!.gap).toBeGreaterThan(0.05);
  });
});

describe('fitPath(model, x, start, steps, options, rng)', () => {
  test('every point satisfies ELBO + gap = log p(x) to 1e-9 and starts at the given q', () => {
    const start = { mean: -1, variance: 2 };
    const path = fitPath(toy, 3, start, 60, FIT_DEFAULTS, createRng(9));
    expect(path[0]).toEqual(fitPoint(toy, 3, paramsOf(start), 0));
    for (const point of path) {
      assertClose(point.elbo + point.gap, logEvidence(toy, 3), 1e-9, `step ${point.step}`);
      assertClose(point.gap, klToPosterior(toy, 3, { mean: point.mean, variance: point.std ** 2 }), 1e-12);
    }
  });
  test('converges for another model too when η suits its curvature (weak decoder, exact gradient)', () => {
    const model = { w: 0.3, b: 0, s: 1.2 };
    const path = fitPath(model, -0.4, { mean: 2, variance: 0.1 }, FIT_STEPS, {
      ...FIT_DEFAULTS,
      samples: 0,
      learningRate: 0.3,
    });
    expect(path[FIT_STEPS]!.gap).toBeLessThan(1e-6);
  });
  test('is reproducible from the seed', () => {
    const run = () => fitPath(toy, 3, { mean: 0.5, variance: 0.25 }, 20, FIT_DEFAULTS, createRng(3));
    expect(run()).toEqual(run());
  });
});
