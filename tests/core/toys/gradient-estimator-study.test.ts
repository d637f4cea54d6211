import { describe, expect, test } from 'vitest';
import {
  empiricalMoments,
  pathwiseGradient,
  scoreFunctionGradient,
  sine,
  square,
  type ToyObjective,
} from '../../../src/core/toys/gradient-estimators';
import {
  ESTIMATORS,
  analyticVarianceMu,
  averageKurtosis,
  averagedEstimates,
  estimatorMoments,
  estimatorOfEpsilon,
  gaussianExpectation,
  histogram,
  sampleVarianceRelativeSd,
  sharedRange,
  type Estimator,
} from '../../../src/core/toys/gradient-estimator-study';
import { createRng } from '../../../src/core/random';
import { assertClose } from '../helpers';

const settings: [string, number, number, ToyObjective][] = [
  ['z²', 1, 0.5, square],
  ['z²', -0.4, 1.3, square],
  ['sin z', 0.7, 0.5, sine],
  ['sin z', 2, 3, sine],
];

describe('estimatorOfEpsilon(objective, estimator, μ, σ)', () => {
  test.each(settings)(
    'for %s at μ = %d, σ = %d it is the d/dμ part of the one-sample estimators',
    (_name, mu, sigma, objective) => {
      const b = objective.expectation(mu, sigma);
      for (const e of [-2.1, -0.3, 0, 0.8, 3.4]) {
        expect(estimatorOfEpsilon(objective, 'pathwise', mu, sigma)(e)).toBe(
          pathwiseGradient(objective.df, mu, sigma, e).dMu,
        );
        expect(estimatorOfEpsilon(objective, 'score', mu, sigma)(e)).toBe(
          scoreFunctionGradient(objective.f, mu, sigma, e).dMu,
        );
        expect(estimatorOfEpsilon(objective, 'scoreBaseline', mu, sigma)(e)).toBe(
          scoreFunctionGradient(objective.f, mu, sigma, e, b).dMu,
        );
      }
    },
  );
});

describe('analyticVarianceMu(objective, estimator, μ, σ, n)', () => {
  test('is the closed form for one sample, divided by n for an n-sample average', () => {
    assertClose(analyticVarianceMu(square, 'pathwise', 1, 0.5), 1, 1e-12);
    assertClose(analyticVarianceMu(square, 'score', 1, 0.5), 21.75, 1e-12);
    assertClose(analyticVarianceMu(square, 'scoreBaseline', 1, 0.5, 10), 1.05, 1e-12);
    assertClose(analyticVarianceMu(sine, 'score', 0.7, 0.5, 4), sine.variance.scoreMu(0.7, 0.5) / 4, 1e-12);
  });
});

describe('gaussianExpectation(g)', () => {
  test.each([
    ['1', () => 1, 1],
    ['ε', (e: number) => e, 0],
    ['ε²', (e: number) => e * e, 1],
    ['ε⁴', (e: number) => e ** 4, 3],
    ['ε⁸', (e: number) => e ** 8, 105],
    ['ε¹²', (e: number) => e ** 12, 10395],
    // E[cos bε] = e^{−b²/2}: an oscillating integrand, b = 6 (sin z at σ = 3 squared twice).
    ['cos 6ε', (e: number) => Math.cos(6 * e), Math.exp(-18)],
    ['cos 12ε', (e: number) => Math.cos(12 * e), Math.exp(-72)],
  ] as const)('E[%s] is exact to 1e-9 (relative)', (_name, g, expected) => {
    assertClose(gaussianExpectation(g), expected, 1e-9 * Math.max(1, Math.abs(expected)));
  });
});

describe.each(settings)(
  'estimatorMoments(objective, estimator, μ, σ) for %s at μ = %d, σ = %d',
  (_name, mu, sigma, objective) => {
    test.each(ESTIMATORS)('%s: mean is the true gradient and variance the closed form (1e-9)', (estimator) => {
      const m = estimatorMoments(objective, estimator, mu, sigma);
      assertClose(m.mean, objective.trueGradMu(mu, sigma), 1e-9, 'mean');
      const exact = analyticVarianceMu(objective, estimator, mu, sigma);
      assertClose(m.variance, exact, 1e-9 * Math.max(1, exact), 'variance');
    });
  },
);

