/**
 * Fitting q(z) = N(μ, σ²) to the linear-Gaussian toy's posterior by gradient ascent on the ELBO (chapter 3, "Seeing
 * the gap"; the gradient through the sampling of z is chapter 5's reparameterization trick). q is moved in (μ, log σ)
 * so σ stays positive. Each gradient sits beside its closed form; tests check one against the other.
 */
import type { Rng } from '../random';
import { klToPosterior, toyElbo, type Gaussian1D, type LinearGaussian } from './linear-gaussian';

/** q's free parameters: its mean and the log of its standard deviation. */
export interface QParams {
  readonly mean: number;
  readonly logStd: number;
}

/** The ELBO's partial derivatives with respect to μ and log σ. */
export interface ElboGradient {
  readonly mean: number;
  readonly logStd: number;
}

/** A Monte Carlo gradient with the standard error of each component (sample sd / √samples). */
export interface GradientEstimate extends ElboGradient {
  readonly seMean: number;
  readonly seLogStd: number;
  readonly samples: number;
}

/** N(μ, σ²) from (μ, log σ). */
export function gaussianOf(params: QParams): Gaussian1D {
  return { mean: params.mean, variance: Math.exp(2 * params.logStd) };
}

/** (μ, log σ) of N(μ, σ²). */
export function paramsOf(q: Gaussian1D): QParams {
  return { mean: q.mean, logStd: 0.5 * Math.log(q.variance) };
}

/**
 * The exact gradient of `toyElbo`: ∂/∂μ = w(x − b − wμ)/s² − μ and ∂/∂log σ = 1 − σ²(w²/s² + 1).
 * It is zero exactly at the posterior: μ = w(x − b)/(w² + s²), σ² = s²/(w² + s²).
 */
export function elboGradient(model: LinearGaussian, x: number, q: Gaussian1D): ElboGradient {
  const { w, b, s } = model;
  const s2 = s * s;
  return { mean: (w * (x - b - w * q.mean)) / s2 - q.mean, logStd: 1 - q.variance * ((w * w) / s2 + 1) };
}

/**
 * The reparameterized (pathwise) estimate a VAE uses: z_k = μ + σε_k with ε_k ~ N(0, 1), the reconstruction term's
 * gradient averaged over the draws through z, and KL(q ‖ p(z)) differentiated in closed form (∂/∂μ = μ, ∂/∂log σ = σ² − 1).
 * Per draw, with r(z) = ∂ log p(x|z)/∂z = w(x − b − wz)/s²: ∂/∂μ = r(z_k) and ∂/∂log σ = r(z_k)·σε_k.
 */
export function reparameterizedElboGradient(
  model: LinearGaussian,
  x: number,
  q: Gaussian1D,
  samples: number,
  rng: Rng,
): GradientEstimate {
  if (!(samples >= 1)) throw new RangeError(`reparameterizedElboGradient needs at least one sample, got ${samples}`);
  const { w, b, s } = model;
  const s2 = s * s;
  const std = Math.sqrt(q.variance);
  let sumMu = 0;
  let sumMuSq = 0;
  let sumLog = 0;
  let sumLogSq = 0;
  for (let k = 0; k < samples; k++) {
    const epsilon = rng.normal();
    const slope = (w * (x - b - w * (q.mean + std * epsilon))) / s2;
    const viaStd = slope * std * epsilon;
    sumMu += slope;
    sumMuSq += slope * slope;
    sumLog += viaStd;
    sumLogSq += viaStd * viaStd;
  }
  const se = (sum: number, sumSq: number) =>
    samples > 1 ? Math.sqrt(Math.max(0, (sumSq - (sum * sum) / samples) / (samples - 1)) / samples) : Infinity;
  return {
    mean: sumMu / samples - q.mean,
    logStd: sumLog / samples - (q.variance - 1),
    seMean: se(sumMu, sumMuSq),
    seLogStd: se(sumLog, sumLogSq),
    samples,
  };
}

