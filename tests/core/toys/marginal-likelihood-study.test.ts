import { describe, expect, test } from 'vitest';
import {
  STANDARD_PRIOR,
  densityCurves,
  expectedEssFraction,
  logSpacedCounts,
  quantileSorted,
  relativeSecondMoment,
  relativeStd,
  repeatEstimates,
  sampleRun,
  spread,
} from '../../../src/core/toys/marginal-likelihood-study';
import { importanceSamplingEstimate, priorSamplingEstimate } from '../../../src/core/toys/marginal-likelihood';
import {
  exactPosterior,
  logEvidence,
  normalLogDensity,
  toyLogLikelihood,
  type Gaussian1D,
  type LinearGaussian,
} from '../../../src/core/toys/linear-gaussian';
import { logMeanExp } from '../../../src/core/estimators';
import { createRng } from '../../../src/core/random';
import { assertClose } from '../helpers';

// Chapter 1's toy: w = 2, b = 1, s = 0.5, so p(3) = N(3; 1, 4.25) ≈ 0.1209.
const model: LinearGaussian = { w: 2, b: 1, s: 0.5 };

/** ∫ f(z) dz by Simpson's rule on [lo, hi] with `intervals` (even) intervals: an independent check of closed forms. */
function simpson(f: (z: number) => number, lo: number, hi: number, intervals = 20_000): number {
  const h = (hi - lo) / intervals;
  let total = f(lo) + f(hi);
  for (let i = 1; i < intervals; i++) total += (i % 2 ? 4 : 2) * f(lo + i * h);
  return (total * h) / 3;
}

describe('relativeSecondMoment(model, x, q) = E_q[(w/p(x))²]', () => {
  test.each([
    // x, q: a rough q, a wide q, a q centred away from the posterior, the prior itself, an unusual x
    [3, { mean: 0.5, variance: 0.25 }],
    [3, { mean: 1, variance: 2 }],
    [3, { mean: -1, variance: 0.5 }],
    [3, STANDARD_PRIOR],
    [9, STANDARD_PRIOR],
    [-4, { mean: -2, variance: 0.09 }],
  ] as const)('at x = %s, q = %o matches ∫ p(z)² p(x|z)² / (q(z) p(x)²) dz by quadrature to 1e-9', (x, q) => {
    const logP = logEvidence(model, x);
    const integrand = (z: number) =>
      Math.exp(
        2 * (normalLogDensity(z, 0, 1) + toyLogLikelihood(model, x, z) - logP) -
          normalLogDensity(z, q.mean, q.variance),
      );
    const post = exactPosterior(model, x);
    const expected = simpson(integrand, post.mean - 12, post.mean + 12);
    assertClose(relativeSecondMoment(model, x, q) / expected, 1, 1e-9, 'E / quadrature');
  });

  test('is 1 exactly when q = p(z|x): every weight equals p(x)', () => {
    for (const x of [-9, 0, 3, 11])
      assertClose(relativeSecondMoment(model, x, exactPosterior(model, x)), 1, 1e-12, `x = ${x}`);
  });

  test('with q = p(z) it agrees with the direct formula E[p(x|z)²] = N(x; b, w² + s²/2) / (2s√π), divided by p(x)²', () => {
    for (const x of [-3, 1, 3, 7]) {
      const direct =
        Math.exp(normalLogDensity(x, model.b, model.w ** 2 + model.s ** 2 / 2) - 2 * logEvidence(model, x)) /
        (2 * model.s * Math.sqrt(Math.PI));
      assertClose(relativeSecondMoment(model, x, STANDARD_PRIOR) / direct, 1, 1e-9, `x = ${x}`);
    }
  });

  test('is Infinity when q is narrower than √(v/2) (weights with infinite variance), finite just above', () => {
    const { mean, variance: v } = exactPosterior(model, 3);
    expect(relativeSecondMoment(model, 3, { mean, variance: v / 2 })).toBe(Infinity);
    expect(relativeSecondMoment(model, 3, { mean, variance: v / 2.5 })).toBe(Infinity);
    expect(Number.isFinite(relativeSecondMoment(model, 3, { mean, variance: v * 0.51 }))).toBe(true);
    expect(expectedEssFraction(model, 3, { mean, variance: v / 4 })).toBe(0);
  });

  test('matches the Monte Carlo mean of (w/p(x))² over 200 000 prior draws within 4 standard errors', () => {
    const x = 3;
    const k = 200_000;
    const { logWeights } = priorSamplingEstimate(model, x, k, createRng(11));
    const logP = logEvidence(model, x);
    let m2 = 0;
    let m4 = 0;
    for (const l of logWeights) {
      const r2 = Math.exp(2 * (l - logP));
      m2 += r2;
      m4 += r2 * r2;
    }
    m2 /= k;
    m4 /= k;
    const se = Math.sqrt((m4 - m2 * m2) / k);
    assertClose(m2, relativeSecondMoment(model, x, STANDARD_PRIOR), 4 * se, 'E[(w/p)²]');
  });
});

