/**
 * What chapter 1's marginal-likelihood widget shows about Monte Carlo estimates of p(x) in the linear-Gaussian toy:
 * one run with its running estimate, many repeats with their spread, and the closed-form spread to compare against.
 * No tfjs here (the widget loads this module in the page), so the estimate is accumulated in one pass; tests check it
 * against `priorSamplingEstimate` and `importanceSamplingEstimate` in ./marginal-likelihood.
 */
import type { Rng } from '../random';
import {
  exactPosterior,
  normalLogDensity,
  toyLogLikelihood,
  type Gaussian1D,
  type LinearGaussian,
} from './linear-gaussian';

const LOG_2PI = Math.log(2 * Math.PI);

/** The prior p(z) = N(0, 1) as a proposal: importance sampling from it is the naive estimate. */
export const STANDARD_PRIOR: Gaussian1D = Object.freeze({ mean: 0, variance: 1 });

/**
 * E_q[(w/p(x))²] for the weight w = p(z) p(x|z) / q(z), z ~ q = N(μ, t), with p(z|x) = N(m, v):
 * t / √(v(2t − v)) · exp((m − μ)² / (2t − v)); Infinity when t ≤ v/2 (the weights then have infinite variance).
 * It is 1 exactly when q = p(z|x). Chapter 1, "Why this integral is the whole problem".
 */
export function relativeSecondMoment(model: LinearGaussian, x: number, q: Gaussian1D): number {
  const { mean: m, variance: v } = exactPosterior(model, x);
  const t = q.variance;
  const denominator = 2 * t - v;
  if (!(denominator > 0)) return Infinity;
  const diff = m - q.mean;
  return (t / Math.sqrt(v * denominator)) * Math.exp((diff * diff) / denominator);
}

/** Standard deviation of the n-sample estimate p̂(x) relative to p(x): √((E_q[(w/p(x))²] − 1) / n). */
export function relativeStd(model: LinearGaussian, x: number, q: Gaussian1D, n: number): number {
  const excess = relativeSecondMoment(model, x, q) - 1;
  // Rounding can leave −1e−16 when q = p(z|x); the variance is then exactly 0.
  return Math.sqrt(Math.max(0, excess) / n);
}

/** The fraction of samples that count as n → ∞: ESS/n → 1 / E_q[(w/p(x))²] (0 when the weights have infinite variance). */
export function expectedEssFraction(model: LinearGaussian, x: number, q: Gaussian1D): number {
  return 1 / relativeSecondMoment(model, x, q);
}

/** Sample counts 1 … n spaced evenly on a log scale, `perDecade` per factor of 10, always ending at n. */
export function logSpacedCounts(n: number, perDecade = 10): number[] {
  const counts: number[] = [];
  const steps = Math.ceil(Math.log10(n) * perDecade);
  for (let i = 0; i <= steps; i++) {
    const count = Math.min(n, Math.round(10 ** (i / perDecade)));
    if (count !== counts[counts.length - 1]) counts.push(count);
  }
  if (counts[counts.length - 1] !== n) counts.push(n);
  return counts;
}

/** Options for `sampleRun`: how many samples to keep for display and where to record the running estimate. */
export interface RunOptions {
  /** Keep the first `keep` samples z and their log weights (for the tick marks). */
  readonly keep?: number;
  /** Increasing sample counts at which to record the running log estimate (for the convergence plot). */
  readonly checkpoints?: readonly number[];
}

/** One n-sample importance-sampling run. */
export interface Run {
  /** log p̂(x) = log (1/n) Σ w_k. */
  readonly logEstimate: number;
  /** (Σ w)² / Σ w², between 1 and n. */
  readonly effectiveSampleSize: number;
  /** The first `keep` samples and their log weights. */
  readonly samples: Float64Array;
  readonly logWeights: Float64Array;
  /** The running log estimate after each checkpoint count (counts above n are dropped). */
  readonly trace: { readonly counts: number[]; readonly logEstimates: number[] };
}

/**
 * Draws z_k ~ q for k = 1 … n and accumulates log (1/n) Σ w_k with w_k = p(z_k) p(x|z_k) / q(z_k) in one pass
 * (a running log-sum-exp, so nothing of size n is stored). With q = STANDARD_PRIOR every w_k is p(x|z_k): the naive
 * estimate. Consumes the generator exactly as `importanceSamplingEstimate` does and agrees with it to rounding (tests).
 */
