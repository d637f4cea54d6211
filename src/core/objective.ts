/** One forward pass of the VAE on a batch: the per-example terms and the scalar the optimizer minimizes. */
import { tf } from './tf';
import type { GradientEstimator } from './config';
import type { VaeModel } from './model';
import {
  bernoulliReconstruction,
  betaObjective,
  diagonalGaussianLogDensity,
  gaussianKlPerDim,
  gaussianReconstruction,
} from './losses';
import { reparameterize, stopGradient } from './sampler';

/** The per-example terms of one batch, in nats. */
export interface BatchTerms {
  /** −log p(x|z) for one z per example, [batch]. */
  readonly reconstruction: tf.Tensor1D;
  /** KL(q(z|x) ‖ N(0, I)) per latent dimension, [batch, latent]. */
  readonly klPerDim: tf.Tensor2D;
  /** Σ over dimensions of `klPerDim`, [batch]. */
  readonly kl: tf.Tensor1D;
  /** reconstruction + β·KL, [batch]. */
  readonly objective: tf.Tensor1D;
  /** The scalar whose gradient trains the model: the mean objective, or its REINFORCE surrogate. */
  readonly loss: tf.Scalar;
}

/** −log p(x|z) with the model's likelihood, from the decoder's raw output. */
export function reconstructionTerm(model: VaeModel, decoderOutput: tf.Tensor2D, x: tf.Tensor2D): tf.Tensor1D {
  const { likelihood, decoderStd } = model.config;
  if (likelihood === 'bernoulli') return bernoulliReconstruction(decoderOutput, x);
  return tf.tidy(() => gaussianReconstruction(tf.sigmoid(decoderOutput), x, decoderStd));
}

/**
 * Score-function (REINFORCE) surrogate: its gradient is E[(f(z) − b) ∇ log q(z|x)] for the encoder, with z held fixed,
 * and the usual gradient for the decoder. The KL keeps its closed form.
 */
export function scoreFunctionSurrogate(
  reconstruction: tf.Tensor1D,
  kl: tf.Tensor1D,
  logQ: tf.Tensor1D,
  beta: number,
  baseline: number,
): tf.Scalar {
  return tf.tidy(() => {
    const advantage = stopGradient(tf.sub(reconstruction, baseline));
    return tf.mean(tf.add(betaObjective(reconstruction, kl, beta), tf.mul(advantage, logQ)));
  });
}

/** Runs encoder, sampler and decoder on `x` with noise `epsilon` ([batch, latent]) and returns every term. */
export function computeTerms(
  model: VaeModel,
  x: tf.Tensor2D,
  epsilon: tf.Tensor2D,
  beta: number,
  estimator: GradientEstimator = 'pathwise',
  baseline = 0,
): BatchTerms {
  return tf.tidy(() => {
    const { mu, logVar } = model.encode(x);
    const klPerDim = gaussianKlPerDim(mu, logVar);
    const kl = tf.sum(klPerDim, 1) as tf.Tensor1D;
    const sampled = reparameterize(mu, logVar, epsilon);
    const z = estimator === 'pathwise' ? sampled : stopGradient(sampled);
    const reconstruction = reconstructionTerm(model, model.decodeLogits(z), x);
    const objective = betaObjective(reconstruction, kl, beta);
    const loss =
      estimator === 'pathwise'
        ? tf.mean(objective)
        : scoreFunctionSurrogate(
            reconstruction,
            kl,
            diagonalGaussianLogDensity(z, mu, logVar),
            beta,
            estimator === 'score-baseline' ? baseline : 0,
          );
    return { reconstruction, klPerDim, kl, objective, loss: loss as tf.Scalar };
  });
}