describe('relativeStd(model, x, q, n)', () => {
  test('is √((E − 1)/n): shrinks as 1/√n, is 0 for q = p(z|x)', () => {
    const q = { mean: 0.5, variance: 0.25 };
    const e = relativeSecondMoment(model, 3, q);
    assertClose(relativeStd(model, 3, q, 1), Math.sqrt(e - 1), 1e-12, 'n = 1');
    assertClose(relativeStd(model, 3, q, 100), Math.sqrt(e - 1) / 10, 1e-12, 'n = 100');
    expect(relativeStd(model, 3, exactPosterior(model, 3), 10)).toBe(0);
  });
});

describe('sampleRun(model, x, q, n, rng)', () => {
  test.each([
    [3, { mean: 0.5, variance: 0.25 }, 1],
    [3, { mean: 0.5, variance: 0.25 }, 5000],
    [9, { mean: 3, variance: 1 }, 777],
  ] as const)(
    'equals importanceSamplingEstimate at x = %s, q = %o, n = %s (estimate, ESS, kept samples)',
    (x, q, n) => {
      const run = sampleRun(model, x, q, n, createRng(5, 1), { keep: 50 });
      const core = importanceSamplingEstimate(model, x, q, n, createRng(5, 1));
      assertClose(run.logEstimate, core.logEstimate, 1e-12, 'log estimate');
      assertClose(run.effectiveSampleSize / core.effectiveSampleSize, 1, 1e-12, 'ESS');
      expect(run.logWeights.length).toBe(Math.min(50, n));
      run.logWeights.forEach((l, i) =>
        assertClose(l, core.logWeights[i] as number, 1e-12 * Math.max(1, Math.abs(l)), `log w[${i}]`),
      );
    },
  );

  test('with q = STANDARD_PRIOR equals priorSamplingEstimate (the naive estimate): same draws, weights to 1e-12', () => {
    const run = sampleRun(model, 3, STANDARD_PRIOR, 10_000, createRng(8), { keep: 10_000 });
    const core = priorSamplingEstimate(model, 3, 10_000, createRng(8));
    run.logWeights.forEach((l, i) =>
      assertClose(l, core.logWeights[i] as number, 1e-12 * Math.max(1, Math.abs(l)), `log w[${i}]`),
    );
    assertClose(run.logEstimate, core.logEstimate, 1e-12, 'log estimate');
  });

  test('records the running estimate at each checkpoint: log-mean-exp of the first k log weights', () => {
    const counts = logSpacedCounts(2000, 5);
    const run = sampleRun(model, 3, STANDARD_PRIOR, 2000, createRng(9), { keep: 2000, checkpoints: counts });
    expect(run.trace.counts).toEqual(counts);
    run.trace.counts.forEach((k, i) =>
      assertClose(run.trace.logEstimates[i] as number, logMeanExp(run.logWeights.subarray(0, k)), 1e-12, `k = ${k}`),
    );
  });

  test('with q = p(z|x) one sample is exact and every sample counts (ESS = n)', () => {
    for (const x of [3, 11, -9]) {
      const run = sampleRun(model, x, exactPosterior(model, x), 100, createRng(3));
      assertClose(run.logEstimate, logEvidence(model, x), 1e-9, `x = ${x}`);
      assertClose(run.effectiveSampleSize, 100, 1e-9, 'ESS');
      assertClose(
        sampleRun(model, x, exactPosterior(model, x), 1, createRng(4)).logEstimate,
        logEvidence(model, x),
        1e-9,
        'n = 1',
      );
    }
  });
});

