/** One image the page supplies (the reader's drawing) through the VAE: q(z|x), decode(μ) and a point ELBO. */
import { tf } from '../core/tf';
import type { VaeModel } from '../core/model';
import { gaussianKlPerDim } from '../core/losses';
import { reconstructionTerm } from '../core/objective';

/** The encoder's answer for one image, as plain arrays. */
export interface ImageEncoding {
  readonly mean: Float32Array;
  readonly logVar: Float32Array;
  /** decode(μ), in [0, 1]. */
  readonly reconstruction: Float32Array;
  /** −(−log p(x | z = μ) + KL(q(z|x) ‖ N(0, I))): deterministic, so the same drawing always gets the same number. */
  readonly elbo: number;
}

/** Encodes `pixels` (`inputSize` values in [0, 1]) and decodes its mean; leaves no tensors behind. */
export function encodeImage(model: VaeModel, pixels: Float32Array): ImageEncoding {
  const { inputSize } = model.config;
  const outputs = tf.tidy(() => {
    const x = tf.tensor2d(pixels, [1, inputSize]);
    const { mu, logVar } = model.encode(x);
    const logits = model.decodeLogits(mu);
    const kl = tf.sum(gaussianKlPerDim(mu, logVar));
    const elbo = tf.neg(tf.add(tf.sum(reconstructionTerm(model, logits, x)), kl));
    return [mu, logVar, tf.sigmoid(logits), elbo];
  });
  const [mean, logVar, reconstruction, elbo] = outputs.map((tensor) => Float32Array.from(tensor.dataSync()));
  tf.dispose(outputs);
  return { mean: mean!, logVar: logVar!, reconstruction: reconstruction!, elbo: elbo![0]! };
}
