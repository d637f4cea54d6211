/**
 * What chapter 5's gradient-race widget shows about the estimators of d/dμ E[f(z)] in ./gradient-estimators: many
 * repeats of the N-sample average of each, their exact variance, how far an empirical variance from R repeats is
 * expected to stray from it, and histogram counts on one range shared by the three. No tfjs (the page loads this).
 */
import type { Rng } from '../random';
import { pathwiseGradient, scoreFunctionGradient, type ToyObjective } from './gradient-estimators';

/** The three estimators the widget races: pathwise, score function, and score function with the baseline b = E f. */
export type Estimator = 'pathwise' | 'score' | 'scoreBaseline';

/** The estimators in the order the widget lists them. */
export const ESTIMATORS: readonly Estimator[] = Object.freeze(['pathwise', 'score', 'scoreBaseline'] as const);

/** The one-sample estimate of d/dμ E[f(z)] as a function of ε; the baseline estimator subtracts the exact b = E f(z). */
export function estimatorOfEpsilon(
  objective: ToyObjective,
  estimator: Estimator,
  mu: number,
  sigma: number,
): (epsilon: number) => number {
  if (estimator === 'pathwise') return (epsilon) => pathwiseGradient(objective.df, mu, sigma, epsilon).dMu;
  // b is worked out once here, not once per sample: for sin z it costs an exp and a sin.
  const baseline = estimator === 'scoreBaseline' ? objective.expectation(mu, sigma) : 0;
  return (epsilon) => scoreFunctionGradient(objective.f, mu, sigma, epsilon, baseline).dMu;
}

/** The exact variance of one estimate: the closed forms in `objective.variance`, divided by n for an n-sample average. */
export function analyticVarianceMu(
  objective: ToyObjective,
  estimator: Estimator,
  mu: number,
  sigma: number,
  n = 1,
): number {
  const perSample = {
    pathwise: objective.variance.pathwiseMu,
    score: objective.variance.scoreMu,
    scoreBaseline: objective.variance.scoreBaselineMu,
  }[estimator];
  return perSample(mu, sigma) / n;
}

/**
 * `repeats` independent estimates, each the average of n one-sample estimates from fresh ε ~ N(0, 1), drawn from `rng`
 * one after another (so chunks from the same generator join into one longer run).
 */
export function averagedEstimates(
  objective: ToyObjective,
  estimator: Estimator,
  mu: number,
  sigma: number,
  n: number,
  repeats: number,
  rng: Rng,
): Float64Array {
  const estimate = estimatorOfEpsilon(objective, estimator, mu, sigma);
  const out = new Float64Array(repeats);
  for (let r = 0; r < repeats; r++) {
    let sum = 0;
    for (let k = 0; k < n; k++) sum += estimate(rng.normal());
    out[r] = sum / n;
  }
  return out;
}

const QUADRATURE_REACH = 12;

/**
 * E[g(ε)] for ε ~ N(0, 1) by the trapezoid rule on [−12, 12]: for smooth g growing at most polynomially the error
 * falls like exp(−2π²/h²) in the step h, and the tails beyond ±12 weigh less than 10⁻³⁰ times a 12th power.
 */
export function gaussianExpectation(g: (epsilon: number) => number, points = 2401): number {
  const h = (2 * QUADRATURE_REACH) / (points - 1);
  let sum = 0;
  for (let i = 0; i < points; i++) {
    const e = -QUADRATURE_REACH + i * h;
    const weight = i === 0 || i === points - 1 ? 0.5 : 1;
    sum += weight * g(e) * Math.exp(-0.5 * e * e);
  }
  return (sum * h) / Math.sqrt(2 * Math.PI);
}

/** Mean, variance and kurtosis E[(g − E g)⁴] / Var² of one one-sample estimate, by quadrature over ε. */
export function estimatorMoments(
  objective: ToyObjective,
  estimator: Estimator,
  mu: number,
  sigma: number,
): { mean: number; variance: number; kurtosis: number } {
  const g = estimatorOfEpsilon(objective, estimator, mu, sigma);
  const mean = gaussianExpectation(g);
  const variance = gaussianExpectation((e) => (g(e) - mean) ** 2);
  const fourth = gaussianExpectation((e) => (g(e) - mean) ** 4);
  return { mean, variance, kurtosis: fourth / (variance * variance) };
}

/** Kurtosis of the average of n independent copies of a variable with kurtosis κ: 3 + (κ − 3)/n (excess kurtosis shrinks as 1/n). */
export function averageKurtosis(kurtosis: number, n: number): number {
  return 3 + (kurtosis - 3) / n;
}

/**
 * Standard deviation of the unbiased sample variance s² of R independent draws, relative to the true variance σ²:
 * Var(s²) = σ⁴ (κ − (R − 3)/(R − 1)) / R for kurtosis κ, which is 2σ⁴/(R − 1) for a normal (κ = 3).
 */
export function sampleVarianceRelativeSd(kurtosis: number, repeats: number): number {
  return Math.sqrt((kurtosis - (repeats - 3) / (repeats - 1)) / repeats);
}

/** How far the empirical variance of `repeats` n-sample averages is expected to stray, relative to the exact one (one sd). */
export function empiricalVarianceRelativeSd(
  objective: ToyObjective,
  estimator: Estimator,
  mu: number,
  sigma: number,
  n: number,
  repeats: number,
): number {
  return sampleVarianceRelativeSd(
    averageKurtosis(estimatorMoments(objective, estimator, mu, sigma).kurtosis, n),
    repeats,
  );
}

/** The range the three histograms share: the true gradient ± `reach` times the largest exact sd of an n-sample average. */
export function sharedRange(
  objective: ToyObjective,
  mu: number,
  sigma: number,
  n: number,
  reach = 4,
): [number, number] {
  const truth = objective.trueGradMu(mu, sigma);
  const widest = Math.max(...ESTIMATORS.map((e) => Math.sqrt(analyticVarianceMu(objective, e, mu, sigma, n))));
  const half = widest > 0 && Number.isFinite(widest) ? reach * widest : 1;
  return [truth - half, truth + half];
}

/** Counts of values in equal bins over [lo, hi], and how many fell below or above it. */
export interface Histogram {
  readonly lo: number;
  readonly hi: number;
  readonly binWidth: number;
  readonly counts: readonly number[];
  readonly below: number;
  readonly above: number;
}

/** Bins `values` into `bins` equal bins over [lo, hi] (each bin holds [left, right); hi itself goes in the last bin). */
export function histogram(values: ArrayLike<number>, lo: number, hi: number, bins: number): Histogram {
  const counts = new Array<number>(bins).fill(0);
  const binWidth = (hi - lo) / bins;
  let below = 0;
  let above = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v < lo) below++;
    else if (v > hi) above++;
    else {
      const bin = Math.min(bins - 1, Math.floor((v - lo) / binWidth));
      counts[bin]!++;
    }
  }
  return { lo, hi, binWidth, counts, below, above };
}
