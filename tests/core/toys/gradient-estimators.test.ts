import { describe, expect, test } from 'vitest';
import {
  empiricalMoments,
  pathwiseGradient,
  scoreFunctionGradient,
  sine,
  square,
  type ToyObjective,
} from '../../../src/core/toys/gradient-estimators';
import { createRng } from '../../../src/core/random';
import { assertClose } from '../helpers';

const N = 200_000;

/** Mean within 4 SE of the truth; variance within 4 SE of the formula, SE² = (m₄ − s⁴)/n from the samples’ own 4th moment. */
function checkEstimator(samples: Float64Array, trueMean: number, trueVariance: number, what: string): void {
  const { mean, variance } = empiricalMoments(samples);
  let m4 = 0;
  for (const v of samples) m4 += (v - mean) ** 4;
  m4 /= samples.length;
  assertClose(mean, trueMean, 4 * Math.sqrt(variance / samples.length), `${what} mean`);
  assertClose(
    variance,
    trueVariance,
    4 * Math.sqrt(Math.max(m4 - variance * variance, 0) / samples.length),
    `${what} variance`,
  );
}

const settings: [string, number, number, ToyObjective][] = [
  ['z²', 1, 0.5, square],
  ['z²', -0.4, 1.3, square],
  ['sin z', 0.7, 0.5, sine],
  ['sin z', 2, 1.2, sine],
];

describe.each(settings)('estimators of ∇E[f(z)] for f = %s at μ = %d, σ = %d', (_name, mu, sigma, objective) => {
  const rng = createRng(17);
  const draws = () => Array.from({ length: N }, () => rng.normal());
  const collect = (eps: number[], pick: (e: number) => number) => Float64Array.from(eps, pick);

  test('pathwiseGradient(df, μ, σ, ε): unbiased, variance as derived', () => {
    const eps = draws();
    checkEstimator(
      collect(eps, (e) => pathwiseGradient(objective.df, mu, sigma, e).dMu),
      objective.trueGradMu(mu, sigma),
      objective.variance.pathwiseMu(mu, sigma),
      'd/dμ',
    );
    checkEstimator(
      collect(eps, (e) => pathwiseGradient(objective.df, mu, sigma, e).dSigma),
      objective.trueGradSigma(mu, sigma),
      objective.variance.pathwiseSigma(mu, sigma),
      'd/dσ',
    );
  });

  test('scoreFunctionGradient(f, μ, σ, ε): unbiased, variance as derived', () => {
    const eps = draws();
    checkEstimator(
      collect(eps, (e) => scoreFunctionGradient(objective.f, mu, sigma, e).dMu),
      objective.trueGradMu(mu, sigma),
      objective.variance.scoreMu(mu, sigma),
      'd/dμ',
    );
    checkEstimator(
      collect(eps, (e) => scoreFunctionGradient(objective.f, mu, sigma, e).dSigma),
      objective.trueGradSigma(mu, sigma),
      objective.variance.scoreSigma(mu, sigma),
      'd/dσ',
    );
  });

  test('scoreFunctionGradient(f, μ, σ, ε, b = E f): still unbiased, variance as derived', () => {
    const b = objective.expectation(mu, sigma);
    checkEstimator(
      collect(draws(), (e) => scoreFunctionGradient(objective.f, mu, sigma, e, b).dMu),
      objective.trueGradMu(mu, sigma),
      objective.variance.scoreBaselineMu(mu, sigma),
      'd/dμ',
    );
  });
});

describe('variance ordering', () => {
  test.each([
    ['z²', 1, 0.5, true, true, square],
    ['z²', -0.4, 1.3, true, true, square],
    ['sin z', 0.7, 0.5, true, true, sine],
    // A wide q on a wiggly f: cos z swings over whole periods, so the pathwise estimator is the noisier one, and since
    // σ > 1 flips the sign of E[ε² sin z], subtracting b = E f adds variance. Neither trick wins everywhere.
    ['sin z', 2, 1.2, false, false, sine],
  ] as const)(
    'for %s at μ = %d, σ = %d: pathwise beats score: %s; the baseline helps: %s',
    (_name, mu, sigma, pathwiseWins, baselineHelps, objective) => {
      const v = objective.variance;
      expect(v.pathwiseMu(mu, sigma) < v.scoreMu(mu, sigma)).toBe(pathwiseWins);
      expect(v.scoreBaselineMu(mu, sigma) < v.scoreMu(mu, sigma)).toBe(baselineHelps);
    },
  );

  test('square.variance matches REFERENCES.md at μ = 1, σ = 0.5 (hand arithmetic)', () => {
    assertClose(square.variance.scoreMu(1, 0.5), 1 / 0.25 + 14 + 15 * 0.25, 1e-12);
    assertClose(square.variance.scoreBaselineMu(1, 0.5), 8 + 2.5, 1e-12);
    assertClose(square.variance.scoreSigma(1, 0.5), 2 / 0.25 + 60 + 74 * 0.25, 1e-12);
  });
});