describe('repeatEstimates(model, x, q, n, repeats, rng)', () => {
  test('in two chunks from one generator equals one call (so the widget can spread the work over frames)', () => {
    const q: Gaussian1D = { mean: 0.5, variance: 0.25 };
    const whole = repeatEstimates(model, 3, q, 300, 20, createRng(12));
    const rng = createRng(12);
    const parts = [...repeatEstimates(model, 3, q, 300, 7, rng), ...repeatEstimates(model, 3, q, 300, 13, rng)];
    expect(parts).toEqual(Array.from(whole));
  });

  test.each([
    ['prior sampling', STANDARD_PRIOR, 100],
    ['a rough q', { mean: 0.5, variance: 0.25 }, 30],
  ] as const)(
    '%s: the mean of 2000 estimates p̂ is within 4 SE of p(3), and their variance within 4 SE of the closed form',
    (_, q, n) => {
      const repeats = 2000;
      const p = Math.exp(logEvidence(model, 3));
      const estimates = Array.from(repeatEstimates(model, 3, q, n, repeats, createRng(21)), Math.exp);
      const s = spread(estimates);
      const sd = p * relativeStd(model, 3, q, n);
      assertClose(s.mean, p, (4 * sd) / Math.sqrt(repeats), 'mean of p̂');
      // SE of the sample variance ≈ √((m4 − m2²)/R), with central moments estimated from the same draws.
      const m2 = estimates.reduce((a, v) => a + (v - s.mean) ** 2, 0) / repeats;
      const m4 = estimates.reduce((a, v) => a + (v - s.mean) ** 4, 0) / repeats;
      assertClose(s.sd ** 2, sd ** 2, 4 * Math.sqrt((m4 - m2 * m2) / repeats), 'variance of p̂');
    },
  );

  test('the spread of prior-sampling estimates shrinks as 1/√n: the sd at n = 1000 is about a tenth of that at n = 10', () => {
    const sdAt = (n: number) =>
      spread(Array.from(repeatEstimates(model, 3, STANDARD_PRIOR, n, 400, createRng(30, n)), Math.exp)).sd;
    const ratio = sdAt(1000) / sdAt(10);
    expect(ratio).toBeGreaterThan(0.07);
    expect(ratio).toBeLessThan(0.14);
  });
});

describe('spread(values) and quantileSorted(sorted, p)', () => {
  test('of 1 … 101: mean 51, sd √(101·102/12) = 29.30…, 5% and 95% quantiles 6 and 96', () => {
    const values = Array.from({ length: 101 }, (_, i) => 101 - i);
    const s = spread(values);
    assertClose(s.mean, 51, 1e-12, 'mean');
    assertClose(s.sd, Math.sqrt((101 * 102) / 12), 1e-9, 'sd');
    assertClose(s.lower, 6, 1e-12, 'lower');
    assertClose(s.upper, 96, 1e-12, 'upper');
  });
  test('interpolates between order statistics (R type 7) and handles one value', () => {
    assertClose(quantileSorted([0, 10], 0.05), 0.5, 1e-12, 'q05 of [0, 10]');
    expect(spread([4])).toEqual({ count: 1, mean: 4, sd: 0, lower: 4, upper: 4 });
    expect(() => spread([])).toThrow(RangeError);
  });
});

describe('densityCurves(model, x, q)', () => {
  const q = { mean: 0.5, variance: 0.25 };
  const rows = densityCurves(model, 3, q, 2001);
  const trapezoid = (key: 'prior' | 'proposal' | 'posterior' | 'integrand') =>
    rows
      .slice(1)
      .reduce(
        (a, r, i) =>
          a + ((r[key] + (rows[i] as (typeof rows)[number])[key]) / 2) * (r.z - (rows[i] as (typeof rows)[number]).z),
        0,
      );
  test('prior, q and p(z|x) integrate to 1 (the prior to 1e-4: the range cuts it at ±4) and the integrand to p(x) (trapezoid)', () => {
    assertClose(trapezoid('prior'), 1, 1e-4, 'prior');
    assertClose(trapezoid('proposal'), 1, 1e-6, 'q');
    assertClose(trapezoid('posterior'), 1, 1e-6, 'posterior');
    assertClose(trapezoid('integrand'), Math.exp(logEvidence(model, 3)), 1e-6, 'integrand');
  });
  test('the integrand equals p(x) · p(z|x) pointwise (Bayes, to 1e-12)', () => {
    const p = Math.exp(logEvidence(model, 3));
    for (const r of rows) assertClose(r.integrand, p * r.posterior, 1e-12, `z = ${r.z}`);
  });
});

describe('logSpacedCounts(n, perDecade)', () => {
  test.each([
    [1, 10, [1]],
    [10, 2, [1, 3, 10]],
    [100, 2, [1, 3, 10, 32, 100]],
    [150, 1, [1, 10, 100, 150]],
  ] as const)('logSpacedCounts(%s, %s) is %o', (n, perDecade, expected) => {
    expect(logSpacedCounts(n, perDecade)).toEqual(expected);
  });
});
