/**
 * Pathwise and score-function estimators of d/dμ and d/dσ of E[f(z)], z = μ + σε, ε ~ N(0, 1), with their exact means
 * and variances for f(z) = z² and f(z) = sin z, so a widget can put the empirical spread beside the formula.
 */

/** One-sample estimates of the two derivatives. */
export interface GradientSample {
  readonly dMu: number;
  readonly dSigma: number;
}

/** A test function with its derivative and the exact moments of each estimator. */
export interface ToyObjective {
  readonly name: string;
  readonly f: (z: number) => number;
  readonly df: (z: number) => number;
  /** E[f(z)], the baseline the score-function estimator subtracts in `scoreBaselineMu`. */
  readonly expectation: (mu: number, sigma: number) => number;
  readonly trueGradMu: (mu: number, sigma: number) => number;
  readonly trueGradSigma: (mu: number, sigma: number) => number;
  readonly variance: {
    readonly pathwiseMu: (mu: number, sigma: number) => number;
    readonly scoreMu: (mu: number, sigma: number) => number;
    readonly scoreBaselineMu: (mu: number, sigma: number) => number;
    readonly pathwiseSigma: (mu: number, sigma: number) => number;
    readonly scoreSigma: (mu: number, sigma: number) => number;
  };
}

/** Pathwise (reparameterization): ∂f(μ + σε)/∂μ = f′(z), ∂/∂σ = f′(z)·ε. */
export function pathwiseGradient(
  df: (z: number) => number,
  mu: number,
  sigma: number,
  epsilon: number,
): GradientSample {
  const slope = df(mu + sigma * epsilon);
  return { dMu: slope, dSigma: slope * epsilon };
}

/** Score function (REINFORCE): (f(z) − b)·∂log q/∂μ = (f(z) − b)ε/σ, and (f(z) − b)(ε² − 1)/σ for σ. */
export function scoreFunctionGradient(
  f: (z: number) => number,
  mu: number,
  sigma: number,
  epsilon: number,
  baseline = 0,
): GradientSample {
  const centred = f(mu + sigma * epsilon) - baseline;
  return { dMu: (centred * epsilon) / sigma, dSigma: (centred * (epsilon * epsilon - 1)) / sigma };
}

/** f(z) = z²: E f = μ² + σ², d/dμ = 2μ, d/dσ = 2σ; variances from REFERENCES.md. */
export const square: ToyObjective = {
  name: 'z²',
  f: (z) => z * z,
  df: (z) => 2 * z,
  expectation: (mu, sigma) => mu * mu + sigma * sigma,
  trueGradMu: (mu) => 2 * mu,
  trueGradSigma: (_mu, sigma) => 2 * sigma,
  variance: {
    pathwiseMu: (_mu, sigma) => 4 * sigma * sigma,
    scoreMu: (mu, sigma) => mu ** 4 / sigma ** 2 + 14 * mu * mu + 15 * sigma * sigma,
    scoreBaselineMu: (mu, sigma) => 8 * mu * mu + 10 * sigma * sigma,
    pathwiseSigma: (mu, sigma) => 4 * mu * mu + 8 * sigma * sigma,
    scoreSigma: (mu, sigma) => (2 * mu ** 4) / sigma ** 2 + 60 * mu * mu + 74 * sigma * sigma,
  },
};

/*
 * f(z) = sin z. Everything follows from E[εⁿ e^{i(a + bε)}] = e^{ia}·(−i d/db)ⁿ e^{−b²/2}:
 * E[ε² cos(a + bε)] = cos a (1 − b²) e^{−b²/2}, E[ε² sin(a + bε)] = sin a (1 − b²) e^{−b²/2},
 * E[(ε² − 1)² cos(a + bε)] = cos a (b⁴ − 4b² + 2) e^{−b²/2}. Derivation in the gradient-estimators chapter.
 */
const decay = (sigma: number, times = 1) => Math.exp((-times * sigma * sigma) / 2);

/** f(z) = sin z: E f = sin μ·e^{−σ²/2}, d/dμ = cos μ·e^{−σ²/2}, d/dσ = −σ sin μ·e^{−σ²/2}. */
export const sine: ToyObjective = {
  name: 'sin z',
  f: Math.sin,
  df: Math.cos,
  expectation: (mu, sigma) => Math.sin(mu) * decay(sigma),
  trueGradMu: (mu, sigma) => Math.cos(mu) * decay(sigma),
  trueGradSigma: (mu, sigma) => -sigma * Math.sin(mu) * decay(sigma),
  variance: {
    pathwiseMu: (mu, sigma) => 0.5 * (1 + Math.cos(2 * mu) * decay(sigma, 4)) - (Math.cos(mu) * decay(sigma)) ** 2,
    scoreMu: (mu, sigma) => sineSquaredTimesEpsSquared(mu, sigma) / sigma ** 2 - (Math.cos(mu) * decay(sigma)) ** 2,
    scoreBaselineMu: (mu, sigma) => {
      const b = Math.sin(mu) * decay(sigma);
      const sinTimesEpsSquared = Math.sin(mu) * (1 - sigma * sigma) * decay(sigma);
      return (
        (sineSquaredTimesEpsSquared(mu, sigma) - 2 * b * sinTimesEpsSquared + b * b) / sigma ** 2 -
        (Math.cos(mu) * decay(sigma)) ** 2
      );
    },
    pathwiseSigma: (mu, sigma) =>
      0.5 * (1 + Math.cos(2 * mu) * (1 - 4 * sigma * sigma) * decay(sigma, 4)) -
      (sigma * Math.sin(mu) * decay(sigma)) ** 2,
    scoreSigma: (mu, sigma) =>
      (1 - Math.cos(2 * mu) * (8 * sigma ** 4 - 8 * sigma ** 2 + 1) * decay(sigma, 4)) / sigma ** 2 -
      (sigma * Math.sin(mu) * decay(sigma)) ** 2,
  },
};

/** E[sin²(μ + σε) ε²] = ½ − ½ cos 2μ (1 − 4σ²) e^{−2σ²}. */
function sineSquaredTimesEpsSquared(mu: number, sigma: number): number {
  return 0.5 - 0.5 * Math.cos(2 * mu) * (1 - 4 * sigma * sigma) * decay(sigma, 4);
}

/** Mean and variance (unbiased) of `n` one-sample estimates, each from a fresh ε. */
export function empiricalMoments(samples: ArrayLike<number>): { mean: number; variance: number } {
  const n = samples.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += samples[i] as number;
  mean /= n;
  let sumSquares = 0;
  for (let i = 0; i < n; i++) sumSquares += ((samples[i] as number) - mean) ** 2;
  return { mean, variance: sumSquares / (n - 1) };
}
