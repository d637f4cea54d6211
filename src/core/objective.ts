/** One forward pass of the VAE on a batch: the per-example terms and the scalar the optimizer minimizes. */
import { tf } from './tf';
import type { GradientEstimator } from './config';
import type { VaeModel } from './model';
import { betaObjective, diagonalGaussianLogDensity, gaussianKlPerDim } from './losses';
import { reparameterize, stopGradient } from './sampler';
import { ObjectiveError } from './errors';
import { pathwiseTerms, reconstructionTerm } from './pathwise';

export { reconstructionTerm } from './pathwise';

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

/** What a reader's per-example loss receives: the batch, the encoder's output, the sample z, the decoder's logits, β. */
export interface ObjectiveInputs {
  readonly x: tf.Tensor2D;
  readonly mu: tf.Tensor2D;
  readonly logVar: tf.Tensor2D;
  readonly z: tf.Tensor2D;
  readonly logits: tf.Tensor2D;
  readonly beta: number;
}

/** A per-example loss written by a reader (chapter 6's cell): must return a [batch] tensor; its batch mean is minimised. */
export type PerExampleObjective = (inputs: ObjectiveInputs) => unknown;

/** Calls a reader's loss and checks what it returns; any failure becomes an `ObjectiveError`. */
export function readerObjective(objective: PerExampleObjective, inputs: ObjectiveInputs): tf.Tensor1D {
  let value: unknown;
  try {
    value = objective(inputs);
  } catch (error) {
    // A wrapper around the reader's loss (the lab worker's time limit) may name the problem itself.
    if (error instanceof ObjectiveError) throw error;
    throw new ObjectiveError('threw', error instanceof Error ? error.message : String(error));
  }
  if (!(value instanceof tf.Tensor)) {
    throw new ObjectiveError(
      'not-tensor',
      value === null ? 'null' : typeof value === 'object' ? (value.constructor?.name ?? 'an object') : typeof value,
    );
  }
  const batch = inputs.x.shape[0];
  if (value.rank !== 1 || value.shape[0] !== batch)
    throw new ObjectiveError('shape', `[${value.shape.join(', ')}] (batch ${batch})`);
  return tf.cast(value, 'float32') as tf.Tensor1D;
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

/**
 * Runs encoder, sampler and decoder on `x` with noise `epsilon` ([batch, latent]) and returns every term. With a
 * reader's `custom` loss, `objective` and `loss` are the reader's (trained pathwise) while `reconstruction` and `kl`
 * stay the book's measurements; a failing `custom` throws `ObjectiveError`. The book's own objective trained pathwise
 * runs as one op with its gradient written out (pathwise.ts); the other estimators and a reader's loss use the tape.
 */
export function computeTerms(
  model: VaeModel,
  x: tf.Tensor2D,
  epsilon: tf.Tensor2D,
  beta: number,
  estimator: GradientEstimator = 'pathwise',
  baseline = 0,
  custom: PerExampleObjective | null = null,
): BatchTerms {
  if (estimator === 'pathwise' && !custom) return tf.tidy(() => ({ ...pathwiseTerms(model, x, epsilon, beta) }));
  return tf.tidy(() => {
    const { mu, logVar } = model.encode(x);
    const klPerDim = gaussianKlPerDim(mu, logVar);
    const kl = tf.sum(klPerDim, 1) as tf.Tensor1D;
    const sampled = reparameterize(mu, logVar, epsilon);
    const z = estimator === 'pathwise' || custom ? sampled : stopGradient(sampled);
    const logits = model.decodeLogits(z);
    const reconstruction = reconstructionTerm(model, logits, x);
    const objective = custom
      ? readerObjective(custom, { x, mu, logVar, z, logits, beta })
      : betaObjective(reconstruction, kl, beta);
    const loss =
      estimator === 'pathwise' || custom
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
