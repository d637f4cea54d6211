/**
 * The book's pathwise objective as one op with its gradient written out: encoder, sampler, decoder and loss run forward
 * as usual; backward, the loss's derivatives are closed forms and each layer's is a few matrix products, so a training
 * step records one node on tfjs's tape instead of dozens, with none of the copies and reshapes the tape adds.
 */
import { tf } from './tf';
import { denseBackward, denseForward, type DenseLayer, type VaeModel } from './model';
import { bernoulliReconstruction, betaObjective, gaussianKlPerDim, gaussianReconstruction } from './losses';
import { reparameterize } from './sampler';

/** −log p(x|z) with the model's likelihood, from the decoder's raw output. */
export function reconstructionTerm(model: VaeModel, decoderOutput: tf.Tensor2D, x: tf.Tensor2D): tf.Tensor1D {
  const { likelihood, decoderStd } = model.config;
  if (likelihood === 'bernoulli') return bernoulliReconstruction(decoderOutput, x);
  return tf.tidy(() => gaussianReconstruction(tf.sigmoid(decoderOutput), x, decoderStd));
}

/** The per-example terms of one batch and the mean objective (see `BatchTerms` in objective.ts). */
export interface PathwiseTerms {
  readonly reconstruction: tf.Tensor1D;
  readonly klPerDim: tf.Tensor2D;
  readonly kl: tf.Tensor1D;
  readonly objective: tf.Tensor1D;
  readonly loss: tf.Scalar;
}

/** What the backward pass needs from the forward one: each network's activations (its input first) and the sampler's. */
interface ForwardPass {
  readonly encoder: tf.Tensor2D[];
  readonly decoder: tf.Tensor2D[];
  readonly mu: tf.Tensor2D;
  readonly logVar: tf.Tensor2D;
  readonly epsilon: tf.Tensor2D;
}

/** Runs `layers` in order from `input`; returns the input and every layer's output. */
function runLayers(layers: readonly DenseLayer[], input: tf.Tensor2D): tf.Tensor2D[] {
  const activations = [input];
  for (const layer of layers) activations.push(denseForward(activations[activations.length - 1]!, layer));
  return activations;
}

/** The layers in the model's variable order: encoder, its head, decoder, its output. */
const encoderOf = (model: VaeModel) => [...model.encoderLayers, model.encoderHead];
const decoderOf = (model: VaeModel) => [...model.decoderLayers, model.decoderOutput];
const last = (activations: readonly tf.Tensor2D[]) => activations[activations.length - 1]!;

/** Forward through encoder, sampler and decoder: the same ops as `model.encode`, `reparameterize`, `decodeLogits`. */
function forwardPass(model: VaeModel, x: tf.Tensor2D, epsilon: tf.Tensor2D): ForwardPass {
  const encoder = runLayers(encoderOf(model), x);
  const [mu, logVar] = tf.split(last(encoder), 2, 1) as [tf.Tensor2D, tf.Tensor2D];
  const decoder = runLayers(decoderOf(model), reparameterize(mu, logVar, epsilon));
  return { encoder, decoder, mu, logVar, epsilon };
}

/** What the backward pass reads, flattened for tfjs's `save`: not the head's output (μ and log σ² are its halves). */
const toSaved = (pass: ForwardPass): tf.Tensor[] => [
  pass.mu,
  pass.logVar,
  pass.epsilon,
  ...pass.encoder.slice(0, -1),
  ...pass.decoder,
];

function fromSaved(saved: readonly tf.Tensor[], encoderLayers: number): ForwardPass {
  const [mu, logVar, epsilon, ...activations] = saved as tf.Tensor2D[];
  return {
    mu: mu!,
    logVar: logVar!,
    epsilon: epsilon!,
    // Without the head's output: that layer is linear, so its backward pass reads only its input.
    encoder: activations.slice(0, encoderLayers),
    decoder: activations.slice(encoderLayers),
  };
}

/**
 * ∂(per-example reconstruction)/∂logits times `weight`: σ(l) − x for a Bernoulli decoder; for a Gaussian one on the
 * mean m = σ(l), (m − x)/s² · m(1 − m).
 */
