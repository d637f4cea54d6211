/** The loss terms, per example and in nats: reconstruction −log p(x|z), KL(q‖N(0, I)), the β-objective and the ELBO. */
import { tf } from './tf';
import type { Rng } from './random';

const LOG_2PI = Math.log(2 * Math.PI);

/** KL(N(μ, σ²) ‖ N(0, 1)) for each latent dimension: ½(μ² + σ² − 1 − log σ²) (Kingma & Welling, App. B). */
export function gaussianKlPerDim(mu: tf.Tensor2D, logVar: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.mul(0.5, tf.sub(tf.add(tf.square(mu), tf.exp(logVar)), tf.add(1, logVar))));
}

/** −log p(x|z) for a Bernoulli decoder, summed over pixels: Σᵢ max(lᵢ, 0) − lᵢxᵢ + log(1 + e^{−|lᵢ|}), from logits l. */
export function bernoulliReconstruction(logits: tf.Tensor2D, x: tf.Tensor2D): tf.Tensor1D {
  return bernoulliReconstructionOp(logits, x) as tf.Tensor1D;
}

/** The same sum with its derivative supplied directly: ∂/∂l = σ(l) − x (and ∂/∂x = −l), a few kernels instead of a dozen. */
const bernoulliReconstructionOp = tf.customGrad((...args) => {
  const [logits, x, save] = args as [tf.Tensor2D, tf.Tensor2D, (tensors: tf.Tensor[]) => void];
  // The same value as −[x log σ(l) + (1 − x) log(1 − σ(l))], rearranged so no exp can overflow.
  const perPixel = tf.add(tf.sub(tf.relu(logits), tf.mul(logits, x)), tf.log1p(tf.exp(tf.neg(tf.abs(logits)))));
  save([logits, x]);
  return {
    value: tf.sum(perPixel, 1),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [l, pixels] = saved as [tf.Tensor2D, tf.Tensor2D];
      const perRow = tf.expandDims(dy, 1);
      return [tf.mul(perRow, tf.sub(tf.sigmoid(l), pixels)), tf.mul(perRow, tf.neg(l))];
    },
  };
});

/** −log N(x; m, σ²I) summed over D pixels: Σᵢ (xᵢ − mᵢ)²/(2σ²) + ½·D·log(2πσ²), the constant kept (App. C). */
export function gaussianReconstruction(mean: tf.Tensor2D, x: tf.Tensor2D, std: number): tf.Tensor1D {
  return tf.tidy(() => {
    const pixels = x.shape[1];
    const constant = 0.5 * pixels * Math.log(2 * Math.PI * std * std);
    return tf.add(tf.div(tf.sum(tf.squaredDifference(x, mean), 1), 2 * std * std), constant);
  });
}

/** The training objective per example: reconstruction + β·KL. */
export function betaObjective(reconstruction: tf.Tensor1D, kl: tf.Tensor1D, beta: number): tf.Tensor1D {
  return tf.tidy(() => tf.add(reconstruction, tf.mul(beta, kl)));
}

/** The evidence lower bound per example: −(reconstruction + KL), whatever β is. */
export function elbo(reconstruction: tf.Tensor1D, kl: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => tf.neg(tf.add(reconstruction, kl)) as tf.Tensor1D);
}

/** log N(z; μ, σ²I) summed over dimensions, for each row: the log-density of q(z|x) (or of the prior with μ = 0, log σ² = 0). */
export function diagonalGaussianLogDensity(z: tf.Tensor2D, mu: tf.Tensor2D, logVar: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const standardized = tf.div(tf.squaredDifference(z, mu), tf.exp(logVar));
    return tf.mul(-0.5, tf.sum(tf.add(tf.add(standardized, logVar), LOG_2PI), 1));
  });
}

/** log N(z; 0, I) for each row: the prior's log-density. */
export function standardNormalLogDensity(z: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => tf.mul(-0.5, tf.sum(tf.add(tf.square(z), LOG_2PI), 1)));
}

/** Binary entropy H(p) = −p log p − (1 − p) log(1 − p) in nats, with 0 log 0 = 0. */
export function binaryEntropy(p: number): number {
  if (p <= 0 || p >= 1) return 0;
  return -p * Math.log(p) - (1 - p) * Math.log(1 - p);
}

/**
 * The floor of Bernoulli cross-entropy on continuous pixels: Σᵢ H(xᵢ), reached only when the decoder outputs x exactly.
 * On grey pixels the "reconstruction" can never reach 0 nats, so only the part above this floor is the model's fault.
 */
export function crossEntropyFloor(pixels: ArrayLike<number>, offset = 0, length = pixels.length - offset): number {
  let sum = 0;
  for (let i = offset; i < offset + length; i++) sum += binaryEntropy(pixels[i] as number);
  return sum;
}

/** Dynamic binarization: each pixel becomes 1 with probability equal to its grey value, drawn from `rng`. */
export function binarizeInto(pixels: ArrayLike<number>, rng: Rng, out: Float32Array): Float32Array {
  for (let i = 0; i < out.length; i++) out[i] = rng.uniform() < (pixels[i] as number) ? 1 : 0;
  return out;
}
