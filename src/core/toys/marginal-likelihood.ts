/** Monte Carlo estimates of log p(x) for the linear-Gaussian toy: naive prior sampling and importance sampling. */
import type { Rng } from '../random';
import { logMeanExp } from '../estimators';
import { normalLogDensity, toyLogLikelihood, type Gaussian1D, type LinearGaussian } from './linear-gaussian';

/** An estimate with the per-sample log weights it came from. */
export interface MarginalEstimate {
  /** log of the average weight, log (1/K) Σ w_k. */
  readonly logEstimate: number;
  readonly logWeights: Float64Array;
  /** Effective sample size (Σw)²/Σw², between 1 and K: how many samples really counted. */
  readonly effectiveSampleSize: number;
}

function summarise(logWeights: Float64Array): MarginalEstimate {
  const logMean = logMeanExp(logWeights);
  let sum = 0;
  let sumSquares = 0;
  for (const logWeight of logWeights) {
    const scaled = Math.exp(logWeight - logMean);
    sum += scaled;
    sumSquares += scaled * scaled;
  }
  return { logEstimate: logMean, logWeights, effectiveSampleSize: (sum * sum) / sumSquares };
}

/** Naive estimate: p(x) ≈ (1/K) Σ p(x|z_k) with z_k ~ p(z); unbiased for p(x) but needs many samples when x is unusual. */
export function priorSamplingEstimate(model: LinearGaussian, x: number, k: number, rng: Rng): MarginalEstimate {
  const logWeights = new Float64Array(k);
  for (let i = 0; i < k; i++) logWeights[i] = toyLogLikelihood(model, x, rng.normal());
  return summarise(logWeights);
}

/** Importance sampling: p(x) ≈ (1/K) Σ p(x|z_k) p(z_k) / q(z_k) with z_k ~ q; exact with one sample when q = p(z|x). */
export function importanceSamplingEstimate(
  model: LinearGaussian,
  x: number,
  q: Gaussian1D,
  k: number,
  rng: Rng,
): MarginalEstimate {
  const logWeights = new Float64Array(k);
  const std = Math.sqrt(q.variance);
  for (let i = 0; i < k; i++) {
    const z = q.mean + std * rng.normal();
    logWeights[i] = toyLogLikelihood(model, x, z) + normalLogDensity(z, 0, 1) - normalLogDensity(z, q.mean, q.variance);
  }
  return summarise(logWeights);
}
