import { describe, expect, test } from 'vitest';
import {
  exactPosterior,
  expectedLogLikelihood,
  klToPosterior,
  klToPrior,
  logEvidence,
  normalLogDensity,
  toyElbo,
  toyLogLikelihood,
  type Gaussian1D,
  type LinearGaussian,
} from '../../../src/core/toys/linear-gaussian';
import { createRng } from '../../../src/core/random';
import { assertClose } from '../helpers';

const cases: [string, LinearGaussian, number, Gaussian1D][] = [
  // a typical observation, a q that is off in mean and width
  ['typical x', { w: 2, b: 0.5, s: 0.7 }, 1.3, { mean: 0.1, variance: 0.5 }],
  // an unusual observation, a narrow q far from the posterior
  ['unusual x', { w: 1, b: -1, s: 0.3 }, 4, { mean: -1, variance: 0.01 }],
  // a weak decoder (w small): the posterior stays near the prior
  ['weak decoder', { w: 0.1, b: 0, s: 1 }, -0.4, { mean: 0.5, variance: 2 }],
  // negative weight
  ['negative w', { w: -1.5, b: 2, s: 0.5 }, 0, { mean: 1.2, variance: 0.05 }],
];

describe.each(cases)('linear-Gaussian toy, %s', (_label, model, x, q) => {
  test('toyElbo(model, x, q) + klToPosterior(model, x, q) = logEvidence(model, x) to 1e-9', () => {
    assertClose(toyElbo(model, x, q) + klToPosterior(model, x, q), logEvidence(model, x), 1e-9);
  });

  test('klToPosterior(model, x, exactPosterior(model, x)) is 0 and the ELBO is then exact', () => {
    const posterior = exactPosterior(model, x);
    assertClose(klToPosterior(model, x, posterior), 0, 1e-12);
    assertClose(toyElbo(model, x, posterior), logEvidence(model, x), 1e-9);
    expect(klToPosterior(model, x, q)).toBeGreaterThan(0);
  });

  test('exactPosterior(model, x) is Bayes’ rule: log p(x|z) + log p(z) − log p(x) = log N(z; m, v) at any z', () => {
    const { mean, variance } = exactPosterior(model, x);
    for (const z of [-2, -0.3, 0, 0.9, 3]) {
      const bayes = toyLogLikelihood(model, x, z) + normalLogDensity(z, 0, 1) - logEvidence(model, x);
      assertClose(bayes, normalLogDensity(z, mean, variance), 1e-9, `z = ${z}`);
    }
  });

  test('logEvidence(model, x) equals ∫ p(x|z) p(z) dz by Simpson’s rule on [−12, 12]', () => {
    const n = 4000;
    const [lo, hi] = [-12, 12];
    const step = (hi - lo) / n;
    let sum = 0;
    for (let i = 0; i <= n; i++) {
      const z = lo + i * step;
      const weight = i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2;
      sum += weight * Math.exp(toyLogLikelihood(model, x, z) + normalLogDensity(z, 0, 1));
    }
    // Simpson's error with 4000 panels on a smooth integrand is far below 1e-9 relative.
    assertClose(Math.log((sum * step) / 3), logEvidence(model, x), 1e-9);
  });

  test('expectedLogLikelihood(model, x, q) and klToPrior(q) match Monte Carlo within 4 standard errors', () => {
    const rng = createRng(31);
    const n = 100_000;
    const sd = Math.sqrt(q.variance);
    const likelihood: number[] = [];
    const kl: number[] = [];
    for (let i = 0; i < n; i++) {
      const z = q.mean + sd * rng.normal();
      likelihood.push(toyLogLikelihood(model, x, z));
      kl.push(normalLogDensity(z, q.mean, q.variance) - normalLogDensity(z, 0, 1));
    }
    for (const [values, exact, what] of [
      [likelihood, expectedLogLikelihood(model, x, q), 'E_q log p(x|z)'],
      [kl, klToPrior(q), 'KL(q‖p(z))'],
    ] as const) {
      const mean = values.reduce((s, v) => s + v, 0) / n;
      const se = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1) / n);
      assertClose(mean, exact, 4 * se + 1e-12, what);
    }
  });
});
