/**
 * Summaries of repeated Monte Carlo estimates, for the widgets that put the importance-weighted bound 𝓛_K beside the
 * ELBO (chapter 3, eq. for 𝓛_K; chapter 1's log p(x)): a mean with its standard error, the difference of two
 * independent means, whether a ladder 𝓛_1, 𝓛_5, … climbs as Burda et al. prove it does in expectation, and a
 * log-probability as bits per dimension or as m × 10^e (chapter 1, log-densities and nats).
 */

/** The mean of `count` independent estimates and its standard error s/√n (s with n − 1; NaN for a single estimate). */
export interface MeanEstimate {
  readonly count: number;
  readonly mean: number;
  readonly standardError: number;
}

/** Mean and standard error of `values` (at least one; all finite, or the result is not finite either). */
export function meanEstimate(values: ArrayLike<number>): MeanEstimate {
  const count = values.length;
  if (count === 0) throw new RangeError('meanEstimate() needs at least one value');
  let mean = 0;
  for (let i = 0; i < count; i++) mean += values[i] as number;
  mean /= count;
  let squares = 0;
  for (let i = 0; i < count; i++) squares += ((values[i] as number) - mean) ** 2;
  const standardError = count > 1 ? Math.sqrt(squares / (count - 1) / count) : Number.NaN;
  return { count, mean, standardError };
}

/** a − b for independent estimates: the means subtract and the standard errors add in quadrature. */
export function differenceEstimate(a: MeanEstimate, b: MeanEstimate): MeanEstimate {
  return {
    count: Math.min(a.count, b.count),
    mean: a.mean - b.mean,
    standardError: Math.hypot(a.standardError, b.standardError),
  };
}

/**
 * Whether every estimate is at least the one before it minus `z` of their combined standard errors: what "𝓛_K does
 * not decrease as K grows" looks like through Monte Carlo noise. True for fewer than two estimates.
 */
export function nonDecreasingWithin(estimates: readonly MeanEstimate[], z = 3): boolean {
  for (let i = 1; i < estimates.length; i++) {
    const step = differenceEstimate(estimates[i] as MeanEstimate, estimates[i - 1] as MeanEstimate);
    if (!(step.mean >= -z * step.standardError)) return false;
  }
  return true;
}

/** A log-probability in nats as bits per dimension: −log p / (d ln 2) (chapter 1, log-densities and nats). */
export function bitsPerDimension(logProbability: number, dimensions: number): number {
  return -logProbability / (dimensions * Math.LN2);
}

/** p = e^logP written as m × 10^e with 1 ≤ m < 10, for numbers far below floating point's range (e^−100). */
export function powerOfTen(logProbability: number): { mantissa: number; exponent: number } {
  const log10 = logProbability / Math.LN10;
  const exponent = Math.floor(log10);
  return { mantissa: 10 ** (log10 - exponent), exponent };
}