export function sampleRun(
  model: LinearGaussian,
  x: number,
  q: Gaussian1D,
  n: number,
  rng: Rng,
  options: RunOptions = {},
): Run {
  const keep = Math.min(n, options.keep ?? 0);
  const samples = new Float64Array(keep);
  const logWeights = new Float64Array(keep);
  const checkpoints = (options.checkpoints ?? []).filter((c) => c >= 1 && c <= n);
  const trace = { counts: [] as number[], logEstimates: [] as number[] };
  const std = Math.sqrt(q.variance);
  // log w = log N(x; wz + b, s²) + log N(z; 0, 1) − log N(z; μ, τ²), with the constants taken out of the loop:
  // log w = c − ½[(x − wz − b)²/s² + z² − (z − μ)²/τ²].
  const s2 = model.s * model.s;
  const c = -0.5 * (LOG_2PI + Math.log(s2)) + 0.5 * Math.log(q.variance);
  let max = -Infinity;
  let sum = 0; // Σ exp(l − max)
  let sumSquares = 0; // Σ exp(2(l − max))
  let next = 0;
  for (let k = 1; k <= n; k++) {
    const z = q.mean + std * rng.normal();
    const residual = x - model.w * z - model.b;
    const fromMean = z - q.mean;
    const logWeight = c - 0.5 * ((residual * residual) / s2 + z * z - (fromMean * fromMean) / q.variance);
    if (k <= keep) {
      samples[k - 1] = z;
      logWeights[k - 1] = logWeight;
    }
    if (logWeight > max) {
      const scale = Math.exp(max - logWeight);
      sum = sum * scale + 1;
      sumSquares = sumSquares * scale * scale + 1;
      max = logWeight;
    } else {
      const scaled = Math.exp(logWeight - max);
      sum += scaled;
      sumSquares += scaled * scaled;
    }
    if (k === checkpoints[next]) {
      trace.counts.push(k);
      trace.logEstimates.push(max + Math.log(sum / k));
      next++;
    }
  }
  return {
    logEstimate: max + Math.log(sum / n),
    effectiveSampleSize: (sum * sum) / sumSquares,
    samples,
    logWeights,
    trace,
  };
}

/** `repeats` independent n-sample log estimates of p(x), drawn one after another from `rng` (so chunks can be joined). */
export function repeatEstimates(
  model: LinearGaussian,
  x: number,
  q: Gaussian1D,
  n: number,
  repeats: number,
  rng: Rng,
): Float64Array {
  const out = new Float64Array(repeats);
  for (let r = 0; r < repeats; r++) out[r] = sampleRun(model, x, q, n, rng).logEstimate;
  return out;
}

/** The spread of a set of values: mean, sample standard deviation (n − 1), and the central 90% interval. */
export interface Spread {
  readonly count: number;
  readonly mean: number;
  readonly sd: number;
  /** 5% and 95% quantiles (linear interpolation between order statistics, R's type 7). */
  readonly lower: number;
  readonly upper: number;
}

/** Quantile p of sorted values, R type 7: interpolates at position (n − 1)p. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const a = sorted[below] as number;
  const b = sorted[Math.min(sorted.length - 1, below + 1)] as number;
  return a + (b - a) * (position - below);
}

/** Mean, standard deviation and central 90% interval of `values` (at least one). */
export function spread(values: ArrayLike<number>): Spread {
  const count = values.length;
  if (count === 0) throw new RangeError('spread() needs at least one value');
  let mean = 0;
  for (let i = 0; i < count; i++) mean += values[i] as number;
  mean /= count;
  let squares = 0;
  for (let i = 0; i < count; i++) squares += ((values[i] as number) - mean) ** 2;
  const sorted = Float64Array.from(values).sort();
  return {
    count,
    mean,
    sd: count > 1 ? Math.sqrt(squares / (count - 1)) : 0,
    lower: quantileSorted(sorted, 0.05),
    upper: quantileSorted(sorted, 0.95),
  };
}

/** One point of the density plot over z. */
export interface DensityPoint {
  readonly z: number;
  /** p(z) = N(z; 0, 1). */
  readonly prior: number;
  /** q(z). */
  readonly proposal: number;
  /** The integrand p(z) p(x|z). */
  readonly integrand: number;
  /** The integrand scaled to area 1: p(z) p(x|z) / p(x) = p(z|x). */
  readonly posterior: number;
}

/** The z range that shows the prior, q and p(z|x): each ± 4 standard deviations. */
export function densityRange(model: LinearGaussian, x: number, q: Gaussian1D): [number, number] {
  const post = exactPosterior(model, x);
  const reach = (g: Gaussian1D) => 4 * Math.sqrt(g.variance);
  const lo = Math.min(-4, post.mean - reach(post), q.mean - reach(q));
  const hi = Math.max(4, post.mean + reach(post), q.mean + reach(q));
  return [lo, hi];
}

/** p(z), q(z), p(z) p(x|z) and p(z|x) on `points` evenly spaced z over `range` (default `densityRange`). */
export function densityCurves(
  model: LinearGaussian,
  x: number,
  q: Gaussian1D,
  points = 241,
  range = densityRange(model, x, q),
): DensityPoint[] {
  const post = exactPosterior(model, x);
  const [lo, hi] = range;
  const rows: DensityPoint[] = [];
  for (let i = 0; i < points; i++) {
    const z = lo + ((hi - lo) * i) / (points - 1);
    const prior = Math.exp(normalLogDensity(z, 0, 1));
    rows.push({
      z,
      prior,
      proposal: Math.exp(normalLogDensity(z, q.mean, q.variance)),
      integrand: Math.exp(normalLogDensity(z, 0, 1) + toyLogLikelihood(model, x, z)),
      posterior: Math.exp(normalLogDensity(z, post.mean, post.variance)),
    });
  }
  return rows;
}
