/** Held-out evaluation: the loss terms averaged over a data set, with noise seeded the same way every time. */
import { tf } from './tf';
import type { VaeModel } from './model';
import { computeTerms } from './objective';
import { binarizeInto } from './losses';
import { Rng, STREAMS } from './random';
import { toUnitFloats } from './data/split';

/**
 * Images as plain numbers: `count` rows of `inputSize` pixels in [0, 1], and one label per row. `pixels`, when given,
 * holds the same images as bytes 0–255 (pixel = byte / 255); batches are then made from it and `images` is not read.
 */
export interface ImageSet {
  readonly images: Float32Array;
  readonly pixels?: Uint8Array;
  readonly labels: Uint8Array;
  readonly count: number;
}

/**
 * A fresh copy of `count` rows of `set` from row `start`, as floats in [0, 1]. Made from the bytes when the set has
 * them (the same numbers as its floats), so reading a few test images never converts all 10,000 of them.
 */
export function imageRows(set: ImageSet, inputSize: number, start: number, count: number): Float32Array {
  const [from, to] = [start * inputSize, (start + count) * inputSize];
  return set.pixels ? toUnitFloats(set.pixels.subarray(from, to)) : set.images.slice(from, to);
}

/** Averages over a held-out set, in nats per example. */
export interface EvalMetrics {
  readonly count: number;
  readonly reconstruction: number;
  readonly kl: number;
  readonly klPerDim: number[];
  readonly elbo: number;
  readonly objective: number;
  readonly beta: number;
}

/** How to evaluate: β for the objective, whether to binarize, the seed of the evaluation noise, how many rows. */
export interface EvalOptions {
  readonly beta: number;
  readonly binarize: boolean;
  readonly seed: number;
  /** Use the first `limit` examples; 0 means all. */
  readonly limit?: number;
}

/** Rows per forward pass during evaluation. */
const EVAL_CHUNK = 250;

/** Averages reconstruction, KL (total and per dimension), ELBO and objective over `data`; deterministic for a seed. */
export function evaluateModel(model: VaeModel, data: ImageSet, options: EvalOptions): EvalMetrics {
  const { inputSize, latentSize } = model.config;
  const { beta, binarize, seed, limit = 0 } = options;
  const count = limit > 0 ? Math.min(limit, data.count) : data.count;
  const rng = new Rng(seed, STREAMS.evaluation);
  const sums = new Float64Array(3 + latentSize);
  for (let start = 0; start < count; start += EVAL_CHUNK) {
    const rows = Math.min(EVAL_CHUNK, count - start);
    let pixels = imageRows(data, inputSize, start, rows);
    if (binarize) pixels = binarizeInto(pixels, rng, new Float32Array(pixels.length));
    const noise = rng.fillNormal(new Float32Array(rows * latentSize));
    const chunkSums = tf.tidy(() => {
      const terms = computeTerms(
        model,
        tf.tensor2d(pixels, [rows, inputSize]),
        tf.tensor2d(noise, [rows, latentSize]),
        beta,
      );
      return tf.concat([
        tf.stack([tf.sum(terms.reconstruction), tf.sum(terms.kl), tf.sum(terms.objective)]),
        tf.sum(terms.klPerDim, 0),
      ]);
    });
    chunkSums.dataSync().forEach((value, i) => (sums[i] = (sums[i] as number) + value));
    chunkSums.dispose();
  }
  const means = Array.from(sums, (sum) => sum / count);
  const [reconstruction = NaN, kl = NaN, objective = NaN] = means;
  return { count, reconstruction, kl, klPerDim: means.slice(3), elbo: -(reconstruction + kl), objective, beta };
}
