/**
 * Maximum likelihood for the linear-Gaussian toy on a small data set (chapter 2, "A worked example: fitting the toy"):
 * ℓ(w, b, s) = Σ log N(x⁽ⁱ⁾; b, w² + s²), its gradient, its closed-form maximum, and gradient ascent on it. Each
 * derivative sits beside the value it differentiates; tests check one against the other.
 */
import { logEvidence, type LinearGaussian } from './linear-gaussian';

/** ∂ℓ/∂w, ∂ℓ/∂b and ∂ℓ/∂s. */
export interface LikelihoodGradient {
  readonly w: number;
  readonly b: number;
  readonly s: number;
}

/** log p(x⁽ⁱ⁾) for each data point, in nats. */
export function pointLogLikelihoods(model: LinearGaussian, data: readonly number[]): number[] {
  return data.map((x) => logEvidence(model, x));
}

/** ℓ(θ) = Σᵢ log p(x⁽ⁱ⁾). */
export function datasetLogLikelihood(model: LinearGaussian, data: readonly number[]): number {
  return pointLogLikelihoods(model, data).reduce((sum, value) => sum + value, 0);
}

/** The mean of the data. */
export function dataMean(data: readonly number[]): number {
  return data.reduce((sum, x) => sum + x, 0) / data.length;
}

/** (1/N) Σ (x⁽ⁱ⁾ − centre)²: the spread of the data around `centre` (the sample variance, with 1/N, at the mean). */
export function meanSquareAround(data: readonly number[], centre: number): number {
  return data.reduce((sum, x) => sum + (x - centre) ** 2, 0) / data.length;
}

/**
 * The exact gradient of `datasetLogLikelihood`. With V = w² + s² and S = Σ (x − b)²:
 * ∂ℓ/∂b = Σ (x − b)/V, ∂ℓ/∂V = −N/(2V) + S/(2V²), and w, s enter only through V: ∂ℓ/∂w = 2w ∂ℓ/∂V, ∂ℓ/∂s = 2s ∂ℓ/∂V.
 */
export function logLikelihoodGradient(model: LinearGaussian, data: readonly number[]): LikelihoodGradient {
  const { w, b, s } = model;
  const variance = w * w + s * s;
  const n = data.length;
  const residualSum = data.reduce((sum, x) => sum + (x - b), 0);
  const squareSum = n * meanSquareAround(data, b);
  const byVariance = -n / (2 * variance) + squareSum / (2 * variance * variance);
  return { w: 2 * w * byVariance, b: residualSum / variance, s: 2 * s * byVariance };
}

/** The maximum over all θ in closed form: b̂ = the mean, ŵ² + ŝ² = the sample variance (1/N), and ℓ there. */
export interface Maximum {
  readonly b: number;
  readonly variance: number;
  readonly logLikelihood: number;
}

/** b̂ = (1/N) Σ x⁽ⁱ⁾, ŵ² + ŝ² = (1/N) Σ (x⁽ⁱ⁾ − b̂)², ℓ̂ = −(N/2)(log(2π(ŵ² + ŝ²)) + 1). Needs data that are not all equal. */
export function maximumLikelihood(data: readonly number[]): Maximum {
  const b = dataMean(data);
  const variance = meanSquareAround(data, b);
  return { b, variance, logLikelihood: (-data.length / 2) * (Math.log(2 * Math.PI * variance) + 1) };
}

/**
 * The best w for the given b and s: ℓ depends on w only through V = w² + s², and for fixed b it peaks at
 * V = (1/N) Σ (x − b)², so |ŵ| = √(that − s²), or 0 when s alone is already wider. Returned with the sign of `model.w`.
 */
export function bestSlope(model: LinearGaussian, data: readonly number[]): number {
  const magnitude = Math.sqrt(Math.max(0, meanSquareAround(data, model.b) - model.s * model.s));
  return model.w < 0 ? -magnitude : magnitude;
}

/** ℓ as a function of w with b and s held: `points` values of w evenly spaced over `range`. */
export function logLikelihoodOverW(
  model: LinearGaussian,
  data: readonly number[],
  range: readonly [number, number],
  points: number,
): { w: number; logLikelihood: number }[] {
  const [lo, hi] = range;
  return Array.from({ length: points }, (_, i) => {
    const w = lo + ((hi - lo) * i) / (points - 1);
    return { w, logLikelihood: datasetLogLikelihood({ ...model, w }, data) };
  });
}

/** How `ascentPath` climbs ℓ. */
export interface AscentOptions {
  /** Step size η; each step is η·(V/N)·∇ℓ, so it is the same for data on any scale (see `ascentStep`). */
  readonly learningRate: number;
  /** Largest factor by which one step may grow w and s (a start far too narrow would otherwise overshoot). */
  readonly maxGrowth: number;
  /** Stop once no parameter moves by more than this in a step. */
  readonly tolerance: number;
  /** Stop after this many steps in any case. */
  readonly maxSteps: number;
}

/** η = 0.1: about 150 steps from the chapter's θ to the maximum within 10⁻⁹, slow enough to watch. */
export const ASCENT_DEFAULTS: AscentOptions = Object.freeze({
  learningRate: 0.1,
  maxGrowth: 2,
  tolerance: 1e-10,
  maxSteps: 2000,
});

/**
 * One step of gradient ascent: θ += η_t ∇ℓ with η_t = η·V/N (V = w² + s²). Then b moves by η(mean − b) and w, s are
 * both multiplied by 1 + η((1/N)Σ(x − b)²/V − 1), which is never below 1 − η, so s stays positive. A step that would
 * grow w and s by more than `maxGrowth` is shortened along the same direction.
 */
export function ascentStep(
  model: LinearGaussian,
  data: readonly number[],
  options: AscentOptions = ASCENT_DEFAULTS,
): LinearGaussian {
  const gradient = logLikelihoodGradient(model, data);
  const variance = model.w * model.w + model.s * model.s;
  let rate = (options.learningRate * variance) / data.length;
  const growth = (rate * gradient.s) / model.s;
  if (growth > options.maxGrowth - 1) rate *= (options.maxGrowth - 1) / growth;
  return { w: model.w + rate * gradient.w, b: model.b + rate * gradient.b, s: model.s + rate * gradient.s };
}

/** θ after some steps of ascent, with ℓ there. */
export interface AscentPoint extends LinearGaussian {
  readonly step: number;
  readonly logLikelihood: number;
}

/** Steps of `ascentStep` from `start` until converged (or `maxSteps`); the path includes the start as step 0. */
export function ascentPath(
  start: LinearGaussian,
  data: readonly number[],
  options: AscentOptions = ASCENT_DEFAULTS,
): AscentPoint[] {
  const at = (model: LinearGaussian, step: number): AscentPoint => ({
    w: model.w,
    b: model.b,
    s: model.s,
    step,
    logLikelihood: datasetLogLikelihood(model, data),
  });
  let model: LinearGaussian = { w: start.w, b: start.b, s: start.s };
  const path = [at(model, 0)];
  for (let step = 1; step <= options.maxSteps; step++) {
    const next = ascentStep(model, data, options);
    const moved = Math.max(Math.abs(next.w - model.w), Math.abs(next.b - model.b), Math.abs(next.s - model.s));
    model = next;
    path.push(at(model, step));
    if (moved < options.tolerance) break;
  }
  return path;
}
