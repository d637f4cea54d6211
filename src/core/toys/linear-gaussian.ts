/** The linear-Gaussian model z ~ N(0, 1), x | z ~ N(wz + b, s²) with q(z) = N(μ_q, τ²): every quantity in closed form. */

const LOG_2PI = Math.log(2 * Math.PI);

/** The model's parameters: x = w·z + b + noise with standard deviation s. */
export interface LinearGaussian {
  readonly w: number;
  readonly b: number;
  readonly s: number;
}

/** A Gaussian q(z) = N(mean, variance). */
export interface Gaussian1D {
  readonly mean: number;
  readonly variance: number;
}

/** log N(x; mean, variance). */
export function normalLogDensity(x: number, mean: number, variance: number): number {
  return -0.5 * (LOG_2PI + Math.log(variance) + ((x - mean) * (x - mean)) / variance);
}

/** Exact log p(x) = −½ log(2π(w² + s²)) − (x − b)²/(2(w² + s²)). */
export function logEvidence(model: LinearGaussian, x: number): number {
  const { w, b, s } = model;
  return normalLogDensity(x, b, w * w + s * s);
}

/** The exact posterior p(z|x) = N(m, v), v = s²/(w² + s²), m = w(x − b)/(w² + s²). */
export function exactPosterior(model: LinearGaussian, x: number): Gaussian1D {
  const { w, b, s } = model;
  const total = w * w + s * s;
  return { mean: (w * (x - b)) / total, variance: (s * s) / total };
}

/** E_q log p(x|z) = −½ log(2πs²) − [(x − b − wμ_q)² + w²τ²]/(2s²): the reconstruction term, negated. */
export function expectedLogLikelihood(model: LinearGaussian, x: number, q: Gaussian1D): number {
  const { w, b, s } = model;
  const residual = x - b - w * q.mean;
  return -0.5 * Math.log(2 * Math.PI * s * s) - (residual * residual + w * w * q.variance) / (2 * s * s);
}

/** KL(q ‖ p(z)) = ½(μ_q² + τ² − 1 − log τ²). */
export function klToPrior(q: Gaussian1D): number {
  return 0.5 * (q.mean * q.mean + q.variance - 1 - Math.log(q.variance));
}

/** KL(q ‖ p(z|x)) = ½[log(v/τ²) + (τ² + (μ_q − m)²)/v − 1]: the gap between log p(x) and the ELBO. */
export function klToPosterior(model: LinearGaussian, x: number, q: Gaussian1D): number {
  const { mean: m, variance: v } = exactPosterior(model, x);
  const diff = q.mean - m;
  return 0.5 * (Math.log(v / q.variance) + (q.variance + diff * diff) / v - 1);
}

/** ELBO(q) = E_q log p(x|z) − KL(q ‖ p(z)). */
export function toyElbo(model: LinearGaussian, x: number, q: Gaussian1D): number {
  return expectedLogLikelihood(model, x, q) - klToPrior(q);
}

/** log p(x|z) = log N(x; wz + b, s²). */
export function toyLogLikelihood(model: LinearGaussian, x: number, z: number): number {
  return normalLogDensity(x, model.w * z + model.b, model.s * model.s);
}
