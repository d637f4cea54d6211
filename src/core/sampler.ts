/** The reparameterized sampler z = μ + σ ⊙ ε, with ε drawn from a seeded generator. */
import { tf } from './tf';
import type { Rng } from './random';

/** z = μ + exp(½ log σ²) ⊙ ε: a sample from q(z|x) that gradients can flow through to μ and σ. */
export function reparameterize(mu: tf.Tensor2D, logVar: tf.Tensor2D, epsilon: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.add(mu, tf.mul(tf.exp(tf.mul(0.5, logVar)), epsilon)));
}

/** A [rows, cols] tensor of standard normal ε; each call advances `rng`, so every step sees fresh noise. */
export function standardNormal(rng: Rng, rows: number, cols: number): tf.Tensor2D {
  return tf.tensor2d(rng.fillNormal(new Float32Array(rows * cols)), [rows, cols]);
}

/** `count` draws from the prior N(0, I) in `latentSize` dimensions. */
export function samplePrior(rng: Rng, count: number, latentSize: number): tf.Tensor2D {
  return standardNormal(rng, count, latentSize);
}

/** Stops gradients: the value passes through, the derivative is zero (REINFORCE treats z as a constant). */
export const stopGradient = tf.customGrad((...inputs) => ({
  value: tf.clone(inputs[0] as tf.Tensor),
  gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy),
})) as <T extends tf.Tensor>(x: T) => T;
