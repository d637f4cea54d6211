import { describe, expect, test } from 'vitest';
import { importanceSamplingEstimate, priorSamplingEstimate } from '../../../src/core/toys/marginal-likelihood';
import { exactPosterior, logEvidence, type LinearGaussian } from '../../../src/core/toys/linear-gaussian';
import { createRng } from '../../../src/core/random';
import { assertClose } from '../helpers';

const model: LinearGaussian = { w: 2, b: 0, s: 0.5 };

describe('marginal likelihood estimators', () => {
  test('importanceSamplingEstimate(model, x, q = p(z|x), K) is exact for every sample, with ESS = K', () => {
    const x = 3.1;
    const estimate = importanceSamplingEstimate(model, x, exactPosterior(model, x), 10, createRng(1));
    for (const logWeight of estimate.logWeights) assertClose(logWeight, logEvidence(model, x), 1e-9, 'log weight');
    assertClose(estimate.logEstimate, logEvidence(model, x), 1e-9, 'estimate');
    assertClose(estimate.effectiveSampleSize, 10, 1e-9, 'ESS');
  });

  test('priorSamplingEstimate(model, x, K) converges to log p(x): within 4 delta-method standard errors at K = 200 000', () => {
    const x = 1;
    const k = 200_000;
    const estimate = priorSamplingEstimate(model, x, k, createRng(2));
    // SE of log(mean w) ≈ sd(w) / (mean(w)·√K); ESS = K·mean(w)²/mean(w²), so sd/mean = sqrt(K/ESS − 1).
    const se = Math.sqrt(k / estimate.effectiveSampleSize - 1) / Math.sqrt(k);
    assertClose(estimate.logEstimate, logEvidence(model, x), 4 * se, 'log p(x)');
  });

  test('priorSamplingEstimate wastes samples on an unusual x: its ESS is far below importance sampling with a rough q', () => {
    const x = 6;
    const posterior = exactPosterior(model, x);
    const roughQ = { mean: posterior.mean + 0.1, variance: posterior.variance * 2 };
    const naive = priorSamplingEstimate(model, x, 10_000, createRng(3));
    const importance = importanceSamplingEstimate(model, x, roughQ, 10_000, createRng(3));
    expect(naive.effectiveSampleSize).toBeLessThan(0.05 * importance.effectiveSampleSize);
    expect(Math.abs(importance.logEstimate - logEvidence(model, x))).toBeLessThan(0.02);
  });
});