describe('estimatorMoments(…).kurtosis against hand-computed Gaussian moments', () => {
  test('pathwise for z² is normal, 2(μ + σε): kurtosis 3', () => {
    assertClose(estimatorMoments(square, 'pathwise', 1, 0.5).kurtosis, 3, 1e-9);
  });
  test('score for z² at μ = 0 is σε³: E ε¹² / (E ε⁶)² = 10395 / 225', () => {
    assertClose(estimatorMoments(square, 'score', 0, 1).kurtosis, 10395 / 225, 1e-9);
  });
  test('score with b = σ² for z² at μ = 0 is σ(ε³ − ε): E(ε³ − ε)⁴ / 10² = 7188 / 100', () => {
    assertClose(estimatorMoments(square, 'scoreBaseline', 0, 0.7).kurtosis, 71.88, 1e-9);
  });
});

describe('averageKurtosis(κ, n)', () => {
  test('is κ for n = 1 and 3 for a normal at any n', () => {
    expect(averageKurtosis(46.2, 1)).toBe(46.2);
    expect(averageKurtosis(3, 17)).toBe(3);
  });
  test('matches the χ²: the mean of n squared normals (κ(ε²) = 15) is χ²ₙ/n, whose kurtosis is 3 + 12/n', () => {
    const kurtosisOfSquare =
      gaussianExpectation((e) => (e * e - 1) ** 4) / gaussianExpectation((e) => (e * e - 1) ** 2) ** 2;
    assertClose(kurtosisOfSquare, 15, 1e-9);
    for (const n of [2, 5, 40]) assertClose(averageKurtosis(kurtosisOfSquare, n), 3 + 12 / n, 1e-9);
  });
});

describe('sampleVarianceRelativeSd(κ, R)', () => {
  test('is √(2/(R − 1)) for a normal', () => {
    for (const r of [2, 10, 2000]) assertClose(sampleVarianceRelativeSd(3, r), Math.sqrt(2 / (r - 1)), 1e-12);
  });
  test('predicts the spread of s² for a heavy-tailed estimator (score, z², μ = 1, σ = ½, κ ≈ 26.8): within 4 SE', () => {
    const [mu, sigma, repeats, sets] = [1, 0.5, 20, 20_000];
    const rng = createRng(5);
    const trueVariance = analyticVarianceMu(square, 'score', mu, sigma);
    const ratios = new Float64Array(sets);
    for (let s = 0; s < sets; s++)
      ratios[s] =
        empiricalMoments(averagedEstimates(square, 'score', mu, sigma, 1, repeats, rng)).variance / trueVariance;
    const { mean, variance } = empiricalMoments(ratios);
    let m4 = 0;
    for (const v of ratios) m4 += (v - mean) ** 4;
    m4 /= sets;
    const predicted = sampleVarianceRelativeSd(estimatorMoments(square, 'score', mu, sigma).kurtosis, repeats) ** 2;
    assertClose(mean, 1, 4 * Math.sqrt(variance / sets), 's² is unbiased');
    assertClose(variance, predicted, 4 * Math.sqrt((m4 - variance * variance) / sets), 'Var(s²)/σ⁴');
  });
});

