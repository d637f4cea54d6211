import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  bitsPerDimension,
  differenceEstimate,
  meanEstimate,
  nonDecreasingWithin,
  powerOfTen,
  type MeanEstimate,
} from '../../src/core/bound-summary';
import { importanceWeightedBound } from '../../src/core/estimators';
import { Trainer } from '../../src/core/trainer';
import { Rng } from '../../src/core/random';
import { assertClose, makeStrokes, useBackend } from './helpers';

const estimate = (mean: number, standardError: number, count = 10): MeanEstimate => ({ count, mean, standardError });

describe('meanEstimate(values)', () => {
  test('meanEstimate([1, 2, 3, 4]) is 2.5 with standard error √(5/3)/2, by hand', () => {
    const { count, mean, standardError } = meanEstimate([1, 2, 3, 4]);
    expect(count).toBe(4);
    assertClose(mean, 2.5, 1e-15);
    assertClose(standardError, Math.sqrt(5 / 3) / 2, 1e-15);
  });

  test('meanEstimate of equal values has standard error 0; of one value, NaN; of none, it throws', () => {
    expect(meanEstimate(Float64Array.of(-7, -7, -7))).toEqual({ count: 3, mean: -7, standardError: 0 });
    expect(meanEstimate([3]).standardError).toBeNaN();
    expect(() => meanEstimate([])).toThrow(RangeError);
  });

  test('for N(μ, σ²) draws the standard error is about σ/√n, and mean ± 2 SE covers μ about 95% of the time', () => {
    const rng = new Rng(11);
    const [mu, sigma, n, trials] = [-100, 4, 50, 400];
    let covered = 0;
    const errors: number[] = [];
    for (let t = 0; t < trials; t++) {
      const { mean, standardError } = meanEstimate(Array.from({ length: n }, () => mu + sigma * rng.normal()));
      errors.push(standardError);
      if (Math.abs(mean - mu) <= 2 * standardError) covered += 1;
    }
    // The average SE is σ/√n times c₄ ≈ 0.995 (the bias of s); its spread over trials is about σ/√n/√(2n).
    assertClose(errors.reduce((a, b) => a + b, 0) / trials, (sigma / Math.sqrt(n)) * 0.995, 0.02);
    // Coverage with the t-quantile would be 95.1% for n = 50; binomial sd over 400 trials is 1.1%, so allow 4 of those.
    assertClose(covered / trials, 0.945, 0.045);
  });
});

describe('differenceEstimate(a, b)', () => {
  test('differenceEstimate({3 ± 0.3}, {1 ± 0.4}) is 2 ± 0.5: means subtract, standard errors add in quadrature', () => {
    const d = differenceEstimate(estimate(3, 0.3, 8), estimate(1, 0.4, 5));
    assertClose(d.mean, 2, 1e-15);
    assertClose(d.standardError, 0.5, 1e-15);
    expect(d.count).toBe(5);
  });
});

describe('nonDecreasingWithin(estimates, z)', () => {
  describe.each([
    // estimates, z, expected
    [[], 3, true], // nothing to compare
    [[estimate(-110, 1)], 3, true], // a single rung
    [[estimate(-110, 0.5), estimate(-106, 0.4), estimate(-105, 0.3)], 3, true], // climbing
    [[estimate(-105, 0.5), estimate(-105.5, 0.3)], 3, true], // a dip of 0.5 within 3 × 0.58
    [[estimate(-105, 0.1), estimate(-106, 0.1)], 3, false], // a dip of 1 against 3 × 0.14
    [[estimate(-105, 0.1), estimate(-106, 0.1)], 10, true], // … allowed with z = 10
    [[estimate(-105, Number.NaN), estimate(-104, 0.1)], 3, false], // an unknown spread proves nothing
  ] as const)('case %#', (estimates, z, expected) => {
    test(`is ${expected}`, () => expect(nonDecreasingWithin(estimates, z)).toBe(expected));
  });
});

describe('on a real importance-weighted ladder', () => {
  const SIDE = 8;
  const testSet = makeStrokes(20, SIDE, 2);
  let trainer: Trainer;
  beforeAll(async () => {
    await useBackend('cpu');
    trainer = new Trainer(
      { inputSize: SIDE * SIDE, hiddenSizes: [32], latentSize: 3, batchSize: 16, learningRate: 3e-3, seed: 7 },
      makeStrokes(256, SIDE, 1),
      testSet,
    );
    for (let i = 0; i < 100; i++) trainer.step();
  });
  afterAll(() => trainer.dispose());

  test('𝓛_1, 𝓛_5, 𝓛_50 of one image (200, 60, 20 seeds) climb within their error bars, and 𝓛_50 − 𝓛_1 > 3 SE', () => {
    const image = testSet.images.slice(3 * SIDE * SIDE, 4 * SIDE * SIDE);
    const repeats: Record<number, number> = { 1: 200, 5: 60, 50: 20 };
    const ladder = [1, 5, 50].map((k) =>
      meanEstimate(
        Array.from(
          { length: repeats[k]! },
          (_, seed) => importanceWeightedBound(trainer.model, image, 1, k, new Rng(seed, k))[0]!,
        ),
      ),
    );
    expect(nonDecreasingWithin(ladder)).toBe(true);
    const gap = differenceEstimate(ladder[2]!, ladder[0]!);
    expect(gap.mean).toBeGreaterThan(3 * gap.standardError);
  });
});

describe('bitsPerDimension(logP, d) and powerOfTen(logP)', () => {
  test('a uniform guess over 784 binary pixels, log p = −784 ln 2, is exactly 1 bit per pixel', () => {
    assertClose(bitsPerDimension(-784 * Math.LN2, 784), 1, 1e-12);
    assertClose(bitsPerDimension(-86.76, 784), 86.76 / 784 / Math.LN2, 1e-15);
  });
  test('powerOfTen(−86.76) is 2.07 × 10⁻³⁸ (chapter 1’s e^−86.76), and powerOfTen(ln 5) is 5 × 10⁰', () => {
    const { mantissa, exponent } = powerOfTen(-86.76);
    expect(exponent).toBe(-38);
    assertClose(mantissa, Math.exp(-86.76) / 1e-38, 1e-9);
    const five = powerOfTen(Math.log(5));
    expect(five.exponent).toBe(0);
    assertClose(five.mantissa, 5, 1e-12);
  });
});
