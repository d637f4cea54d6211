/** Estimators on a trained model: the importance-weighted bound on log p(x), active units, per-dimension KL. */
import { tf } from './tf';
import type { VaeModel } from './model';
import { reconstructionTerm } from './objective';
import { diagonalGaussianLogDensity, gaussianKlPerDim, standardNormalLogDensity } from './losses';
import { reparameterize, standardNormal } from './sampler';
import type { Rng } from './random';
import { ACTIVE_UNIT_THRESHOLD } from './active-units';

/** log((1/n) Σ exp(vᵢ)), computed stably by factoring out the largest value. */
export function logMeanExp(values: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i] as number);
  if (!Number.isFinite(max)) return max;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.exp((values[i] as number) - max);
  return max + Math.log(sum / values.length);
}

/** log w = log p(x|z) + log p(z) − log q(z|x) for one z per row: the log importance weight. */
export function logImportanceWeights(model: VaeModel, x: tf.Tensor2D, epsilon: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const { mu, logVar } = model.encode(x);
    const z = reparameterize(mu, logVar, epsilon);
    const logLikelihood = tf.neg(reconstructionTerm(model, model.decodeLogits(z), x));
    return tf.sub(tf.add(logLikelihood, standardNormalLogDensity(z)), diagonalGaussianLogDensity(z, mu, logVar)) as tf.Tensor1D;
  });
}

/**
 * The importance-weighted bound L_K = log (1/K) Σₖ w_k for each row of `pixels` (`count` rows of `inputSize`),
 * with K samples z_k ~ q(z|x) drawn from `rng` (Burda et al. 2015). K = 1 is the one-sample ELBO; L_K grows with K.
 */
export function importanceWeightedBound(model: VaeModel, pixels: Float32Array, count: number, k: number, rng: Rng): Float64Array {
  const { inputSize, latentSize } = model.config;
  const logWeights = new Float64Array(count * k);
  const x = tf.tensor2d(pixels.subarray(0, count * inputSize), [count, inputSize]);
  for (let sample = 0; sample < k; sample++) {
    const weights = tf.tidy(() => logImportanceWeights(model, x, standardNormal(rng, count, latentSize)));
    weights.dataSync().forEach((value, row) => (logWeights[row * k + sample] = value));
    weights.dispose();
  }
  x.dispose();
  const bounds = new Float64Array(count);
  for (let row = 0; row < count; row++) bounds[row] = logMeanExp(logWeights.subarray(row * k, (row + 1) * k));
  return bounds;
}

/** The encoder's means E_q[z] for `count` rows of `pixels`, as a row-major [count, latent] array. */
export function encodeMeans(model: VaeModel, pixels: Float32Array, count: number, chunk = 500): Float32Array {
  const { inputSize, latentSize } = model.config;
  const means = new Float32Array(count * latentSize);
  for (let start = 0; start < count; start += chunk) {
    const rows = Math.min(chunk, count - start);
    const mu = tf.tidy(() => model.encode(tf.tensor2d(pixels.subarray(start * inputSize, (start + rows) * inputSize), [rows, inputSize])).mu);
    means.set(mu.dataSync(), start * latentSize);
    mu.dispose();
  }
  return means;
}

/** Mean KL(q(z|x) ‖ N(0, I)) per latent dimension over `count` rows of `pixels`. */
export function meanKlPerDim(model: VaeModel, pixels: Float32Array, count: number, chunk = 500): number[] {
  const { inputSize, latentSize } = model.config;
  const sums = new Float64Array(latentSize);
  for (let start = 0; start < count; start += chunk) {
    const rows = Math.min(chunk, count - start);
    const chunkSums = tf.tidy(() => {
      const { mu, logVar } = model.encode(tf.tensor2d(pixels.subarray(start * inputSize, (start + rows) * inputSize), [rows, inputSize]));
      return tf.sum(gaussianKlPerDim(mu, logVar), 0);
    });
    chunkSums.dataSync().forEach((value, dim) => (sums[dim] = (sums[dim] as number) + value));
    chunkSums.dispose();
  }
  return Array.from(sums, (sum) => sum / count);
}

/** The activity threshold of Burda et al.: unit u is active if Cov_x(E_q[z_u]) > 10⁻² (defined in active-units.ts). */
export { ACTIVE_UNIT_THRESHOLD };

/** Per-dimension variance over examples of the encoder means, and which units pass the activity threshold. */
export function activeUnits(
  means: Float32Array,
  count: number,
  latentSize: number,
  threshold = ACTIVE_UNIT_THRESHOLD,
): { variances: number[]; active: boolean[]; count: number } {
  const variances: number[] = [];
  for (let dim = 0; dim < latentSize; dim++) {
    let mean = 0;
    for (let row = 0; row < count; row++) mean += means[row * latentSize + dim] as number;
    mean /= count;
    let sumSquares = 0;
    for (let row = 0; row < count; row++) sumSquares += ((means[row * latentSize + dim] as number) - mean) ** 2;
    variances.push(count > 1 ? sumSquares / (count - 1) : 0);
  }
  const active = variances.map((variance) => variance > threshold);
  return { variances, active, count: active.filter(Boolean).length };
}