/** How `fitStep` and `fitPath` climb the ELBO. */
export interface FitOptions {
  /** Step size η of gradient ascent in (μ, log σ). */
  readonly learningRate: number;
  /** Draws of ε per step for the reparameterized gradient; 0 uses the exact gradient (no randomness). */
  readonly samples: number;
  /** After this many steps the step size shrinks as η·decayAfter/t, so Monte Carlo noise averages out (Robbins–Monro). */
  readonly decayAfter: number;
  /** Largest change of μ or of log σ in one step: a far-off start cannot overshoot into a huge or tiny σ. */
  readonly maxStep: number;
}

/**
 * Settings for chapter 1's toy (w = 2, s = 0.5), where η must stay below 2/(w²/s² + 1) ≈ 0.12. With 1024 draws a step
 * and the step size shrinking after 50 steps, `FIT_STEPS` steps leave a Monte Carlo gap of about 3 × 10⁻⁵ nats.
 */
export const FIT_DEFAULTS: FitOptions = Object.freeze({
  learningRate: 0.05,
  samples: 1024,
  decayAfter: 50,
  maxStep: 1,
});

/** How many steps the widget's "Fit q" takes. */
export const FIT_STEPS = 400;

/** The step size at step t (counting from 1): η up to `decayAfter`, then η·decayAfter/t. */
export function learningRateAt(step: number, options: Pick<FitOptions, 'learningRate' | 'decayAfter'>): number {
  return step <= options.decayAfter ? options.learningRate : (options.learningRate * options.decayAfter) / step;
}

/** The gradient `fitStep` follows: exact when `samples` is 0, else the reparameterized estimate from `rng`. */
export function fitGradient(model: LinearGaussian, x: number, q: Gaussian1D, samples: number, rng?: Rng): ElboGradient {
  if (samples === 0) return elboGradient(model, x, q);
  if (!rng) throw new Error('fitGradient: a Monte Carlo gradient needs an Rng');
  return reparameterizedElboGradient(model, x, q, samples, rng);
}

const clamp = (value: number, limit: number) => Math.max(-limit, Math.min(limit, value));

/** One step of gradient ascent on the ELBO: (μ, log σ) += η_t ∇, each change clipped to ±maxStep. */
export function fitStep(
  model: LinearGaussian,
  x: number,
  params: QParams,
  step: number,
  options: FitOptions,
  rng?: Rng,
): QParams {
  const rate = learningRateAt(step, options);
  const gradient = fitGradient(model, x, gaussianOf(params), options.samples, rng);
  return {
    mean: params.mean + clamp(rate * gradient.mean, options.maxStep),
    logStd: params.logStd + clamp(rate * gradient.logStd, options.maxStep),
  };
}

/** Where q is after some steps, with its ELBO and its gap KL(q ‖ p(z|x)). */
export interface FitPoint {
  readonly step: number;
  readonly mean: number;
  readonly std: number;
  readonly elbo: number;
  readonly gap: number;
}

/** Describes q at a step of the fit. */
export function fitPoint(model: LinearGaussian, x: number, params: QParams, step: number): FitPoint {
  const q = gaussianOf(params);
  return {
    step,
    mean: q.mean,
    std: Math.exp(params.logStd),
    elbo: toyElbo(model, x, q),
    gap: klToPosterior(model, x, q),
  };
}

/** `steps` steps of `fitStep` from `start`: the path includes the start (step 0), so it has steps + 1 points. */
export function fitPath(
  model: LinearGaussian,
  x: number,
  start: Gaussian1D,
  steps: number,
  options: FitOptions = FIT_DEFAULTS,
  rng?: Rng,
): FitPoint[] {
  let params = paramsOf(start);
  const path = [fitPoint(model, x, params, 0)];
  for (let t = 1; t <= steps; t++) {
    params = fitStep(model, x, params, t, options, rng);
    path.push(fitPoint(model, x, params, t));
  }
  return path;
}