describe('averagedEstimates(objective, estimator, μ, σ, n, repeats, rng)', () => {
  test.each(ESTIMATORS)('%s with n = 1 gives the one-sample estimates of successive ε', (estimator) => {
    const eps = createRng(9, 3);
    const estimate = estimatorOfEpsilon(sine, estimator, 0.7, 0.5);
    const expected = Array.from({ length: 6 }, () => estimate(eps.normal()));
    expect(Array.from(averagedEstimates(sine, estimator, 0.7, 0.5, 1, 6, createRng(9, 3)))).toEqual(expected);
  });
  test('chunks drawn one after another from one generator join into the same run', () => {
    const rng = createRng(4);
    const joined = [
      ...averagedEstimates(square, 'score', 1, 0.5, 7, 3, rng),
      ...averagedEstimates(square, 'score', 1, 0.5, 7, 5, rng),
    ];
    expect(joined).toEqual(Array.from(averagedEstimates(square, 'score', 1, 0.5, 7, 8, createRng(4))));
  });
  test.each<[string, number, number, ToyObjective, Estimator]>([
    ['z²', 1, 0.5, square, 'pathwise'],
    ['z²', 1, 0.5, square, 'score'],
    ['z²', 1, 0.5, square, 'scoreBaseline'],
    ['sin z', 0.7, 0.5, sine, 'scoreBaseline'],
  ])(
    'for %s at μ = %d, σ = %d, %s averages of n = 10: mean and variance (÷ n) within 4 SE',
    (_name, mu, sigma, objective, estimator) => {
      const [n, repeats] = [10, 20_000];
      const values = averagedEstimates(objective, estimator, mu, sigma, n, repeats, createRng(11));
      const { mean, variance } = empiricalMoments(values);
      const exact = analyticVarianceMu(objective, estimator, mu, sigma, n);
      assertClose(mean, objective.trueGradMu(mu, sigma), 4 * Math.sqrt(exact / repeats), 'mean');
      const relativeSd = sampleVarianceRelativeSd(
        averageKurtosis(estimatorMoments(objective, estimator, mu, sigma).kurtosis, n),
        repeats,
      );
      assertClose(variance, exact, 4 * relativeSd * exact, 'variance');
    },
  );
});

describe('sharedRange(objective, μ, σ, n)', () => {
  test('is the true gradient ± 4 times the widest estimator sd, and narrows as 1/√n', () => {
    const half = 4 * Math.sqrt(21.75);
    const [lo, hi] = sharedRange(square, 1, 0.5, 1);
    assertClose(lo, 2 - half, 1e-12);
    assertClose(hi, 2 + half, 1e-12);
    const [lo4, hi4] = sharedRange(square, 1, 0.5, 4);
    assertClose(hi4 - lo4, half, 1e-12);
  });
  test('follows whichever estimator is widest: at sin z, μ = 2, σ = 1.2 the baseline one, where b = E f adds variance', () => {
    const [lo, hi] = sharedRange(sine, 2, 1.2, 1, 3);
    expect(sine.variance.scoreBaselineMu(2, 1.2)).toBeGreaterThan(
      Math.max(sine.variance.scoreMu(2, 1.2), sine.variance.pathwiseMu(2, 1.2)),
    );
    assertClose((hi - lo) / 2, 3 * Math.sqrt(sine.variance.scoreBaselineMu(2, 1.2)), 1e-12);
  });
});

describe('histogram(values, lo, hi, bins)', () => {
  test.each([
    // values, lo, hi, bins, counts, below, above
    [[0, 0.5, 0.99, 1, 1.5, 2], 0, 2, 2, [3, 3], 0, 0], // 1 opens the second bin; hi goes into the last bin
    [[-1, -0.01, 0.2, 2.01, 5], 0, 2, 4, [1, 0, 0, 0], 2, 2], // outside on both sides
    [[], -1, 1, 3, [0, 0, 0], 0, 0], // nothing to count
  ] as const)('bins %o over [%d, %d] in %d bins', (values, lo, hi, bins, counts, below, above) => {
    const h = histogram(values, lo, hi, bins);
    expect(h.counts).toEqual(counts);
    expect([h.below, h.above]).toEqual([below, above]);
    expect(h.binWidth).toBe((hi - lo) / bins);
  });
  test('accounts for every value', () => {
    const values = averagedEstimates(square, 'score', 1, 0.5, 1, 2000, createRng(2));
    const h = histogram(values, ...sharedRange(square, 1, 0.5, 1, 2), 40);
    expect(h.counts.reduce((a, b) => a + b, 0) + h.below + h.above).toBe(2000);
    expect(h.below + h.above).toBeGreaterThan(0);
  });
});