function logitsGradient(model: VaeModel, logits: tf.Tensor2D, x: tf.Tensor2D, weight: tf.Scalar): tf.Tensor2D {
  const mean = tf.sigmoid(logits);
  if (model.config.likelihood === 'bernoulli') return tf.mul(tf.sub(mean, x), weight);
  const { decoderStd } = model.config;
  const slope = tf.mul(mean, tf.sub(1, mean));
  return tf.mul(tf.mul(tf.sub(mean, x), slope), tf.div(weight, decoderStd * decoderStd));
}

/** Backward through `layers` (last first), given their `activations`; returns the gradient of their input and weights. */
function backLayers(
  layers: readonly DenseLayer[],
  activations: readonly tf.Tensor2D[],
  dy: tf.Tensor2D,
  withInput: boolean,
): { dInput: tf.Tensor2D | null; grads: tf.Tensor[] } {
  const grads: tf.Tensor[] = [];
  let d: tf.Tensor2D | null = dy;
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i]!;
    const output = layer.activation === 'linear' ? null : activations[i + 1]!;
    const result = denseBackward(d!, activations[i]!, output, layer, i > 0 || withInput);
    grads.unshift(result.dW, result.db);
    d = result.dx;
  }
  return { dInput: d, grads };
}

/**
 * The gradient of the mean objective for every variable, in `model.variables()` order. With g = dy/batch: the decoder
 * gets g·∂rec/∂logits; z = μ + σ ⊙ ε passes dz to μ and ½ dz ⊙ σ ⊙ ε to log σ²; the KL adds β g μ and
 * ½ β g (σ² − 1).
 */
function gradients(model: VaeModel, pass: ForwardPass, beta: number, dy: tf.Tensor): tf.Tensor[] {
  const { mu, logVar, epsilon, encoder, decoder } = pass;
  const x = encoder[0]!;
  const g = tf.div(dy, x.shape[0]) as tf.Scalar;
  const back = backLayers(decoderOf(model), decoder, logitsGradient(model, last(decoder), x, g), true);
  const dz = back.dInput!;
  const klWeight = tf.mul(g, beta);
  const dMu = tf.add(dz, tf.mul(mu, klWeight));
  const noise = tf.mul(tf.exp(tf.mul(0.5, logVar)), epsilon);
  const dLogVar = tf.mul(tf.add(tf.mul(dz, noise), tf.mul(tf.sub(tf.exp(logVar), 1), klWeight)), 0.5);
  const front = backLayers(encoderOf(model), encoder, tf.concat([dMu, dLogVar], 1) as tf.Tensor2D, false);
  return [...front.grads, ...back.grads];
}

/**
 * `computeTerms` for the book's objective and the pathwise gradient, as one op: the same forward ops and values, with
 * the backward pass above in place of tfjs's tape. The terms besides the loss leave the op through `tf.keep`, and are
 * handed to the caller's scope at once.
 */
export function pathwiseTerms(model: VaeModel, x: tf.Tensor2D, epsilon: tf.Tensor2D, beta: number): PathwiseTerms {
  let side: tf.Tensor[] = [];
  const encoderLayers = encoderOf(model).length;
  const op = tf.customGrad((...args) => {
    const save = args[args.length - 1] as (tensors: tf.Tensor[]) => void;
    const pass = forwardPass(model, x, epsilon);
    const reconstruction = reconstructionTerm(model, last(pass.decoder), x);
    const klPerDim = gaussianKlPerDim(pass.mu, pass.logVar);
    const kl = tf.sum(klPerDim, 1) as tf.Tensor1D;
    const objective = betaObjective(reconstruction, kl, beta);
    side = [reconstruction, klPerDim, kl, objective].map((t) => tf.keep(t));
    save(toSaved(pass));
    return {
      value: tf.mean(objective) as tf.Scalar,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => gradients(model, fromSaved(saved, encoderLayers), beta, dy),
    };
  });
  const loss = op(...model.variables()) as tf.Scalar;
  const [reconstruction, klPerDim, kl, objective] = side.map((kept) => {
    const tracked = tf.clone(kept);
    kept.dispose();
    return tracked;
  }) as [tf.Tensor1D, tf.Tensor2D, tf.Tensor1D, tf.Tensor1D];
  return { reconstruction, klPerDim, kl, objective, loss };
}
